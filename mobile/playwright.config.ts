import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunchOptions } from './e2e/support/chromium';

/**
 * Journeys against the real system: `e2e/support/global-setup.ts` starts a devstack (every
 * application its own process, fresh data, rate limits out of the way) that serves the built app.
 * Chromium only: Debian's, since Playwright's own browser download is not reachable; the iPhone
 * profile keeps its viewport, touch and user agent but runs in Chromium too.
 */
export default defineConfig({
  testDir: './e2e',
  testMatch: ['**/*.journey.ts', 'fake/**/*.spec.ts'],
  globalSetup: './e2e/support/global-setup.ts',
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'target/playwright-report' }]],
  outputDir: 'target/test-results',
  use: {
    launchOptions: chromiumLaunchOptions(),
    // `--trace on` when a failure needs one: recording every test costs a fifth of the run.
    trace: 'off',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'pixel-7-fr',
      use: { ...devices['Pixel 7'], browserName: 'chromium', locale: 'fr-CH', timezoneId: 'Europe/Zurich' },
    },
    {
      name: 'iphone-14-de',
      // Every screen's accessibility and layout is checked once, on the Pixel, at 320 px too.
      testIgnore: 'fake/screens.spec.ts',
      use: { ...devices['iPhone 14'], browserName: 'chromium', locale: 'de-CH', timezoneId: 'Europe/Zurich' },
    },
  ],
});
