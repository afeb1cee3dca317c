import { describe, expect, it, vi } from 'vitest';
import { accessTokenFromGrant, isFresh, refreshDueAt, type AccessToken } from './access-token';
import { TokenStore } from './token-store';

const token = (value: string, issuedAt = 0, lifetimeSeconds = 900): AccessToken => ({
  value,
  sessionId: 'session-1',
  issuedAt,
  expiresAt: issuedAt + lifetimeSeconds * 1000,
});

describe('TokenStore', () => {
  it('holds one token, counts its changes and tells its subscribers', () => {
    const store = new TokenStore();
    const listener = vi.fn();
    store.subscribe(listener);
    expect(store.current).toBeNull();

    store.set(token('a'));
    store.set(token('b'));
    expect(store.current?.value).toBe('b');
    expect(store.version).toBe(2);

    store.clear();
    store.clear();
    expect(store.current).toBeNull();
    expect(store.version).toBe(3);
    expect(listener).toHaveBeenCalledTimes(3);
  });

  it('keeps the token out of every storage a script can read', () => {
    const store = new TokenStore();
    store.set(token('secret-access-token'));
    for (const storage of [localStorage, sessionStorage]) {
      const values = Array.from({ length: storage.length }, (_, index) => storage.getItem(storage.key(index) ?? ''));
      expect(values.join()).not.toContain('secret-access-token');
    }
    expect(document.cookie).not.toContain('secret-access-token');
  });
});

describe('refresh timing', () => {
  it('refreshes at 80 % of a 15-minute token and a minute before the end of a short one', () => {
    expect(refreshDueAt(token('t', 0, 900))).toBe(720_000);
    expect(refreshDueAt(token('t', 0, 120))).toBe(60_000);
    expect(isFresh(token('t', 0, 900), 719_999)).toBe(true);
    expect(isFresh(token('t', 0, 900), 720_000)).toBe(false);
  });

  it('reads a grant and ignores a refresh token in the body', () => {
    const read = accessTokenFromGrant(
      { access_token: 'jwt', token_type: 'Bearer', expires_in: 900, session_id: 's', refresh_token: 'never-kept' },
      1_000,
    );
    expect(read).toEqual({ value: 'jwt', sessionId: 's', issuedAt: 1_000, expiresAt: 901_000 });
    expect(() => accessTokenFromGrant({ token_type: 'Bearer' }, 0)).toThrow(TypeError);
  });
});
