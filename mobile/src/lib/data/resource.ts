import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { ApiProblem, useApiClient, type ApiClient } from '../api';
import type { KeptResource } from '../offline/member-data';
import { useOnline } from '../offline/online';
import { useKeptResources } from './kept-resources';

/** What the app keeps of the member's data, each fetched from one place and refreshed as a whole. */
export type ResourceKey = 'profile' | 'abonnements' | 'sessions';

export const RESOURCE_KEYS: readonly ResourceKey[] = ['profile', 'abonnements', 'sessions'];

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

function fresh<T>(loaded: Loaded<T>, savedAt: Date): ResourceState<T> {
  return { status: 'success', data: loaded.data, etag: loaded.etag, savedAt, stale: false };
}

function fromKept<T>(kept: KeptResource): ResourceState<T> {
  // The copy was written by this key's loader, so it has the loader's type (see KEPT_FORMAT).
  return { status: 'success', data: kept.data as T, etag: kept.etag, savedAt: new Date(kept.savedAt), stale: true };
}

function asProblem(error: unknown): ApiProblem {
  return error instanceof ApiProblem ? error : new ApiProblem({ status: -1, detail: String(error) });
}

/**
 * The member's `key` data, loaded with `load` (stable: a module function or a useCallback) when
 * mounted, on `reload`, on `invalidateResource(key)` and when the browser comes back online;
 * `replace` puts the answer of a change in place without a round trip.
 *
 * Each answer is kept on the device for the signed-in member: the kept copy shows at once
 * (`stale`) until the fresh answer replaces it, and stays shown when the network fails.
 * Offline with no copy: `offline-empty`.
 */
export function useResource<T>(
  key: ResourceKey,
  load: Load<T>,
): { readonly state: ResourceState<T>; readonly reload: () => void; readonly replace: (next: Loaded<T>) => void } {
  const api = useApiClient();
  const kept = useKeptResources();
  const online = useOnline();
  const generation = useSyncExternalStore(subscribe, () => generations.get(key) ?? 0);
  const [state, setState] = useState<ResourceState<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    let answered = false;
    const copy = kept === null ? Promise.resolve(undefined) : kept.read(key).catch(() => undefined);

    void copy.then((found) => {
      if (controller.signal.aborted || answered || found === undefined) return;
      setState((current) => (current.status === 'success' ? current : fromKept<T>(found)));
    });

    const failed = async (problem: ApiProblem) => {
      const found = await copy;
      if (controller.signal.aborted) return;
      setState((current) => {
        if (current.status === 'success') return current.stale ? current : { ...current, stale: true };
        if (found !== undefined) return fromKept<T>(found);
        return problem.kind === 'network' ? { status: 'offline-empty' } : { status: 'error', problem };
      });
    };

    if (!online) {
      void failed(ApiProblem.network(new Error('offline')));
      return () => controller.abort();
    }

    load(api, controller.signal).then(
      (loaded) => {
        if (controller.signal.aborted) return;
        answered = true;
        const savedAt = new Date();
        setState(fresh(loaded, savedAt));
        void kept?.keep(key, loaded, savedAt).catch(() => undefined);
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        answered = true;
        const problem = asProblem(error);
        // A kept copy is better than a message while the server cannot be reached; any other
        // refusal is shown as it is.
        if (problem.isTransient) void failed(problem);
        else setState({ status: 'error', problem });
      },
    );
    return () => controller.abort();
  }, [api, kept, key, load, online, attempt, generation]);

  const reload = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((count) => count + 1);
  }, []);
  const replace = useCallback(
    (next: Loaded<T>) => {
      const savedAt = new Date();
      setState(fresh(next, savedAt));
      void kept?.keep(key, next, savedAt).catch(() => undefined);
    },
    [kept, key],
  );

  return { state, reload, replace };
}
