/** What a session's user agent says of the device, in names the member knows. */
export interface Device {
  readonly browser: string | null;
  readonly platform: string | null;
}

// Order matters: Edge, Opera and Samsung Internet also say "Chrome", Chrome also says "Safari".
const browsers: readonly [RegExp, string][] = [
  [/\bEdg(e|A|iOS)?\//, 'Edge'],
  [/\bOPR\/|\bOpera\b/, 'Opera'],
  [/\bSamsungBrowser\//, 'Samsung Internet'],
  [/\bFirefox\/|\bFxiOS\//, 'Firefox'],
  [/\bCriOS\/|\b(Headless)?Chrome\/|\bChromium\//, 'Chrome'],
  [/\bVersion\/[\d.]+.*\bSafari\//, 'Safari'],
  [/\b(iPhone|iPad|iPod)\b.*\bAppleWebKit\//, 'Safari'],
];

const platforms: readonly [RegExp, string][] = [
  [/\biPhone\b/, 'iPhone'],
  [/\biPad\b/, 'iPad'],
  [/\biPod\b/, 'iPod'],
  [/\bAndroid\b/, 'Android'],
  [/\bCrOS\b/, 'ChromeOS'],
  [/\bWindows\b/, 'Windows'],
  [/\bMacintosh\b|\bMac OS X\b/, 'macOS'],
  [/\bLinux\b/, 'Linux'],
];

function first(userAgent: string, table: readonly [RegExp, string][]): string | null {
  return table.find(([pattern]) => pattern.test(userAgent))?.[1] ?? null;
}

export function describeDevice(userAgent: string | null): Device {
  if (userAgent === null) return { browser: null, platform: null };
  return { browser: first(userAgent, browsers), platform: first(userAgent, platforms) };
}

/** The words the member reads: "Chrome on Android", or what is known of it. */
export function deviceName(device: Device, t: (key: string, values: Record<string, string>) => string): string {
  const { browser, platform } = device;
  if (browser !== null && platform !== null) return t('security.device.browserOnPlatform', { browser, platform });
  return browser ?? platform ?? t('security.device.unknown', {});
}
