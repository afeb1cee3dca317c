import type { ApiClient } from '../../../lib/api';
import type { Loaded } from '../../../lib/data';

/** One of the member's signed-in sessions, as auth-service lists them. */
export interface MemberSession {
  readonly id: string;
  readonly createdAt: string;
  readonly lastUsedAt: string;
  readonly userAgent: string | null;
  readonly ip: string | null;
  /** The session this app is using. */
  readonly current: boolean;
}

type Json = Record<string, unknown>;

function isJson(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const optionalString = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

function decodeSession(value: unknown): MemberSession {
  if (
    !isJson(value) ||
    typeof value.id !== 'string' ||
    typeof value.created_at !== 'string' ||
    typeof value.last_used_at !== 'string' ||
    typeof value.current !== 'boolean'
  ) {
    throw new TypeError('Unexpected session');
  }
  return {
    id: value.id,
    createdAt: value.created_at,
    lastUsedAt: value.last_used_at,
    userAgent: optionalString(value.user_agent),
    ip: optionalString(value.ip),
    current: value.current,
  };
}

/** This device first, then the others by their last use, latest first. */
export function decodeSessions(body: unknown): MemberSession[] {
  if (!Array.isArray(body)) throw new TypeError('Unexpected session list');
  return body
    .map(decodeSession)
    .sort((a, b) => Number(b.current) - Number(a.current) || Date.parse(b.lastUsedAt) - Date.parse(a.lastUsedAt));
}

export async function getSessions(api: ApiClient, signal: AbortSignal): Promise<Loaded<readonly MemberSession[]>> {
  const response = await api.get('/auth/sessions', decodeSessions, signal);
  return { data: response.data, etag: response.etag ?? undefined };
}

/** Signs another device out: its session ends at once. */
export async function endSession(api: ApiClient, id: string): Promise<void> {
  await api.request({ method: 'DELETE', path: `/auth/sessions/${encodeURIComponent(id)}` });
}

/** Ends every session of the member, this one included. */
export async function endAllSessions(api: ApiClient): Promise<void> {
  await api.request({ method: 'POST', path: '/auth/logout-all' });
}
