import { ACCEPT_JSON, apiUrl, send, type FetchLike } from '../api/http';
import { accessTokenFromGrant, type AccessToken } from './access-token';

export interface Credentials {
  readonly email: string;
  readonly password: string;
}

/** auth-service's login, refresh and logout, as the browser client calls them. */
export interface AuthEndpoints {
  login(credentials: Credentials): Promise<AccessToken>;
  /** Rotates the refresh cookie and answers a new access token. */
  refresh(): Promise<AccessToken>;
  logout(accessToken: string | null): Promise<void>;
}

/**
 * The header tells auth-service this is the browser client: it then sets the refresh token as
 * an HttpOnly cookie (Path=/auth) instead of putting it in the body. `credentials: 'include'`
 * lets the cookie travel when the API is on another origin.
 */
const CLIENT_HEADER = { 'X-Moveacces-Client': 'web' } as const;

export function createAuthEndpoints(
  apiOrigin: string,
  fetchImpl: FetchLike = (input, init) => globalThis.fetch(input, init),
  now: () => number = Date.now,
): AuthEndpoints {
  const post = (path: string, init: { headers?: Record<string, string>; body?: string }) =>
    send(fetchImpl, apiUrl(apiOrigin, path), {
      method: 'POST',
      credentials: 'include',
      cache: 'no-store',
      headers: { Accept: ACCEPT_JSON, ...CLIENT_HEADER, ...init.headers },
      body: init.body ?? null,
    });

  return {
    async login({ email, password }) {
      const response = await post('/auth/login', {
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email, password }),
      });
      return accessTokenFromGrant(await response.json(), now());
    },
    async refresh() {
      // No body and no Content-Type: the cookie is the whole request.
      const response = await post('/auth/refresh', {});
      return accessTokenFromGrant(await response.json(), now());
    },
    async logout(accessToken) {
      await post('/auth/logout', accessToken === null ? {} : { headers: { Authorization: `Bearer ${accessToken}` } });
    },
  };
}
