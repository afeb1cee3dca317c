import { describe, expect, it } from 'vitest';
import { decodeSessions } from './sessions';

const session = (id: string, lastUsedAt: string, current = false) => ({
  id,
  created_at: '2026-12-01T08:00:00Z',
  last_used_at: lastUsedAt,
  user_agent: null,
  ip: null,
  current,
});

describe('decodeSessions', () => {
  it('puts this device first, then the others by their last use', () => {
    const sessions = decodeSessions([
      session('old', '2026-12-02T08:00:00Z'),
      session('recent', '2026-12-06T08:00:00Z'),
      session('mine', '2026-12-01T09:00:00Z', true),
    ]);
    expect(sessions.map((s) => s.id)).toEqual(['mine', 'recent', 'old']);
    expect(sessions[0]).toMatchObject({ userAgent: null, ip: null, current: true });
  });

  it('refuses what is not a session list', () => {
    expect(() => decodeSessions({})).toThrow(TypeError);
    expect(() => decodeSessions([{ id: 1 }])).toThrow(TypeError);
  });
});
