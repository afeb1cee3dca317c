import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

/** A copy of one of the member's resources as the server last gave it. Never a token. */
export interface KeptResource {
  readonly memberId: string;
  readonly key: string;
  readonly data: unknown;
  readonly etag: string | undefined;
  /** Epoch milliseconds: when the server gave it. */
  readonly savedAt: number;
  /** The shape the app kept it in; a copy in another shape is ignored. */
  readonly format: number;
}

/** The last realtime event the device handled for the member, to resume after it. */
export interface RealtimePosition {
  readonly memberId: string;
  readonly lastEventId: string;
}

interface MemberDataSchema extends DBSchema {
  resources: { key: [string, string]; value: KeptResource };
  realtime: { key: string; value: RealtimePosition };
}

export const MEMBER_DATA_DATABASE = 'moveacces-member-data';

/**
 * What the device keeps of each member who signed in on it, in IndexedDB: their resources and
 * their place in the realtime stream. Keyed by member, so one member never sees another's, and
 * forgotten at sign-out.
 */
export class MemberData {
  readonly #name: string;
  #db: Promise<IDBPDatabase<MemberDataSchema>> | undefined;

  constructor(name: string = MEMBER_DATA_DATABASE) {
    this.#name = name;
  }

  async readResource(memberId: string, key: string): Promise<KeptResource | undefined> {
    return (await this.#open()).get('resources', [memberId, key]);
  }

  async keepResource(resource: KeptResource): Promise<void> {
    await (await this.#open()).put('resources', resource);
  }

  async lastEventId(memberId: string): Promise<string | null> {
    return (await (await this.#open()).get('realtime', memberId))?.lastEventId ?? null;
  }

  async keepLastEventId(memberId: string, lastEventId: string): Promise<void> {
    await (await this.#open()).put('realtime', { memberId, lastEventId });
  }

  /** At sign-out: nothing of the member stays on the device. */
  async forget(memberId: string): Promise<void> {
    const db = await this.#open();
    const transaction = db.transaction(['resources', 'realtime'], 'readwrite');
    const range = IDBKeyRange.bound([memberId, ''], [memberId, '\uffff']);
    await Promise.all([
      transaction.objectStore('resources').delete(range),
      transaction.objectStore('realtime').delete(memberId),
      transaction.done,
    ]);
  }

  close(): void {
    void this.#db?.then((db) => db.close());
    this.#db = undefined;
  }

  #open(): Promise<IDBPDatabase<MemberDataSchema>> {
    this.#db ??= openDB<MemberDataSchema>(this.#name, 1, {
      upgrade(db) {
        db.createObjectStore('resources', { keyPath: ['memberId', 'key'] });
        db.createObjectStore('realtime', { keyPath: 'memberId' });
      },
      // A newer version of the app in another tab wants to upgrade: let it.
      blocking: () => this.close(),
    });
    return this.#db;
  }
}

/** The app's one store. */
export const memberData = new MemberData();
