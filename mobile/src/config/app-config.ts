/** The deployment's settings, read from `/app-config.json` at start-up (not baked into the build). */
export interface AppConfig {
  /** Origin of the API gateway, e.g. `https://api.moveacces.ch`; "" when it is the app's own. */
  readonly apiOrigin: string;
}

export class AppConfigError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'AppConfigError';
  }
}

/** Checks the JSON of `/app-config.json`; an invalid file stops the start-up with a message. */
export function parseAppConfig(json: unknown): AppConfig {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new AppConfigError('app-config.json is not a JSON object');
  }
  const { apiOrigin } = json as Record<string, unknown>;
  if (typeof apiOrigin !== 'string') {
    throw new AppConfigError('app-config.json: apiOrigin must be a string');
  }
  if (apiOrigin === '') return { apiOrigin };
  let url: URL;
  try {
    url = new URL(apiOrigin);
  } catch (error) {
    throw new AppConfigError(`app-config.json: apiOrigin is not a URL: ${apiOrigin}`, { cause: error });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new AppConfigError(`app-config.json: apiOrigin must be http(s): ${apiOrigin}`);
  }
  if (url.origin !== apiOrigin.replace(/\/$/, '')) {
    throw new AppConfigError(`app-config.json: apiOrigin must be an origin, without a path: ${apiOrigin}`);
  }
  return { apiOrigin: url.origin };
}

export interface LoadAppConfigOptions {
  readonly fetch?: (input: string, init?: RequestInit) => Promise<Response>;
  /** In development a missing file means "same origin" (the dev server proxies the API). */
  readonly missingMeansSameOrigin?: boolean;
}

export async function loadAppConfig(options: LoadAppConfigOptions = {}): Promise<AppConfig> {
  const fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  let response: Response;
  try {
    response = await fetchImpl('/app-config.json', { cache: 'no-store', credentials: 'same-origin' });
  } catch (error) {
    throw new AppConfigError('app-config.json could not be fetched', { cause: error });
  }
  if (response.status === 404 && options.missingMeansSameOrigin === true) return { apiOrigin: '' };
  if (!response.ok) throw new AppConfigError(`app-config.json: HTTP ${response.status.toString()}`);
  let json: unknown;
  try {
    json = await response.json();
  } catch (error) {
    throw new AppConfigError('app-config.json is not JSON', { cause: error });
  }
  return parseAppConfig(json);
}
