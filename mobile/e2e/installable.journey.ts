import { chromium, expect, test } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromiumLaunchOptions } from './support/chromium';
import { runningSystem } from './support/system';

// Chromium answers Page.getInstallabilityErrors only in a persistent context.
test('the app is installable: no installability error', async ({}, testInfo) => {
  const { appUrl } = runningSystem();
  const profile = mkdtempSync(path.join(tmpdir(), 'moveacces-installable-'));
  const { viewport, userAgent, deviceScaleFactor, isMobile, hasTouch, locale } = testInfo.project.use;
  const context = await chromium.launchPersistentContext(profile, {
    ...chromiumLaunchOptions(),
    ...{ viewport, userAgent, deviceScaleFactor, isMobile, hasTouch, locale },
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(appUrl);
    await page.evaluate(() => navigator.serviceWorker.ready);
    const cdp = await context.newCDPSession(page);
    await expect
      .poll(async () => (await cdp.send('Page.getInstallabilityErrors')).installabilityErrors)
      .toEqual([]);
    const manifest = await cdp.send('Page.getAppManifest');
    expect(manifest.errors).toEqual([]);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});
