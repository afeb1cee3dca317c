import { useCallback, useEffect, useState } from 'react';
import type { ApiClient } from './api-client';
import { useApiClient } from './api-context';
import { ApiProblem } from './problem';

export type QueryState<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'error'; readonly problem: ApiProblem }
  | { readonly status: 'success'; readonly data: T };

/**
 * Runs `load` when the component mounts (and again on `reload`), aborting it when the
 * component goes away. `load` must be stable (a module function, or wrapped in useCallback).
 */
export function useApiQuery<T>(load: (api: ApiClient, signal: AbortSignal) => Promise<T>): {
  readonly state: QueryState<T>;
  readonly reload: () => void;
} {
  const api = useApiClient();
  const [state, setState] = useState<QueryState<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    load(api, controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ status: 'success', data });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const problem = error instanceof ApiProblem ? error : new ApiProblem({ status: -1, detail: String(error) });
        setState({ status: 'error', problem });
      },
    );
    return () => controller.abort();
  }, [api, load, attempt]);

  const reload = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((count) => count + 1);
  }, []);

  return { state, reload };
}
