import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { ApiProblem, useApiClient, type ApiClient } from '../api';

/** What the app keeps of the member's data, each fetched from one place and refreshed as a whole. */
export type ResourceKey = 'profile' | 'abonnements' | 'sessions';

export interface Loaded<T> {
  readonly data: T;
  /** The entity tag the server sent with it, for `If-Match`. */
  readonly etag?: string | undefined;
}

export type ResourceState<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'error'; readonly problem: ApiProblem }
  /** Offline, and nothing kept from an earlier visit. */
  | { readonly status: 'offline-empty' }
  | {
      readonly status: 'success';
      readonly data: T;
      readonly etag?: string | undefined;
      /** When the server gave this data: now for a fresh answer, earlier for a kept copy. */
      readonly savedAt: Date;
      /** True while it is a kept copy (offline, or before the fresh answer arrived). */
      readonly stale: boolean;
    };

export type Load<T> = (api: ApiClient, signal: AbortSignal) => Promise<Loaded<T>>;

const generations = new Map<ResourceKey, number>();
const listeners = new Set<() => void>();

/** Makes every mounted `useResource(key)` fetch again: after a change, or an event saying so. */
export function invalidateResource(key: ResourceKey): void {
  generations.set(key, (generations.get(key) ?? 0) + 1);
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * The member's `key` data, loaded with `load` (stable: a module function or a useCallback) when
 * mounted, on `reload` and on `invalidateResource(key)`; `replace` puts the answer of a change in
 * place without a round trip.
 */
export function useResource<T>(
  key: ResourceKey,
  load: Load<T>,
): { readonly state: ResourceState<T>; readonly reload: () => void; readonly replace: (next: Loaded<T>) => void } {
  const api = useApiClient();
  const generation = useSyncExternalStore(subscribe, () => generations.get(key) ?? 0);
  const [state, setState] = useState<ResourceState<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    load(api, controller.signal).then(
      (loaded) => {
        if (!controller.signal.aborted) {
          setState({ status: 'success', data: loaded.data, etag: loaded.etag, savedAt: new Date(), stale: false });
        }
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const problem = error instanceof ApiProblem ? error : new ApiProblem({ status: -1, detail: String(error) });
        setState({ status: 'error', problem });
      },
    );
    return () => controller.abort();
  }, [api, load, attempt, generation]);

  const reload = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((count) => count + 1);
  }, []);
  const replace = useCallback((next: Loaded<T>) => {
    setState({ status: 'success', data: next.data, etag: next.etag, savedAt: new Date(), stale: false });
  }, []);

  return { state, reload, replace };
}
