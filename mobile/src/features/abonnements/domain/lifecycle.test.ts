import { describe, expect, it } from 'vitest';
import { ApiProblem } from '../../../lib/api';
import { allowedActions, readConflict } from './lifecycle';

const conflict = (currentState: string) =>
  new ApiProblem({
    status: 409,
    type: 'https://moveacces.ch/problems/illegal-state-transition',
    extensions: { current_state: currentState, action: 'pause' },
  });

describe('the abonnement lifecycle as the member sees it', () => {
  it.each([
    ['active', ['pause', 'cancel']],
    ['paused', ['resume', 'cancel']],
    ['pending', ['cancel']],
    ['expired', []],
    ['canceled', []],
  ] as const)('in the state %s allows %j', (state, actions) => {
    expect(allowedActions(state)).toEqual(actions);
  });

  it.each([
    ['pause', 'paused'],
    ['resume', 'active'],
    ['cancel', 'canceled'],
  ] as const)('counts a %s refused because it is already %s as done', (action, current) => {
    expect(readConflict(action, conflict(current))).toEqual({ kind: 'already-done' });
  });

  it('reports the real state when the change is refused for another', () => {
    expect(readConflict('pause', conflict('expired'))).toEqual({ kind: 'refused', currentState: 'expired' });
    expect(readConflict('resume', conflict('canceled'))).toEqual({ kind: 'refused', currentState: 'canceled' });
    expect(readConflict('pause', conflict('frozen'))).toEqual({ kind: 'refused', currentState: null });
  });

  it('leaves other problems alone', () => {
    expect(readConflict('pause', new ApiProblem({ status: 503, type: 'https://moveacces.ch/problems/busy' }))).toBeNull();
    expect(readConflict('pause', new ApiProblem({ status: 409, type: 'https://moveacces.ch/problems/email-taken' }))).toBeNull();
  });
});
