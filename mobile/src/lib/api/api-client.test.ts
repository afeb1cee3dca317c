import { describe, expect, it, vi } from 'vitest';
import { jsonResponse, problemResponse } from '../../test/fake-tabs';
import { createApiClient, type AccessTokenSource } from './api-client';

function tokens(current = 'access-1', renewed: string | null = 'access-2'): AccessTokenSource & { refreshes: number } {
  const source = {
    refreshes: 0,
    accessToken: () => Promise.resolve(current),
    refreshAfterRejection: () => {
      source.refreshes += 1;
      return Promise.resolve(renewed);
    },
  };
  return source;
}

describe('api client', () => {
  it('sends the bearer and returns the data with its ETag and trace id', async () => {
    const fetch = vi.fn((_url: string, _init?: RequestInit) =>
      Promise.resolve(jsonResponse(200, { nom: 'Muster' }, { ETag: '"v1"', 'X-Trace-Id': 't-1' })),
    );
    const api = createApiClient({ apiOrigin: 'https://api.example', tokens: tokens(), fetch });

    const response = await api.request({ path: '/users/me' });

    const [url, init] = fetch.mock.calls[0] ?? [];
    expect(url).toBe('https://api.example/users/me');
    expect(new Headers(init?.headers).get('Authorization')).toBe('Bearer access-1');
    expect(init?.credentials).toBe('omit');
    expect(response).toEqual({ status: 200, data: { nom: 'Muster' }, etag: '"v1"', traceId: 't-1' });
  });

  it('passes the caller’s headers, e.g. If-Match on a merge patch', async () => {
    const fetch = vi.fn((_url: string, _init?: RequestInit) => Promise.resolve(jsonResponse(200, {})));
    const api = createApiClient({ apiOrigin: '', tokens: tokens(), fetch });
    await api.request({
      method: 'PATCH',
      path: '/users/me',
      body: { tel: null },
      headers: { 'If-Match': '"v1"', 'Content-Type': 'application/merge-patch+json' },
    });
    const headers = new Headers(fetch.mock.calls[0]?.[1]?.headers);
    expect(headers.get('If-Match')).toBe('"v1"');
    expect(headers.get('Content-Type')).toBe('application/merge-patch+json');
    expect(fetch.mock.calls[0]?.[1]?.body).toBe('{"tel":null}');
  });

  it('refreshes once and retries once when the token is refused', async () => {
    const fetch = vi
      .fn<(url: string, init?: RequestInit) => Promise<Response>>()
      .mockResolvedValueOnce(problemResponse(401, 'invalid-token'))
      .mockResolvedValueOnce(jsonResponse(200, []));
    const source = tokens();
    const api = createApiClient({ apiOrigin: '', tokens: source, fetch });

    const response = await api.get('/subscriptions', (body) => body as unknown[]);

    expect(response.data).toEqual([]);
    expect(source.refreshes).toBe(1);
    expect(new Headers(fetch.mock.calls[1]?.[1]?.headers).get('Authorization')).toBe('Bearer access-2');
  });

  it('gives up with the 401 when the session is over', async () => {
    const fetch = () => Promise.resolve(problemResponse(401, 'invalid-token'));
    const api = createApiClient({ apiOrigin: '', tokens: tokens('access-1', null), fetch });
    await expect(api.request({ path: '/users/me' })).rejects.toMatchObject({ status: 401, kind: 'unauthorized' });
  });

  it('throws the problem of any other failure without retrying', async () => {
    const fetch = vi.fn(() => Promise.resolve(problemResponse(503, 'service-unavailable', { 'Retry-After': '5' })));
    const api = createApiClient({ apiOrigin: '', tokens: tokens(), fetch });
    await expect(api.request({ path: '/subscriptions' })).rejects.toMatchObject({
      kind: 'unavailable',
      retryAfterSeconds: 5,
    });
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});
