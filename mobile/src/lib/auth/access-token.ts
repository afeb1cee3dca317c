/** The member's access token as the app keeps it: in memory, with when it was issued and ends. */
export interface AccessToken {
  readonly value: string;
  readonly sessionId: string;
  /** Epoch milliseconds. */
  readonly issuedAt: number;
  /** Epoch milliseconds. */
  readonly expiresAt: number;
}

/** Refresh ahead: at 80 % of the lifetime, and never later than a minute before the end. */
const REFRESH_AT_FRACTION = 0.8;
const REFRESH_AT_LATEST_MS = 60_000;

export function refreshDueAt(token: AccessToken): number {
  const lifetime = token.expiresAt - token.issuedAt;
  return Math.min(token.issuedAt + lifetime * REFRESH_AT_FRACTION, token.expiresAt - REFRESH_AT_LATEST_MS);
}

/** Whether the token can be used without refreshing it first. */
export function isFresh(token: AccessToken, now: number): boolean {
  return now < refreshDueAt(token);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * Reads the body of a login or refresh answer. A `refresh_token` member, should a server still
 * send one, is ignored: the refresh token lives only in the HttpOnly cookie.
 */
export function accessTokenFromGrant(body: unknown, now: number): AccessToken {
  if (
    !isRecord(body) ||
    typeof body.access_token !== 'string' ||
    body.access_token === '' ||
    typeof body.expires_in !== 'number' ||
    body.expires_in <= 0 ||
    typeof body.session_id !== 'string'
  ) {
    throw new TypeError('Unexpected token grant');
  }
  return {
    value: body.access_token,
    sessionId: body.session_id,
    issuedAt: now,
    expiresAt: now + body.expires_in * 1000,
  };
}

export function isAccessToken(value: unknown): value is AccessToken {
  return (
    isRecord(value) &&
    typeof value.value === 'string' &&
    typeof value.sessionId === 'string' &&
    typeof value.issuedAt === 'number' &&
    typeof value.expiresAt === 'number'
  );
}

/**
 * The member the token belongs to (its `sub`), read without verifying it: the server verifies
 * every token; the app only needs to know whose data it keeps on the device. Null when the token
 * is no JWT with a subject.
 */
export function memberIdOf(token: AccessToken): string | null {
  const payload = token.value.split('.')[1];
  if (payload === undefined) return null;
  try {
    const base64 = payload.replace(/-/g, '+').replace(/_/g, '/');
    const claims: unknown = JSON.parse(atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '=')));
    return isRecord(claims) && typeof claims.sub === 'string' && claims.sub !== '' ? claims.sub : null;
  } catch {
    return null;
  }
}
