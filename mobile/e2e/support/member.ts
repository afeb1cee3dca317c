import { expect, type Browser, type BrowserContext, type Page, type TestInfo } from '@playwright/test';
import { SEED_MEMBER, runningSystem } from './system';

/** A second browser of the same phone profile: another device of the member. */
export async function anotherDevice(browser: Browser, testInfo: TestInfo): Promise<BrowserContext> {
  const { viewport, userAgent, deviceScaleFactor, isMobile, hasTouch, locale, timezoneId } = testInfo.project.use;
  return browser.newContext({ viewport, userAgent, deviceScaleFactor, isMobile, hasTouch, locale, timezoneId });
}

/**
 * Signs the seed member in through the sign-in screen and waits until the member's realtime
 * socket is open (its `ready` received), so that what happens next reaches it. Answers the
 * session id of this device.
 */
export async function signInSeedMember(page: Page, t: (key: string) => string, path = '/'): Promise<string> {
  const socketReady = page.waitForEvent('websocket').then((socket) =>
    socket.waitForEvent('framereceived', {
      predicate: (frame) => String(frame.payload).includes('"ready"'),
      timeout: 30_000,
    }),
  );
  await page.goto(new URL(path, runningSystem().appUrl).toString());
  await page.getByRole('textbox', { name: t('signIn.email') }).fill(SEED_MEMBER.email);
  await page.getByLabel(t('signIn.password')).fill(SEED_MEMBER.password);
  const submit = page.getByRole('button', { name: t('signIn.submit') });
  // A busy auth-service (503 with Retry-After, from the hashing pool) is waited out as a member
  // does: the button comes back when the countdown ends.
  for (let attempt = 1; ; attempt++) {
    const login = page.waitForResponse((response) => response.url().endsWith('/auth/login'));
    await submit.click();
    const answer = await login;
    if (answer.status() === 503 && attempt < 5) {
      await expect(submit).toBeEnabled({ timeout: 30_000 });
      continue;
    }
    expect(answer.status()).toBe(200);
    await socketReady;
    return (await answer.json()).session_id;
  }
}

export async function signOut(page: Page, t: (key: string) => string): Promise<void> {
  await page.getByRole('button', { name: t('home.signOut') }).click();
  await expect(page.getByRole('heading', { level: 1, name: t('signIn.title') })).toBeVisible();
}
