import { createContext, use, useMemo, type ReactNode } from 'react';
import type { KeptResource, MemberData } from '../offline/member-data';
import type { Loaded } from './resource';

/**
 * The shape resources are kept in. Raise it when a loader's result changes shape, so that copies
 * kept by an older version of the app are ignored rather than misread.
 */
export const KEPT_FORMAT = 1;

/** Where `useResource` keeps the signed-in member's copies; without it nothing is kept. */
export interface KeptResources {
  read(key: string): Promise<KeptResource | undefined>;
  keep(key: string, loaded: Loaded<unknown>, savedAt: Date): Promise<void>;
}

const KeptResourcesContext = createContext<KeptResources | null>(null);

export function keptResourcesOf(store: MemberData, memberId: string): KeptResources {
  return {
    async read(key) {
      const kept = await store.readResource(memberId, key);
      return kept?.format === KEPT_FORMAT ? kept : undefined;
    },
    keep(key, loaded, savedAt) {
      return store.keepResource({
        memberId,
        key,
        data: loaded.data,
        etag: loaded.etag,
        savedAt: savedAt.getTime(),
        format: KEPT_FORMAT,
      });
    },
  };
}

/** Keeps the resources of `memberId` (null: signed out, nothing kept) in `store`. */
export function KeptResourcesProvider({
  store,
  memberId,
  children,
}: {
  readonly store: MemberData;
  readonly memberId: string | null;
  readonly children: ReactNode;
}) {
  const kept = useMemo(() => (memberId === null ? null : keptResourcesOf(store, memberId)), [store, memberId]);
  return <KeptResourcesContext value={kept}>{children}</KeptResourcesContext>;
}

export function useKeptResources(): KeptResources | null {
  return use(KeptResourcesContext);
}
