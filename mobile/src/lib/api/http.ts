import { ApiProblem, problemFromResponse } from './problem';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/** The whole API answers JSON; a problem is asked for explicitly so proxies do not send HTML. */
export const ACCEPT_JSON = 'application/json, application/problem+json;q=0.9';

/**
 * One HTTP exchange: the response when its status is 2xx or 304, an {@link ApiProblem}
 * otherwise; a fetch that could not reach the server is a `network` problem.
 */
export async function send(fetchImpl: FetchLike, url: string, init: RequestInit): Promise<Response> {
  let response: Response;
  try {
    response = await fetchImpl(url, init);
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw ApiProblem.network(error);
  }
  if (response.ok || response.status === 304) return response;
  throw await problemFromResponse(response);
}

/** Joins the configured API origin ("" for same origin) and an absolute API path. */
export function apiUrl(apiOrigin: string, path: string): string {
  if (!path.startsWith('/')) throw new Error(`API paths are absolute: ${path}`);
  return `${apiOrigin}${path}`;
}
