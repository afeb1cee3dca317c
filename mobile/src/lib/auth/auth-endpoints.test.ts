import { describe, expect, it, vi } from 'vitest';
import { jsonResponse, problemResponse } from '../../test/fake-tabs';
import { createAuthEndpoints } from './auth-endpoints';

const grant = { access_token: 'jwt', token_type: 'Bearer', expires_in: 900, refresh_expires_in: 86400, session_id: 's1' };

function headersOf(init: RequestInit | undefined): Headers {
  return new Headers(init?.headers);
}

describe('auth endpoints', () => {
  it('signs in as the web client, letting the refresh cookie be set', async () => {
    const fetch = vi.fn((_url: string, _init?: RequestInit) => Promise.resolve(jsonResponse(200, grant)));
    const token = await createAuthEndpoints('https://api.example', fetch, () => 5).login({ email: 'a@b.ch', password: 'pw' });

    const [url, init] = fetch.mock.calls[0] ?? [];
    expect(url).toBe('https://api.example/auth/login');
    expect(init?.credentials).toBe('include');
    expect(headersOf(init).get('X-Moveacces-Client')).toBe('web');
    expect(headersOf(init).get('Content-Type')).toBe('application/json');
    expect(JSON.parse(init?.body as string)).toEqual({ email: 'a@b.ch', password: 'pw' });
    expect(token).toEqual({ value: 'jwt', sessionId: 's1', issuedAt: 5, expiresAt: 900_005 });
  });

  it('refreshes with the cookie alone: no body, no Content-Type', async () => {
    const fetch = vi.fn((_url: string, _init?: RequestInit) => Promise.resolve(jsonResponse(200, grant)));
    await createAuthEndpoints('', fetch).refresh();

    const [url, init] = fetch.mock.calls[0] ?? [];
    expect(url).toBe('/auth/refresh');
    expect(init?.method).toBe('POST');
    expect(init?.body).toBeNull();
    expect(init?.credentials).toBe('include');
    expect(headersOf(init).has('Content-Type')).toBe(false);
    expect(headersOf(init).get('X-Moveacces-Client')).toBe('web');
  });

  it('answers a dead cookie with the invalid-refresh-token problem', async () => {
    const fetch = () => Promise.resolve(problemResponse(401, 'invalid-refresh-token'));
    await expect(createAuthEndpoints('', fetch).refresh()).rejects.toMatchObject({ kind: 'session-expired', status: 401 });
  });

  it('logs out with the bearer when there is one', async () => {
    const fetch = vi.fn((_url: string, _init?: RequestInit) => Promise.resolve(new Response(null, { status: 204 })));
    const endpoints = createAuthEndpoints('', fetch);
    await endpoints.logout('jwt');
    await endpoints.logout(null);
    expect(headersOf(fetch.mock.calls[0]?.[1]).get('Authorization')).toBe('Bearer jwt');
    expect(headersOf(fetch.mock.calls[1]?.[1]).has('Authorization')).toBe(false);
    expect(fetch.mock.calls[1]?.[1]?.credentials).toBe('include');
  });
});
