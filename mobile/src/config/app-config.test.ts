import { describe, expect, it } from 'vitest';
import { AppConfigError, loadAppConfig, parseAppConfig } from './app-config';

const answer = (status: number, body: string) => () => Promise.resolve(new Response(body, { status }));

describe('app config', () => {
  it('accepts an origin, or "" for the app’s own origin', () => {
    expect(parseAppConfig({ apiOrigin: 'http://127.0.0.1:8080' })).toEqual({ apiOrigin: 'http://127.0.0.1:8080' });
    expect(parseAppConfig({ apiOrigin: 'https://api.moveacces.ch/' })).toEqual({ apiOrigin: 'https://api.moveacces.ch' });
    expect(parseAppConfig({ apiOrigin: '' })).toEqual({ apiOrigin: '' });
  });

  it.each([
    [null],
    [[]],
    [{}],
    [{ apiOrigin: 42 }],
    [{ apiOrigin: 'not a url' }],
    [{ apiOrigin: 'ftp://api.moveacces.ch' }],
    [{ apiOrigin: 'https://api.moveacces.ch/v1' }],
  ])('refuses %j', (json) => {
    expect(() => parseAppConfig(json)).toThrow(AppConfigError);
  });

  it('loads /app-config.json', async () => {
    await expect(loadAppConfig({ fetch: answer(200, '{"apiOrigin":""}') })).resolves.toEqual({ apiOrigin: '' });
  });

  it('takes a missing file for "same origin" in development only', async () => {
    await expect(loadAppConfig({ fetch: answer(404, ''), missingMeansSameOrigin: true })).resolves.toEqual({ apiOrigin: '' });
    await expect(loadAppConfig({ fetch: answer(404, '') })).rejects.toThrow(AppConfigError);
  });

  it('refuses an HTML page served in its place', async () => {
    await expect(loadAppConfig({ fetch: answer(200, '<!doctype html>') })).rejects.toThrow(AppConfigError);
  });
});
