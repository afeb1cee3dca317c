import type { Page } from '@playwright/test';
import { problem, type FakeBackend, type FakeRequest } from '../support/fake-backend';
import { expect, signIn, test } from '../support/fake-test';

type T = (key: string, values?: Record<string, string | number>) => string;

const PATCH = 'PATCH /users/me';

async function openProfile(page: Page, t: T): Promise<void> {
  await signIn(page, t);
  await page.getByRole('link', { name: t('nav.profile') }).click();
  await expect(page.getByRole('textbox', { name: t('profile.fields.localite') })).toHaveValue('Zürich');
}

function patches(fake: FakeBackend): FakeRequest[] {
  return fake.requests.filter((request) => request.key === PATCH);
}

/** Another device moves Anna to Winterthur; this one, holding the older version, says Bern. */
async function saveIntoConflict(page: Page, fake: FakeBackend, t: T): Promise<void> {
  await openProfile(page, t);
  fake.changeProfileElsewhere({ npa: '8400', localite: 'Winterthur' });
  await page.getByRole('textbox', { name: t('profile.fields.localite') }).fill('Bern');
  await page.getByRole('button', { name: t('profile.save') }).click();

  const heading = page.getByRole('heading', { name: t('conflict.title') });
  await expect(heading).toBeVisible();
  await expect(heading).toBeFocused();
  expect(patches(fake)[0]!.headers['if-match']).toBe('"profile-v1"');
  const field = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: t('profile.fields.localite') }) });
  await expect(field.locator('[data-version="theirs"]')).toHaveText('Winterthur');
  await expect(field.locator('[data-version="mine"]')).toHaveText('Bern');
}

test('a 412 shows theirs against mine; keep mine re-sends only my fields with the new ETag', async ({ page, fake, t }) => {
  await saveIntoConflict(page, fake, t);
  const current = fake.etag;

  await page.getByRole('button', { name: t('conflict.keepMine') }).click();
  await expect(page.getByText(t('profile.saved'))).toBeVisible();
  const [, again] = patches(fake);
  expect(again!.headers['if-match']).toBe(current);
  expect(JSON.parse(again!.body!)).toEqual({ localite: 'Bern' });
  await expect(page.getByRole('textbox', { name: t('profile.fields.localite') })).toHaveValue('Bern');
  // The field only they changed keeps their value.
  await expect(page.getByRole('textbox', { name: t('profile.fields.npa') })).toHaveValue('8400');
  expect(fake.profile.localite).toBe('Bern');
});

test('a 412 then take theirs shows the saved version and sends nothing more', async ({ page, fake, t }) => {
  await saveIntoConflict(page, fake, t);

  await page.getByRole('button', { name: t('conflict.takeTheirs') }).click();
  await expect(page.getByText(t('conflict.tookTheirs'))).toBeVisible();
  await expect(page.getByRole('textbox', { name: t('profile.fields.localite') })).toHaveValue('Winterthur');
  await expect(page.getByRole('textbox', { name: t('profile.fields.npa') })).toHaveValue('8400');
  expect(patches(fake)).toHaveLength(1);
  expect(fake.profile.localite).toBe('Winterthur');
});

test('a 422 puts each server message under its field and focuses the first one', async ({ page, fake, t }) => {
  await openProfile(page, t);
  fake.answerOnce(
    PATCH,
    problem(422, 'validation-failed', {
      errors: [
        { field: 'npa', message: 'must be exactly 4 digits' },
        { field: 'tel', message: 'must be a valid phone number' },
      ],
    }),
  );
  // Both pass the form's own checks, so only the server can refuse them.
  const npa = page.getByRole('textbox', { name: t('profile.fields.npa') });
  const tel = page.getByRole('textbox', { name: t('profile.fields.tel') });
  await npa.fill('0000');
  await tel.fill('+41 00 000 00 00');
  await page.getByRole('button', { name: t('profile.save') }).click();

  await expect(page.getByText(t('profile.invalidSummary'))).toBeVisible();
  expect(patches(fake)).toHaveLength(1);
  for (const [field, key] of [
    [npa, 'profile.errors.npaFormat'],
    [tel, 'profile.errors.telFormat'],
  ] as const) {
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    const describedBy = await field.getAttribute('aria-describedby');
    expect(describedBy).toBeTruthy();
    const message = page.locator(`[id="${describedBy}"]`);
    await expect(message).toBeVisible();
    await expect(message).toHaveText(t(key));
    await expect(field).toHaveAccessibleDescription(t(key));
  }
  await expect(npa).toBeFocused();
});
