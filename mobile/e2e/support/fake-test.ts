import { test as base, expect } from '@playwright/test';
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

/** Opens the app and signs in against the fake backend. */
export async function signIn(
  page: import('@playwright/test').Page,
  t: (key: string) => string,
): Promise<void> {
  await page.goto(runningSystem().appUrl);
  await page.getByRole('textbox', { name: t('signIn.email') }).fill('anna.muster@example.ch');
  await page.getByLabel(t('signIn.password')).fill('Correct-Horse-Battery');
  await page.getByRole('button', { name: t('signIn.submit') }).click();
  await expect(page.getByRole('main')).toContainText('Anna');
}
