import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiClientProvider, ApiProblem, type ApiClient } from '../api';
import { MemberData } from '../offline/member-data';
import { KEPT_FORMAT, KeptResourcesProvider } from './kept-resources';
import { invalidateResource, useResource, type Load } from './resource';

interface Profile {
  readonly nom: string;
}

const api = {} as ApiClient;
let databases = 0;

function setUp(memberId: string | null = 'member-a') {
  databases += 1;
  const store = new MemberData(`member-data-test-${databases.toString()}`);
  const wrapperFor =
    (member: string | null) =>
    ({ children }: { children: ReactNode }) => (
      <ApiClientProvider client={api}>
        <KeptResourcesProvider store={store} memberId={member}>
          {children}
        </KeptResourcesProvider>
      </ApiClientProvider>
    );
  return { store, wrapper: wrapperFor(memberId), wrapperFor };
}

function keepCopy(store: MemberData, memberId: string, nom: string, savedAt: number) {
  return store.keepResource({ memberId, key: 'profile', data: { nom }, etag: '"v0"', savedAt, format: KEPT_FORMAT });
}

/** A load the test answers when it wants. */
function deferredLoad() {
  let answer: (value: Profile) => void = () => undefined;
  let fail: (error: unknown) => void = () => undefined;
  const load = vi.fn<Load<Profile>>(
    () =>
      new Promise((resolve, reject) => {
        answer = (data) => resolve({ data, etag: '"v1"' });
        fail = reject;
      }),
  );
  return { load, answer: (data: Profile) => answer(data), fail: (error: unknown) => fail(error) };
}

function goOffline() {
  vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
}

describe('useResource with kept copies', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('shows the kept copy at once, then the fresh answer, which it keeps', async () => {
    const { store, wrapper } = setUp();
    await keepCopy(store, 'member-a', 'Ancien', 1_000);
    const server = deferredLoad();

    const { result } = renderHook(() => useResource('profile', server.load), { wrapper });
    await waitFor(() => expect(result.current.state.status).toBe('success'));
    expect(result.current.state).toEqual({
      status: 'success',
      data: { nom: 'Ancien' },
      etag: '"v0"',
      savedAt: new Date(1_000),
      stale: true,
    });

    act(() => server.answer({ nom: 'Nouveau' }));
    await waitFor(() => expect(result.current.state).toMatchObject({ data: { nom: 'Nouveau' }, etag: '"v1"', stale: false }));
    await waitFor(async () => expect((await store.readResource('member-a', 'profile'))?.data).toEqual({ nom: 'Nouveau' }));
  });

  it('offline with a kept copy: the copy, stale, without asking the server', async () => {
    const { store, wrapper } = setUp();
    await keepCopy(store, 'member-a', 'Gardé', 2_000);
    goOffline();
    const server = deferredLoad();

    const { result } = renderHook(() => useResource('profile', server.load), { wrapper });
    await waitFor(() => expect(result.current.state).toMatchObject({ status: 'success', data: { nom: 'Gardé' }, stale: true }));
    expect(server.load).not.toHaveBeenCalled();
  });

  it('offline with nothing kept: offline-empty', async () => {
    const { wrapper } = setUp();
    goOffline();
    const { result } = renderHook(() => useResource('profile', deferredLoad().load), { wrapper });
    await waitFor(() => expect(result.current.state).toEqual({ status: 'offline-empty' }));
  });

  it('keeps showing the copy, stale, when the network fails; shows any other refusal', async () => {
    const { store, wrapper } = setUp();
    await keepCopy(store, 'member-a', 'Gardé', 3_000);
    const server = deferredLoad();
    const { result } = renderHook(() => useResource('profile', server.load), { wrapper });
    act(() => server.fail(ApiProblem.network(new TypeError('Failed to fetch'))));
    await waitFor(() => expect(result.current.state).toMatchObject({ status: 'success', data: { nom: 'Gardé' }, stale: true }));

    const refused = deferredLoad();
    const { result: other } = renderHook(() => useResource('profile', refused.load), { wrapper });
    act(() => refused.fail(new ApiProblem({ status: 403 })));
    await waitFor(() => expect(other.current.state).toMatchObject({ status: 'error' }));
  });

  it('marks fresh data stale when a refetch fails, and refetches on invalidation', async () => {
    const { wrapper } = setUp();
    let calls = 0;
    const load: Load<Profile> = () => {
      calls += 1;
      return calls === 1 ? Promise.resolve({ data: { nom: 'Un' } }) : Promise.reject(ApiProblem.network(new Error('down')));
    };
    const { result } = renderHook(() => useResource('profile', load), { wrapper });
    await waitFor(() => expect(result.current.state).toMatchObject({ data: { nom: 'Un' }, stale: false }));
    act(() => invalidateResource('profile'));
    await waitFor(() => expect(result.current.state).toMatchObject({ data: { nom: 'Un' }, stale: true }));
  });

  it('keeps each member’s copies apart', async () => {
    const { store, wrapperFor } = setUp();
    await keepCopy(store, 'member-a', 'De A', 1_000);
    goOffline();
    const { result } = renderHook(() => useResource('profile', deferredLoad().load), { wrapper: wrapperFor('member-b') });
    await waitFor(() => expect(result.current.state).toEqual({ status: 'offline-empty' }));
  });

  it('keeps nothing while signed out', async () => {
    const { store, wrapperFor } = setUp();
    const load: Load<Profile> = () => Promise.resolve({ data: { nom: 'X' } });
    const { result } = renderHook(() => useResource('profile', load), { wrapper: wrapperFor(null) });
    await waitFor(() => expect(result.current.state.status).toBe('success'));
    expect(await store.readResource('member-a', 'profile')).toBeUndefined();
  });
});

describe('MemberData', () => {
  it('forgets everything of a member at sign-out, and only theirs', async () => {
    const { store } = setUp();
    await keepCopy(store, 'member-a', 'A', 1);
    await keepCopy(store, 'member-b', 'B', 1);
    await store.keepLastEventId('member-a', '5-0');

    await store.forget('member-a');

    expect(await store.readResource('member-a', 'profile')).toBeUndefined();
    expect(await store.lastEventId('member-a')).toBeNull();
    expect((await store.readResource('member-b', 'profile'))?.data).toEqual({ nom: 'B' });
  });

  it('ignores a copy kept in another shape', async () => {
    const { store, wrapper } = setUp();
    await store.keepResource({ memberId: 'member-a', key: 'profile', data: 'old', etag: undefined, savedAt: 1, format: 0 });
    goOffline();
    const { result } = renderHook(() => useResource('profile', deferredLoad().load), { wrapper });
    await waitFor(() => expect(result.current.state).toEqual({ status: 'offline-empty' }));
    vi.restoreAllMocks();
  });
});
