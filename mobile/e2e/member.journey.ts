import { expect, test } from '@playwright/test';
import { auditTrail, PROFILE_UPDATED } from './support/audit-trail';
import { messages } from './support/locale';
import { anotherDevice, signInSeedMember, signOut } from './support/member';
import { runningSystem, SEED_MEMBER } from './support/system';

// Every journey leaves the seed member as it found them: abonnement active, password unchanged,
// this device's sessions ended; so that the next project's run meets the same member.
// Two devices signing in, each of which may wait out a busy auth-service, on two shared cores.
test.describe.configure({ mode: 'serial', timeout: 120_000 });

test('the member edits the profile and finds it saved after a reload', async ({ page }, testInfo) => {
  const t = messages(testInfo);
  await signInSeedMember(page, t, '/profile');
  await expect(page.getByRole('heading', { level: 1, name: t('profile.title') })).toBeVisible();
  const locality = page.getByRole('textbox', { name: t('profile.fields.localite') });
  await expect(locality).not.toHaveValue('');
  const town = `Carouge ${testInfo.project.name}`;
  await locality.fill(town);
  const saved = page.waitForResponse((response) => response.request().method() === 'PATCH');
  await page.getByRole('button', { name: t('profile.save') }).click();
  const patch = await saved;
  expect(patch.status()).toBe(200);
  expect(patch.request().headers()['content-type']).toBe('application/merge-patch+json');
  expect(patch.request().headers()['if-match']).toMatch(/^"/);
  expect(JSON.parse(patch.request().postData()!)).toEqual({ localite: town });
  await expect(page.getByText(t('profile.saved'))).toBeVisible();

  await page.reload();
  await expect(page.getByRole('textbox', { name: t('profile.fields.localite') })).toHaveValue(town);
  await signOut(page, t);
});

test('an abonnement paused on one device shows paused on another within 2 s, without a reload', async ({
  page,
  browser,
}, testInfo) => {
  const t = messages(testInfo);
  const other = await anotherDevice(browser, testInfo);
  const watcher = await other.newPage();
  try {
    await signInSeedMember(watcher, t);
    await expect(watcher.locator('[data-state="active"]')).toHaveCount(1);
    await signInSeedMember(page, t);
    const active = page.locator('[data-state="active"]');

    const paused = page.waitForResponse((response) => /\/subscriptions\/\d+\/pause$/.test(response.url()));
    await active.getByRole('button', { name: t('abonnement.actions.pause') }).click();
    expect((await paused).status()).toBe(200);
    await expect(watcher.locator('[data-state="paused"]')).toHaveCount(1, { timeout: 2_000 });
    await expect(watcher.locator('[data-state="active"]')).toHaveCount(0);

    const resumed = page.waitForResponse((response) => /\/subscriptions\/\d+\/resume$/.test(response.url()));
    await page.locator('[data-state="paused"]').getByRole('button', { name: t('abonnement.actions.resume') }).click();
    expect((await resumed).status()).toBe(200);
    await expect(watcher.locator('[data-state="active"]')).toHaveCount(1, { timeout: 2_000 });
    await signOut(watcher, t);
    await signOut(page, t);
  } finally {
    await other.close();
  }
});

test('a profile edit made offline survives a reload offline and is saved once back online', async ({
  page,
  context,
}, testInfo) => {
  const t = messages(testInfo);
  const since = new Date(Date.now() - 1_000);
  await signInSeedMember(page, t, '/profile');
  // Controlled by the service worker from the next load on: the shell then opens offline.
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  const locality = page.getByRole('textbox', { name: t('profile.fields.localite') });
  await expect(locality).not.toHaveValue('');

  await context.setOffline(true);
  await expect(page.getByRole('status').filter({ hasText: t('offline.body') })).toBeVisible();
  const town = `Lancy ${testInfo.project.name} ${Date.now()}`;
  await locality.fill(town);
  await page.getByRole('button', { name: t('profile.save') }).click();
  await expect(page.getByText(t('editQueue.pending'))).toBeVisible();

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: t('profile.title') })).toBeVisible();
  await expect(page.getByText(t('editQueue.pending'))).toBeVisible();
  await expect(page.getByRole('textbox', { name: t('profile.fields.localite') })).toHaveValue(town);

  // A second tab, and the network back: both tabs hear `online`, the edit goes once.
  const secondTab = await context.newPage();
  await secondTab.goto(new URL('/profile', runningSystem().appUrl).toString());
  await context.setOffline(false);
  for (const tab of [page, secondTab]) {
    await expect(tab.getByText(t('editQueue.pending'))).toHaveCount(0, { timeout: 20_000 });
  }
  await expect(page.getByRole('textbox', { name: t('profile.fields.localite') })).toHaveValue(town);

  // A later change of another field marks the end of the member's trail so far (one partition
  // per member: a second copy of the offline edit would have been recorded before it).
  const street = page.getByRole('textbox', { name: t('profile.fields.rue') });
  await street.fill(`Rue du Marché ${Date.now() % 100}`);
  await page.getByRole('button', { name: t('profile.save') }).click();
  await expect(page.getByText(t('profile.saved'))).toBeVisible();
  const changedFields = async () =>
    (await auditTrail(1, PROFILE_UPDATED, since)).map((event) => event.data.changed_fields as string[]);
  await expect.poll(changedFields, { timeout: 20_000 }).toContainEqual(['rue']);
  expect((await changedFields()).filter((fields) => fields.includes('localite'))).toHaveLength(1);
  await secondTab.close();
  await signOut(page, t);
});

test('a device signed out from another lands on the sign-in screen with the reason', async ({
  page,
  browser,
}, testInfo) => {
  const t = messages(testInfo);
  const other = await anotherDevice(browser, testInfo);
  const revoked = await other.newPage();
  try {
    const revokedSession = await signInSeedMember(revoked, t);
    await signInSeedMember(page, t, '/security');
    await expect(page.getByRole('heading', { level: 1, name: t('security.title') })).toBeVisible();
    const item = page.locator(`[data-session-id="${revokedSession}"]`);
    await item.getByRole('button').click();
    await expect(item).toHaveCount(0);

    await expect(revoked.getByRole('heading', { level: 1, name: t('signIn.title') })).toBeVisible({ timeout: 5_000 });
    await expect(revoked.getByText(t('realtime.sessionRevoked'))).toBeVisible();
    await signOut(page, t);
  } finally {
    await other.close();
  }
});

test('a password change signs the member out on the other device', async ({ page, browser }, testInfo) => {
  const t = messages(testInfo);
  const other = await anotherDevice(browser, testInfo);
  const elsewhere = await other.newPage();
  const changePassword = async (from: string, to: string) => {
    await page.getByLabel(t('security.password.currentPassword'), { exact: true }).fill(from);
    await page.getByLabel(t('security.password.newPassword'), { exact: true }).fill(to);
    await page.getByLabel(t('security.password.confirmation'), { exact: true }).fill(to);
    const answer = page.waitForResponse((response) => response.url().endsWith('/auth/password'));
    await page.getByRole('button', { name: t('security.password.submit') }).click();
    expect((await answer).status()).toBe(204);
    await expect(page.getByText(t('security.password.changed'))).toBeVisible();
  };
  try {
    await signInSeedMember(elsewhere, t);
    await signInSeedMember(page, t, '/security');
    const temporary = `${SEED_MEMBER.password}-${testInfo.project.name}`;
    await changePassword(SEED_MEMBER.password, temporary);
    await expect(elsewhere.getByRole('heading', { level: 1, name: t('signIn.title') })).toBeVisible({ timeout: 5_000 });
    await changePassword(temporary, SEED_MEMBER.password);
    await signOut(page, t);
  } finally {
    await other.close();
  }
});
