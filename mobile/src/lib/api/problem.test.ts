import { describe, expect, it } from 'vitest';
import { jsonResponse } from '../../test/fake-tabs';
import { ApiProblem, parseRetryAfter, problemFromResponse } from './problem';

describe('problemFromResponse', () => {
  it('reads an RFC 9457 problem with its field errors, trace id and extensions', async () => {
    const problem = await problemFromResponse(
      jsonResponse(409, {
        type: 'https://moveacces.ch/problems/illegal-state-transition',
        title: 'Illegal state transition',
        status: 409,
        detail: 'The abonnement is expired: it cannot be paused.',
        current_state: 'expired',
        action: 'pause',
        trace_id: 'trace-in-body',
      }),
    );
    expect(problem).toBeInstanceOf(ApiProblem);
    expect(problem.problemName).toBe('illegal-state-transition');
    expect(problem.kind).toBe('conflict');
    expect(problem.messageKey).toBe('problems.illegalStateTransition');
    expect(problem.detail).toBe('The abonnement is expired: it cannot be paused.');
    expect(problem.traceId).toBe('trace-in-body');
    expect(problem.extensions).toEqual({ current_state: 'expired', action: 'pause' });
  });

  it('lists the fields at fault of a validation problem', async () => {
    const problem = await problemFromResponse(
      jsonResponse(422, {
        type: 'https://moveacces.ch/problems/validation-failed',
        status: 422,
        errors: [{ field: 'npa', message: 'must be 4 digits' }, { nonsense: true }],
      }),
    );
    expect(problem.kind).toBe('validation');
    expect(problem.fieldErrors).toEqual([{ field: 'npa', message: 'must be 4 digits' }]);
  });

  it.each([
    ['invalid-credentials', 401, 'invalid-credentials'],
    ['invalid-refresh-token', 401, 'session-expired'],
    ['precondition-failed', 412, 'precondition-failed'],
    ['too-many-requests', 429, 'rate-limited'],
    ['busy', 503, 'unavailable'],
    ['service-unavailable', 503, 'unavailable'],
    ['abonnement-not-found', 404, 'not-found'],
  ])('maps the type %s to the kind %s', async (name, status, kind) => {
    const problem = await problemFromResponse(
      jsonResponse(status, { type: `https://moveacces.ch/problems/${name}`, status }),
    );
    expect(problem.kind).toBe(kind);
  });

  it('falls back on the status for an unknown type or a body that is not JSON', async () => {
    const foreign = await problemFromResponse(jsonResponse(412, { type: 'https://example.org/other', status: 412 }));
    expect(foreign.problemName).toBeNull();
    expect(foreign.kind).toBe('precondition-failed');

    const html = await problemFromResponse(
      new Response('<html>Bad gateway</html>', {
        status: 502,
        headers: { 'Content-Type': 'text/html', 'X-Trace-Id': 'trace-in-header' },
      }),
    );
    expect(html.type).toBe('about:blank');
    expect(html.kind).toBe('unavailable');
    expect(html.traceId).toBe('trace-in-header');
  });

  it('takes Retry-After from a 429 or 503', async () => {
    const problem = await problemFromResponse(
      jsonResponse(429, { type: 'https://moveacces.ch/problems/too-many-requests', status: 429 }, { 'Retry-After': '42' }),
    );
    expect(problem.retryAfterSeconds).toBe(42);
    expect(problem.isTransient).toBe(true);
  });

  it('tells a network failure apart from any answer', () => {
    const problem = ApiProblem.network(new TypeError('Failed to fetch'));
    expect(problem.kind).toBe('network');
    expect(problem.messageKey).toBe('problems.network');
    expect(problem.isTransient).toBe(true);
  });
});

describe('parseRetryAfter', () => {
  it('reads delta-seconds and HTTP dates', () => {
    const now = Date.parse('2026-12-07T10:00:00Z');
    expect(parseRetryAfter('5', now)).toBe(5);
    expect(parseRetryAfter('Mon, 07 Dec 2026 10:00:30 GMT', now)).toBe(30);
    expect(parseRetryAfter('Mon, 07 Dec 2026 09:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});
