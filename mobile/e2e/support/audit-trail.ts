import { request } from '@playwright/test';
import { runningSystem } from './system';

/** The auditor of every devstack (development only; AUTH_DEV_ACCOUNTS). */
const AUDITOR = { email: 'auditor@moveacces.ch', password: 'Ledger-Watch-2026!' };

export interface AuditEvent {
  readonly event_id: string;
  readonly type: string;
  readonly occurred_at: string;
  readonly data: Record<string, unknown>;
}

/** The audit trail of one member as an auditor reads it through the gateway, newest first. */
export async function auditTrail(userId: number, type: string, since: Date): Promise<AuditEvent[]> {
  const api = await request.newContext({ baseURL: runningSystem().apiUrl });
  try {
    const login = await api.post('/auth/login', { data: AUDITOR });
    if (!login.ok()) throw new Error(`the auditor could not sign in: ${login.status()}`);
    const { access_token: token } = await login.json();
    const events = await api.get('/audit/events', {
      params: { user_id: userId, type, from: since.toISOString(), limit: 200 },
      headers: { Authorization: `Bearer ${token}` },
    });
    if (!events.ok()) throw new Error(`the audit trail answered ${events.status()}`);
    return (await events.json()).items;
  } finally {
    await api.dispose();
  }
}

export const PROFILE_UPDATED = 'ch.moveacces.profile.profile-updated.v1';
