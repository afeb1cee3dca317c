/** What realtime-service sends on the socket, as far as the app acts on it. */
export type ServerMessage =
  /** The socket is registered: from now on nothing published for the member is missed. */
  | { readonly type: 'ready'; readonly expiresIn: number }
  /** An `auth` was accepted: the socket now lives until the new token expires. */
  | { readonly type: 'auth_ok'; readonly expiresIn: number }
  /** A `resume` could not be served: everything must be loaded again. */
  | { readonly type: 'resync_required' }
  /** A domain event about the member; `id` increases per member. */
  | { readonly type: 'event'; readonly id: string; readonly eventType: string }
  /** `pong`, `error` and whatever a newer server may send. */
  | { readonly type: 'other' };

/** What the app sends: at most one `resume` per connection, one `auth` per access token. */
export type ClientMessage =
  | { readonly type: 'resume'; readonly last_id: string }
  | { readonly type: 'auth'; readonly token: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function readServerMessage(text: unknown): ServerMessage {
  if (typeof text !== 'string') return { type: 'other' };
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { type: 'other' };
  }
  if (!isRecord(body) || typeof body.type !== 'string') return { type: 'other' };
  if (typeof body.id === 'string') return { type: 'event', id: body.id, eventType: body.type };
  switch (body.type) {
    case 'ready':
    case 'auth_ok':
      return typeof body.expires_in === 'number' ? { type: body.type, expiresIn: body.expires_in } : { type: 'other' };
    case 'resync_required':
      return { type: 'resync_required' };
    default:
      return { type: 'other' };
  }
}

/** Orders the ids of a member's stream (`<ms>-<seq>`, Redis stream ids); NaN parts sort first. */
export function compareEventIds(a: string, b: string): number {
  const [aMs = NaN, aSeq = NaN] = a.split('-').map(Number);
  const [bMs = NaN, bSeq = NaN] = b.split('-').map(Number);
  if (aMs !== bMs) return (Number.isNaN(aMs) ? -Infinity : aMs) - (Number.isNaN(bMs) ? -Infinity : bMs);
  return (Number.isNaN(aSeq) ? -Infinity : aSeq) - (Number.isNaN(bSeq) ? -Infinity : bSeq);
}
