import type { ApiProblem } from '../../../lib/api';
import { isAbonnementState, type AbonnementState } from '../api/abonnement';

export const ABONNEMENT_ACTIONS = ['pause', 'resume', 'cancel'] as const;
export type AbonnementAction = (typeof ABONNEMENT_ACTIONS)[number];

/** What the member may do in each state (subscription-service's `Transition`); the rest is final or the job's. */
const allowedByState: Readonly<Record<AbonnementState, readonly AbonnementAction[]>> = {
  pending: ['cancel'],
  active: ['pause', 'cancel'],
  paused: ['resume', 'cancel'],
  expired: [],
  canceled: [],
};

export const stateAfter: Readonly<Record<AbonnementAction, AbonnementState>> = {
  pause: 'paused',
  resume: 'active',
  cancel: 'canceled',
};

export function allowedActions(state: AbonnementState): readonly AbonnementAction[] {
  return allowedByState[state];
}

/** How a refused change turned out: already as asked, or refused in the state it is really in. */
export type ConflictOutcome =
  | { readonly kind: 'already-done' }
  | { readonly kind: 'refused'; readonly currentState: AbonnementState | null };

/**
 * Reads a 409 `illegal-state-transition`. When the abonnement is already in the state the
 * action leads to (a second tap, another device, a retry after a lost answer), the member's wish
 * is fulfilled: it counts as done. Null for any other problem.
 */
export function readConflict(action: AbonnementAction, problem: ApiProblem): ConflictOutcome | null {
  if (problem.status !== 409 || problem.problemName !== 'illegal-state-transition') return null;
  const current = problem.extensions.current_state;
  const currentState = isAbonnementState(current) ? current : null;
  if (currentState === stateAfter[action]) return { kind: 'already-done' };
  return { kind: 'refused', currentState };
}
