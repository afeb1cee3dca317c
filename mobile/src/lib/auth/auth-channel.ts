import { isAccessToken, type AccessToken } from './access-token';

export const AUTH_CHANNEL_NAME = 'moveacces-auth';
export const REFRESH_LOCK_NAME = 'moveacces-refresh';

/**
 * Why the member is signed out, shown on the sign-in screen. `session-revoked`: the server ended
 * the session from elsewhere (another device, a password change), as the realtime socket learns.
 */
export type SignOutReason = 'signed-out' | 'session-expired' | 'session-revoked' | 'unreachable';

/** What the tabs of one browser tell each other. */
export type AuthMessage =
  | { readonly type: 'token'; readonly token: AccessToken }
  | { readonly type: 'signed-out'; readonly reason: SignOutReason };

/** The part of BroadcastChannel the session uses, so tests can link fake tabs. */
export interface AuthChannel {
  postMessage(message: AuthMessage): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void;
  close(): void;
}

/** The part of the Web Locks API the refresh uses. */
export interface RefreshLocks {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
}

const reasons: readonly string[] = [
  'signed-out',
  'session-expired',
  'session-revoked',
  'unreachable',
] satisfies SignOutReason[];

export function readAuthMessage(data: unknown): AuthMessage | null {
  if (typeof data !== 'object' || data === null) return null;
  const message = data as Record<string, unknown>;
  if (message.type === 'token' && isAccessToken(message.token)) {
    return { type: 'token', token: message.token };
  }
  if (message.type === 'signed-out' && typeof message.reason === 'string' && reasons.includes(message.reason)) {
    return { type: 'signed-out', reason: message.reason as SignOutReason };
  }
  return null;
}

/** The browser's own channel and locks, or null where a browser lacks them. */
export function browserAuthChannel(): AuthChannel | null {
  return typeof BroadcastChannel === 'function' ? new BroadcastChannel(AUTH_CHANNEL_NAME) : null;
}

export function browserRefreshLocks(): RefreshLocks | null {
  const locks = typeof navigator === 'object' ? navigator.locks : undefined;
  if (locks === undefined) return null;
  return { request: (name, callback) => locks.request(name, callback) };
}
