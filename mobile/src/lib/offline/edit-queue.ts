import { ApiProblem, type ApiClient } from '../api';
import { EditQueueStore, type EditRejection, type NewEdit, type QueuedEdit } from './edit-queue-store';

export const EDIT_QUEUE_LOCK = 'moveacces-edit-queue';
export const EDIT_QUEUE_CHANNEL = 'moveacces-edit-queue';
export const MERGE_PATCH = 'application/merge-patch+json';

/** A send that hangs must not hold the lock (and every other tab's flush) for ever. */
const SEND_TIMEOUT_MS = 30_000;

/** The part of the Web Locks API the queue uses. */
export interface EditQueueLocks {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
}

/** The part of BroadcastChannel the queue uses, to tell the other tabs. */
export interface EditQueueChannel {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void;
  close(): void;
}

export type EditQueueChange =
  | { readonly type: 'changed'; readonly userId: string; readonly resource: string }
  /** Accepted by the server: `data` and `etag` are its answer, the new version. */
  | {
      readonly type: 'sent';
      readonly userId: string;
      readonly resource: string;
      readonly data: unknown;
      readonly etag: string | null;
    };

export type FlushOutcome = 'sent' | 'conflict' | 'rejected' | 'retry-later';

export interface FlushReport {
  readonly userId: string;
  readonly resource: string;
  readonly outcome: FlushOutcome;
}

export interface EditQueueOptions {
  readonly store?: EditQueueStore;
  /** Null: this tab alone (a browser without Web Locks). */
  readonly locks?: EditQueueLocks | null;
  readonly channel?: EditQueueChannel | null;
  readonly now?: () => number;
  /** The signed-in member's id, as the server knows it: only their edits are sent. */
  readonly currentUserId?: (api: ApiClient) => Promise<string>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

async function profileUserId(api: ApiClient): Promise<string> {
  const { data } = await api.get('/users/me', (body) => {
    if (!isRecord(body) || (typeof body.user_id !== 'string' && typeof body.user_id !== 'number')) {
      throw new TypeError('Unexpected profile');
    }
    return String(body.user_id);
  });
  return data;
}

/** Serialises callbacks within this tab, where Web Locks are missing. */
function tabLocks(): EditQueueLocks {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    request(_name, callback) {
      const run = tail.then(callback);
      tail = run.catch(() => undefined);
      return run;
    },
  };
}

function readChange(data: unknown): EditQueueChange | null {
  if (!isRecord(data) || typeof data.userId !== 'string' || typeof data.resource !== 'string') return null;
  if (data.type === 'changed') return { type: 'changed', userId: data.userId, resource: data.resource };
  if (data.type === 'sent') {
    const etag = typeof data.etag === 'string' ? data.etag : null;
    return { type: 'sent', userId: data.userId, resource: data.resource, data: data.data, etag };
  }
  return null;
}

function rejectionOf(problem: ApiProblem): EditRejection {
  return { messageKey: problem.messageKey, traceId: problem.traceId, fieldErrors: problem.fieldErrors };
}

function timeoutSignal(): AbortSignal | undefined {
  return typeof AbortSignal.timeout === 'function' ? AbortSignal.timeout(SEND_TIMEOUT_MS) : undefined;
}

/**
 * Edits made without a network, kept until they can be sent, and then sent once. Every step
 * that reads or changes a pending edit runs under one Web Lock shared by the tabs: a flush marks
 * the edit in-flight, sends it and only then removes it, so a second tab or a second `online`
 * event that gets the lock afterwards finds nothing left to send. Should a tab die mid-send, the
 * edit is sent again with its original `If-Match`; if the first attempt had arrived, the server
 * answers 412 instead of applying it twice.
 */
export class EditQueue {
  readonly #store: EditQueueStore;
  readonly #locks: EditQueueLocks;
  readonly #channel: EditQueueChannel | null;
  readonly #now: () => number;
  readonly #currentUserId: (api: ApiClient) => Promise<string>;
  readonly #listeners = new Set<(change: EditQueueChange) => void>();

  constructor(options: EditQueueOptions = {}) {
    this.#store = options.store ?? new EditQueueStore();
    this.#locks = options.locks ?? tabLocks();
    this.#channel = options.channel ?? null;
    this.#now = options.now ?? Date.now;
    this.#currentUserId = options.currentUserId ?? profileUserId;
    this.#channel?.addEventListener('message', (event) => {
      const change = readChange(event.data);
      if (change !== null) this.#emit(change);
    });
  }

  /** Keeps `edit` to send later, in place of the member's earlier pending edit of that resource. */
  enqueue(edit: NewEdit): Promise<QueuedEdit> {
    return this.#locked(async () => {
      const queued: QueuedEdit = { ...edit, queuedAt: this.#now(), state: 'queued', attempts: 0 };
      await this.#store.put(queued);
      this.#notify({ type: 'changed', userId: edit.userId, resource: edit.resource });
      return queued;
    });
  }

  /** The member's pending edits, whatever their state. */
  async pending(userId: string): Promise<QueuedEdit[]> {
    return (await this.#store.all()).filter((edit) => edit.userId === userId);
  }

  /** Drops the member's pending edit of `resource`: sent another way, or given up. */
  discard(userId: string, resource: string): Promise<void> {
    return this.#locked(async () => {
      await this.#store.delete(userId, resource);
      this.#notify({ type: 'changed', userId, resource });
    });
  }

  /**
   * Sends the signed-in member's queued edits, each at most once. Stops at the first that meets
   * no server (network, 5xx, 429, session over): it stays queued for the next flush.
   */
  flush(api: ApiClient): Promise<FlushReport[]> {
    return this.#locked(async () => {
      const sendable = (await this.#store.all()).filter((edit) => edit.state === 'queued' || edit.state === 'in-flight');
      if (sendable.length === 0) return [];
      let userId: string;
      try {
        userId = await this.#currentUserId(api);
      } catch {
        return [];
      }
      const reports: FlushReport[] = [];
      for (const edit of sendable) {
        if (edit.userId !== userId) continue;
        const outcome = await this.#send(api, edit);
        reports.push({ userId: edit.userId, resource: edit.resource, outcome });
        if (outcome === 'retry-later') break;
      }
      return reports;
    });
  }

  subscribe(listener: (change: EditQueueChange) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Runs under the lock only. */
  async #send(api: ApiClient, edit: QueuedEdit): Promise<FlushOutcome> {
    const inFlight: QueuedEdit = { ...edit, state: 'in-flight', attempts: edit.attempts + 1 };
    await this.#store.put(inFlight);
    const { userId, resource } = edit;
    try {
      const response = await api.request({
        method: 'PATCH',
        path: edit.path,
        body: edit.changes,
        headers: { 'Content-Type': MERGE_PATCH, ...(edit.ifMatch !== null ? { 'If-Match': edit.ifMatch } : {}) },
        signal: timeoutSignal(),
      });
      await this.#store.delete(userId, resource);
      this.#notify({ type: 'sent', userId, resource, data: response.data, etag: response.etag });
      return 'sent';
    } catch (error) {
      const problem = error instanceof ApiProblem ? error : null;
      let outcome: FlushOutcome;
      if (problem?.kind === 'precondition-failed') {
        outcome = 'conflict';
        await this.#store.put({ ...inFlight, state: 'conflict' });
      } else if (
        problem === null ||
        problem.isTransient ||
        problem.kind === 'unauthorized' ||
        problem.kind === 'session-expired'
      ) {
        // No answer, or one that says "later". Had it arrived after all, its If-Match makes the
        // next attempt a 412, never a second change.
        outcome = 'retry-later';
        await this.#store.put({ ...inFlight, state: 'queued' });
      } else {
        outcome = 'rejected';
        await this.#store.put({ ...inFlight, state: 'rejected', rejection: rejectionOf(problem) });
      }
      this.#notify({ type: 'changed', userId, resource });
      return outcome;
    }
  }

  #locked<T>(callback: () => Promise<T>): Promise<T> {
    return this.#locks.request(EDIT_QUEUE_LOCK, callback);
  }

  #notify(change: EditQueueChange): void {
    this.#channel?.postMessage(change);
    this.#emit(change);
  }

  #emit(change: EditQueueChange): void {
    for (const listener of [...this.#listeners]) listener(change);
  }
}

function browserLocks(): EditQueueLocks | null {
  // Some environments (happy-dom, old Safari) answer null rather than leave it out.
  const locks = (typeof navigator === 'object' ? navigator.locks : undefined) as LockManager | null | undefined;
  if (locks === undefined || locks === null) return null;
  return { request: (name, callback) => locks.request(name, callback) };
}

function browserChannel(): EditQueueChannel | null {
  return typeof BroadcastChannel === 'function' ? new BroadcastChannel(EDIT_QUEUE_CHANNEL) : null;
}

let shared: EditQueue | undefined;

/** This tab's queue, on the browser's IndexedDB, Web Locks and BroadcastChannel. */
export function editQueue(): EditQueue {
  shared ??= new EditQueue({ locks: browserLocks(), channel: browserChannel() });
  return shared;
}
