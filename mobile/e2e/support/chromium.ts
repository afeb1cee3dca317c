import { execFileSync } from 'node:child_process';
import type { LaunchOptions } from '@playwright/test';

/** Debian's Chromium, found once: CHROMIUM_PATH, else `chromium` on the PATH. */
export function chromiumPath(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return fromEnv;
  try {
    return execFileSync('bash', ['-c', 'command -v chromium || command -v chromium-browser'], {
      encoding: 'utf8',
    }).trim();
  } catch {
    throw new Error('Chromium is not installed: apt-get install chromium (or set CHROMIUM_PATH)');
  }
}

/** Without these Chromium keeps calling Google's hosts, which a closed network refuses. */
const QUIET = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function chromiumLaunchOptions(): LaunchOptions {
  return { executablePath: chromiumPath(), args: QUIET };
}
