import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { FieldError } from '../api';

export type PatchValue = string | number | boolean | null;

/** An RFC 7396 merge patch of flat fields: a value sets the field, null removes it. */
export type MergePatch = Readonly<Record<string, PatchValue>>;

/**
 * - `queued`: waits for the network.
 * - `in-flight`: being sent by the tab that holds the queue's lock. Found so outside a send, the
 *   tab died mid-send: it is sent again, and its `If-Match` turns a repeat into a 412.
 * - `conflict`: the server's version moved on (412); the member chooses.
 * - `rejected`: the server refused it for good (e.g. 422); the member corrects or discards it.
 */
export type QueuedEditState = 'queued' | 'in-flight' | 'conflict' | 'rejected';

export interface EditRejection {
  readonly messageKey: string;
  readonly traceId?: string | undefined;
  readonly fieldErrors: readonly FieldError[];
}

export interface QueuedEdit {
  /** The member it belongs to: only sent while they are the one signed in. */
  readonly userId: string;
  /** What it changes, e.g. `profile`: one pending edit per member and resource. */
  readonly resource: string;
  /** Where the merge patch goes, e.g. `/users/me`. */
  readonly path: string;
  /** The entity tag of the version the member edited; null sends without a precondition. */
  readonly ifMatch: string | null;
  /** Only the fields the member changed. */
  readonly changes: MergePatch;
  /** Epoch milliseconds. */
  readonly queuedAt: number;
  readonly state: QueuedEditState;
  readonly attempts: number;
  readonly rejection?: EditRejection | undefined;
}

export type NewEdit = Pick<QueuedEdit, 'userId' | 'resource' | 'path' | 'ifMatch' | 'changes'>;

interface EditQueueSchema extends DBSchema {
  edits: { key: [string, string]; value: QueuedEdit };
}

export const EDIT_QUEUE_DATABASE = 'moveacces-edit-queue';

/** The pending edits of every member of this browser, in IndexedDB: they outlive a reload. */
export class EditQueueStore {
  readonly #name: string;
  #db: Promise<IDBPDatabase<EditQueueSchema>> | undefined;

  constructor(name: string = EDIT_QUEUE_DATABASE) {
    this.#name = name;
  }

  async all(): Promise<QueuedEdit[]> {
    return (await this.#open()).getAll('edits');
  }

  async get(userId: string, resource: string): Promise<QueuedEdit | undefined> {
    return (await this.#open()).get('edits', [userId, resource]);
  }

  async put(edit: QueuedEdit): Promise<void> {
    await (await this.#open()).put('edits', edit);
  }

  async delete(userId: string, resource: string): Promise<void> {
    await (await this.#open()).delete('edits', [userId, resource]);
  }

  close(): void {
    void this.#db?.then((db) => db.close());
    this.#db = undefined;
  }

  #open(): Promise<IDBPDatabase<EditQueueSchema>> {
    this.#db ??= openDB<EditQueueSchema>(this.#name, 1, {
      upgrade(db) {
        db.createObjectStore('edits', { keyPath: ['userId', 'resource'] });
      },
    });
    return this.#db;
  }
}
