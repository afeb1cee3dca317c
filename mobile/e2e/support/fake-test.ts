import { test as base, expect, type Page } from '@playwright/test';
import { FakeBackend } from './fake-backend';
import { messages } from './locale';
import { runningSystem } from './system';

/**
 * Tests of the app against {@link FakeBackend}: the app as the devstack serves it, every API call
 * answered in the browser. Service workers are blocked so that every request reaches the routes.
 */
export const test = base.extend<{ fake: FakeBackend; t: (key: string, values?: Record<string, string | number>) => string }>({
  serviceWorkers: 'block',
  // auto: no test may reach the real API by forgetting to ask for the fake
  fake: [
    async ({ page }, use) => {
      const fake = new FakeBackend(runningSystem().apiUrl);
      await fake.install(page);
      fakes.set(page, fake);
      await use(fake);
    },
    { auto: true },
  ],
  t: async ({}, use, testInfo) => {
    const message = messages(testInfo);
    await use((key, values = {}) =>
      Object.entries(values).reduce(
        (text, [name, value]) => text.replaceAll(`{{${name}}}`, String(value)),
        message(key),
      ),
    );
  },
});

export { expect };

const fakes = new WeakMap<Page, FakeBackend>();

/**
 * Opens the app signed in: the fake's refresh cookie is taken as valid, so the app restores the
 * session at start-up as after a reload (the sign-in form has tests of its own).
 */
export async function signIn(page: Page, _t: (key: string) => string, path = '/'): Promise<void> {
  const fake = fakes.get(page);
  if (fake === undefined) throw new Error('signIn needs the fake backend of this page');
  fake.signedIn = true;
  await page.goto(new URL(path, runningSystem().appUrl).toString());
  await expect(page.getByRole('navigation')).toBeVisible();
  await expect(page.getByRole('main').getByRole('progressbar')).toHaveCount(0);
}
