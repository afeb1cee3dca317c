import { describe, expect, it } from 'vitest';
import { initI18n } from '../../../lib/i18n';
import { describeDevice, deviceName } from './device';

describe('describeDevice', () => {
  it.each([
    [
      'Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36',
      'Chrome',
      'Android',
    ],
    [
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
      'Safari',
      'iPhone',
    ],
    [
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/126.0.6478.54 Mobile/15E148 Safari/604.1',
      'Chrome',
      'iPhone',
    ],
    [
      'Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148',
      'Safari',
      'iPad',
    ],
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0',
      'Edge',
      'Windows',
    ],
    ['Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:127.0) Gecko/20100101 Firefox/127.0', 'Firefox', 'macOS'],
    [
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
      'Safari',
      'macOS',
    ],
    [
      'Mozilla/5.0 (Linux; Android 14; SAMSUNG SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/25.0 Chrome/121.0.0.0 Mobile Safari/537.36',
      'Samsung Internet',
      'Android',
    ],
    ['Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/126.0.0.0 Safari/537.36', 'Chrome', 'Linux'],
    ['Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36', 'Chrome', 'ChromeOS'],
  ])('reads %s', (userAgent, browser, platform) => {
    expect(describeDevice(userAgent)).toEqual({ browser, platform });
  });

  it('admits what it does not know', () => {
    expect(describeDevice('curl/8.5.0')).toEqual({ browser: null, platform: null });
    expect(describeDevice('okhttp/4.12.0 (Linux)')).toEqual({ browser: null, platform: 'Linux' });
    expect(describeDevice(null)).toEqual({ browser: null, platform: null });
  });
});

describe('deviceName', () => {
  it('names the device in the member’s language', async () => {
    const en = await initI18n(['en']);
    const t = (key: string, values: Record<string, string>) => en.t(key, values);
    expect(deviceName({ browser: 'Chrome', platform: 'Android' }, t)).toBe('Chrome on Android');
    expect(deviceName({ browser: 'Safari', platform: 'iPhone' }, t)).toBe('Safari on iPhone');
    expect(deviceName({ browser: null, platform: 'Linux' }, t)).toBe('Linux');
    expect(deviceName({ browser: null, platform: null }, t)).toBe('Unknown device');
    const fr = await initI18n(['fr']);
    expect(deviceName({ browser: 'Chrome', platform: 'Android' }, (key, values) => fr.t(key, values))).toBe('Chrome sur Android');
  });
});
