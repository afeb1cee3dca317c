/** The member last signed in on this device: ids only, never a token. */
export interface KnownMember {
  readonly memberId: string;
  readonly sessionId: string;
}

export interface KnownMemberMemory {
  read(): KnownMember | null;
  write(member: KnownMember | null): void;
}

const KEY = 'moveacces.known-member';

/** Kept in localStorage: an app started offline opens the kept data of whom it names. */
export function browserKnownMember(storage: Storage): KnownMemberMemory {
  return {
    read() {
      try {
        const value = JSON.parse(storage.getItem(KEY) ?? 'null') as Partial<KnownMember> | null;
        return typeof value?.memberId === 'string' && typeof value.sessionId === 'string'
          ? { memberId: value.memberId, sessionId: value.sessionId }
          : null;
      } catch {
        return null;
      }
    },
    write(member) {
      if (member === null) storage.removeItem(KEY);
      else storage.setItem(KEY, JSON.stringify(member));
    },
  };
}
