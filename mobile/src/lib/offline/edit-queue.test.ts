import { afterEach, describe, expect, it, vi } from 'vitest';
import { FakeLocks } from '../../test/fake-tabs';
import { ApiProblem, type ApiClient, type ApiRequest, type ApiResponse } from '../api';
import { EditQueue, type EditQueueChange } from './edit-queue';
import { EditQueueStore, type NewEdit } from './edit-queue-store';

const PROBLEMS = 'https://moveacces.ch/problems/';

let databases = 0;
const stores: EditQueueStore[] = [];

function database(): string {
  databases += 1;
  return `edit-queue-test-${databases.toString()}`;
}

/** A tab of the app: its own queue and store on the database and locks the tabs share. */
function tab(name: string, locks: FakeLocks): EditQueue {
  const store = new EditQueueStore(name);
  stores.push(store);
  return new EditQueue({ store, locks, now: () => 1_000 });
}

type Answer = () => Promise<ApiResponse<unknown>>;

/** The API as the member `userId` sees it; each PATCH takes the next answer (200 by default). */
function server(userId = '42', answers: Answer[] = []) {
  const patches: ApiRequest[] = [];
  const api: ApiClient = {
    request: vi.fn(async (request: ApiRequest) => {
      patches.push(request);
      await new Promise((resolve) => setTimeout(resolve, 5));
      const answer = answers.shift();
      if (answer !== undefined) return answer();
      return { status: 200, data: { user_id: Number(userId), tel: '+41791234567' }, etag: '"v2"', traceId: null };
    }),
    get: vi.fn((_path: string, decode: (body: unknown) => unknown) =>
      Promise.resolve({ status: 200, data: decode({ user_id: Number(userId) }), etag: '"v1"', traceId: null }),
    ) as ApiClient['get'],
  };
  return { api, patches };
}

const telEdit: NewEdit = {
  userId: '42',
  resource: 'profile',
  path: '/users/me',
  ifMatch: '"v1"',
  changes: { tel: '+41791234567', rue: null },
};

const fail = (problem: ApiProblem): Answer => () => Promise.reject(problem);

afterEach(() => {
  for (const store of stores.splice(0)) store.close();
});

describe('edit queue', () => {
  it('keeps an edit across a reload, as the member left it', async () => {
    const name = database();
    const locks = new FakeLocks();
    await tab(name, locks).enqueue(telEdit);

    const reloaded = tab(name, locks);
    expect(await reloaded.pending('42')).toEqual([{ ...telEdit, queuedAt: 1_000, state: 'queued', attempts: 0 }]);
    expect(await reloaded.pending('7')).toEqual([]);
  });

  it('sends an edit exactly once from two tabs and several online events', async () => {
    const name = database();
    const locks = new FakeLocks();
    const first = tab(name, locks);
    const second = tab(name, locks);
    await first.enqueue(telEdit);
    const { api, patches } = server();

    const reports = await Promise.all([first.flush(api), second.flush(api), first.flush(api), second.flush(api)]);

    expect(patches).toHaveLength(1);
    expect(patches[0]).toMatchObject({
      method: 'PATCH',
      path: '/users/me',
      body: { tel: '+41791234567', rue: null },
      headers: { 'Content-Type': 'application/merge-patch+json', 'If-Match': '"v1"' },
    });
    expect(reports.flat()).toEqual([{ userId: '42', resource: 'profile', outcome: 'sent' }]);
    expect(await second.pending('42')).toEqual([]);
  });

  it('tells its listeners the server’s answer to a sent edit', async () => {
    const queue = tab(database(), new FakeLocks());
    const changes: EditQueueChange[] = [];
    queue.subscribe((change) => changes.push(change));
    await queue.enqueue(telEdit);
    await queue.flush(server().api);

    expect(changes).toEqual([
      { type: 'changed', userId: '42', resource: 'profile' },
      { type: 'sent', userId: '42', resource: 'profile', data: { user_id: 42, tel: '+41791234567' }, etag: '"v2"' },
    ]);
  });

  it('keeps an edit whose send failed to try again, neither lost nor doubled', async () => {
    const name = database();
    const locks = new FakeLocks();
    const first = tab(name, locks);
    const second = tab(name, locks);
    await first.enqueue(telEdit);
    const { api, patches } = server('42', [fail(ApiProblem.network(new TypeError('Failed to fetch')))]);

    expect(await first.flush(api)).toEqual([{ userId: '42', resource: 'profile', outcome: 'retry-later' }]);
    expect(await first.pending('42')).toMatchObject([{ state: 'queued', attempts: 1, ifMatch: '"v1"' }]);

    await Promise.all([first.flush(api), second.flush(api)]);
    expect(patches).toHaveLength(2);
    expect(patches[1]?.headers).toMatchObject({ 'If-Match': '"v1"' });
    expect(await first.pending('42')).toEqual([]);
  });

  it('sends again, with its first If-Match, an edit a closed tab left in flight', async () => {
    const name = database();
    const store = new EditQueueStore(name);
    stores.push(store);
    await store.put({ ...telEdit, queuedAt: 1, state: 'in-flight', attempts: 1 });
    const { api, patches } = server('42', [
      fail(new ApiProblem({ status: 412, type: `${PROBLEMS}precondition-failed` })),
    ]);

    const reports = await tab(name, new FakeLocks()).flush(api);

    expect(patches[0]?.headers).toMatchObject({ 'If-Match': '"v1"' });
    expect(reports).toEqual([{ userId: '42', resource: 'profile', outcome: 'conflict' }]);
  });

  it('keeps a conflict for the member to resolve, and never sends it again by itself', async () => {
    const queue = tab(database(), new FakeLocks());
    await queue.enqueue(telEdit);
    const { api, patches } = server('42', [fail(new ApiProblem({ status: 412, type: `${PROBLEMS}precondition-failed` }))]);

    await queue.flush(api);
    await queue.flush(api);

    expect(patches).toHaveLength(1);
    expect(await queue.pending('42')).toMatchObject([{ state: 'conflict', changes: telEdit.changes }]);
    await queue.discard('42', 'profile');
    expect(await queue.pending('42')).toEqual([]);
  });

  it('keeps a refused edit with the server’s reasons', async () => {
    const queue = tab(database(), new FakeLocks());
    await queue.enqueue(telEdit);
    const invalid = new ApiProblem({
      status: 422,
      type: `${PROBLEMS}validation-failed`,
      traceId: 't-9',
      fieldErrors: [{ field: 'tel', message: 'must be a valid phone number' }],
    });

    expect(await queue.flush(server('42', [fail(invalid)]).api)).toMatchObject([{ outcome: 'rejected' }]);
    expect(await queue.pending('42')).toMatchObject([
      {
        state: 'rejected',
        rejection: {
          messageKey: 'problems.validationFailed',
          traceId: 't-9',
          fieldErrors: [{ field: 'tel', message: 'must be a valid phone number' }],
        },
      },
    ]);
  });

  it('sends only the signed-in member’s edits', async () => {
    const queue = tab(database(), new FakeLocks());
    await queue.enqueue(telEdit);
    await queue.enqueue({ ...telEdit, userId: '7' });
    const { api, patches } = server('7');

    await queue.flush(api);

    expect(patches).toHaveLength(1);
    expect(await queue.pending('42')).toHaveLength(1);
    expect(await queue.pending('7')).toEqual([]);
  });

  it('replaces a member’s earlier pending edit by the later one', async () => {
    const queue = tab(database(), new FakeLocks());
    await queue.enqueue(telEdit);
    await queue.enqueue({ ...telEdit, changes: { localite: 'Lausanne' } });

    expect(await queue.pending('42')).toMatchObject([{ changes: { localite: 'Lausanne' } }]);
  });

  it('asks nothing of the server when nothing is pending', async () => {
    const { api } = server();
    expect(await tab(database(), new FakeLocks()).flush(api)).toEqual([]);
    expect(api.get).not.toHaveBeenCalled();
  });
});
