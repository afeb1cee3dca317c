import { useCallback, useState } from 'react';
import { ApiProblem, useApiClient } from '../../../lib/api';
import { invalidateResource } from '../../../lib/data';
import type { Abonnement, AbonnementState } from '../api/abonnement';
import { changeAbonnement } from '../api/change-abonnement';
import { readConflict, type AbonnementAction } from '../domain/lifecycle';

export type ActionOutcome =
  | { readonly kind: 'done'; readonly action: AbonnementAction }
  | { readonly kind: 'refused'; readonly currentState: AbonnementState | null }
  | { readonly kind: 'failed'; readonly problem: ApiProblem };

/**
 * Runs the member's pause, resume or cancel on one abonnement. A success hands over the
 * abonnement in its new state; a refusal reloads the list, since it no longer shows the truth.
 */
export function useAbonnementAction(abonnement: Abonnement, onChanged: (changed: Abonnement) => void) {
  const api = useApiClient();
  const [pending, setPending] = useState<AbonnementAction | null>(null);
  const [outcome, setOutcome] = useState<ActionOutcome | null>(null);

  const run = useCallback(
    async (action: AbonnementAction): Promise<ActionOutcome> => {
      setPending(action);
      setOutcome(null);
      let result: ActionOutcome;
      try {
        onChanged(await changeAbonnement(api, abonnement.id, action));
        result = { kind: 'done', action };
      } catch (error) {
        const problem = error instanceof ApiProblem ? error : new ApiProblem({ status: -1, detail: String(error) });
        const conflict = readConflict(action, problem);
        if (conflict !== null) invalidateResource('abonnements');
        if (conflict?.kind === 'already-done') result = { kind: 'done', action };
        else if (conflict?.kind === 'refused') result = { kind: 'refused', currentState: conflict.currentState };
        else result = { kind: 'failed', problem };
      } finally {
        setPending(null);
      }
      setOutcome(result);
      return result;
    },
    [api, abonnement.id, onChanged],
  );

  return { pending, outcome, run };
}
