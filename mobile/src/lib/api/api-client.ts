import { ACCEPT_JSON, apiUrl, send, type FetchLike } from './http';
import { ApiProblem } from './problem';

/** Where the client gets the member's access token; implemented by the auth session. */
export interface AccessTokenSource {
  /** A token that is not about to expire, refreshed first if needed; null when signed out. */
  accessToken(): Promise<string | null>;
  /** Called when the API refused `rejected`: a new token, or null when the session is over. */
  refreshAfterRejection(rejected: string): Promise<string | null>;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ApiRequest {
  readonly method?: HttpMethod;
  /** Absolute API path, e.g. `/users/me`. */
  readonly path: string;
  /** Serialised as JSON unless it is already a string. */
  readonly body?: unknown;
  /** Extra headers, e.g. `If-Match` or `Content-Type: application/merge-patch+json`. */
  readonly headers?: Readonly<Record<string, string>>;
  readonly signal?: AbortSignal | undefined;
}

export interface ApiResponse<T> {
  readonly status: number;
  readonly data: T;
  /** The entity tag, for a later `If-Match` / `If-None-Match`. */
  readonly etag: string | null;
  readonly traceId: string | null;
}

export interface ApiClient {
  request(request: ApiRequest): Promise<ApiResponse<unknown>>;
  /** GET and decode: the decoder turns the JSON into the app's type or throws. */
  get<T>(path: string, decode: (body: unknown) => T, signal?: AbortSignal): Promise<ApiResponse<T>>;
}

export interface ApiClientOptions {
  readonly apiOrigin: string;
  readonly tokens: AccessTokenSource;
  readonly fetch?: FetchLike;
}

async function readBody(response: Response): Promise<unknown> {
  if (response.status === 204 || response.status === 304) return undefined;
  const text = await response.text();
  return text === '' ? undefined : (JSON.parse(text) as unknown);
}

export function createApiClient(options: ApiClientOptions): ApiClient {
  const fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));

  async function exchange(request: ApiRequest, accessToken: string | null): Promise<Response> {
    const headers = new Headers({ Accept: ACCEPT_JSON });
    let body: string | undefined;
    if (request.body !== undefined) {
      body = typeof request.body === 'string' ? request.body : JSON.stringify(request.body);
      headers.set('Content-Type', 'application/json');
    }
    for (const [name, value] of Object.entries(request.headers ?? {})) headers.set(name, value);
    if (accessToken !== null) headers.set('Authorization', `Bearer ${accessToken}`);
    return send(fetchImpl, apiUrl(options.apiOrigin, request.path), {
      method: request.method ?? 'GET',
      headers,
      body: body ?? null,
      // The refresh cookie is scoped to /auth; nothing else needs credentials.
      credentials: 'omit',
      signal: request.signal ?? null,
    });
  }

  async function request(request: ApiRequest): Promise<ApiResponse<unknown>> {
    const token = await options.tokens.accessToken();
    let response: Response;
    try {
      response = await exchange(request, token);
    } catch (error) {
      // A token refused here (revoked, or expired while the tab slept) gets one refresh and one retry.
      if (!(error instanceof ApiProblem) || error.status !== 401 || token === null) throw error;
      const renewed = await options.tokens.refreshAfterRejection(token);
      if (renewed === null) throw error;
      response = await exchange(request, renewed);
    }
    return {
      status: response.status,
      data: await readBody(response),
      etag: response.headers.get('ETag'),
      traceId: response.headers.get('X-Trace-Id'),
    };
  }

  return {
    request,
    async get(path, decode, signal) {
      const response = await request({ path, signal });
      return { ...response, data: decode(response.data) };
    },
  };
}
