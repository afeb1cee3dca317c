import { expect, signIn, test } from '../support/fake-test';
import { problem } from '../support/fake-backend';
import { runningSystem } from '../support/system';

test('a 429 disables sign-in for its Retry-After, counting down, then lets the member in', async ({ page, fake, t }) => {
  await page.goto(runningSystem().appUrl);
  await page.getByRole('textbox', { name: t('signIn.email') }).fill('anna.muster@example.ch');
  await page.getByLabel(t('signIn.password')).fill('Correct-Horse-Battery');
  fake.answerOnce('POST /auth/login', { ...problem(429, 'rate-limited'), headers: { 'Retry-After': '3' } });
  const submit = page.getByRole('button', { name: t('signIn.submit') });
  await submit.click();

  await expect(page.getByText(t('signIn.retryIn', { seconds: 3 }))).toBeVisible();
  await expect(submit).toBeDisabled();
  await expect(page.getByText(t('signIn.retryIn', { seconds: 1 }))).toBeVisible();
  await expect(submit).toBeEnabled({ timeout: 5_000 });
  await submit.click();
  await expect(page.getByRole('main')).toContainText('Anna');
  expect(fake.count('POST /auth/login')).toBe(2);
});

test('a 503 of the hashing admission counts down its Retry-After too', async ({ page, fake, t }) => {
  fake.answerOnce('POST /auth/login', { ...problem(503, 'busy'), headers: { 'Retry-After': '2' } });
  await page.goto(runningSystem().appUrl);
  await page.getByRole('textbox', { name: t('signIn.email') }).fill('anna.muster@example.ch');
  await page.getByLabel(t('signIn.password')).fill('Correct-Horse-Battery');
  const submit = page.getByRole('button', { name: t('signIn.submit') });
  await submit.click();
  await expect(page.getByText(t('signIn.retryIn', { seconds: 2 }))).toBeVisible();
  await expect(submit).toBeDisabled();
  await expect(submit).toBeEnabled({ timeout: 4_000 });
});

test('a wrong password gets the generic message, naming neither field', async ({ page, fake, t }) => {
  fake.answerOnce('POST /auth/login', problem(401, 'invalid-credentials'));
  await page.goto(runningSystem().appUrl);
  await page.getByRole('textbox', { name: t('signIn.email') }).fill('anna.muster@example.ch');
  await page.getByLabel(t('signIn.password')).fill('wrong-password-123');
  await page.getByRole('button', { name: t('signIn.submit') }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: t('signIn.title') })).toBeVisible();
});

test('signed in against the fake, the home screen lists the abonnements', async ({ page, t }) => {
  await signIn(page, t);
  await expect(page.locator('[data-state="active"]')).toContainText('Move Annuel');
});
