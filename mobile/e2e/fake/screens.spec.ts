import AxeBuilder from '@axe-core/playwright';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { problem, type FakeBackend } from '../support/fake-backend';
import { expect, signIn, test } from '../support/fake-test';
import { runningSystem } from '../support/system';

/**
 * Every screen in each of its states: no serious or critical accessibility violation (WCAG 2.2
 * AA rules, light and dark), no horizontal scroll at 320 px nor with the root font doubled,
 * touch targets of 48 × 48 px. `npm run screenshots` (SCREENSHOTS=1) also photographs each one,
 * at phone size, for docs/mobile.md.
 */
const DOCS = fileURLToPath(new URL('../../../docs/mobile/', import.meta.url));
const PHOTOGRAPH = process.env.SCREENSHOTS === '1';

type T = (key: string, values?: Record<string, string | number>) => string;
interface Screen {
  readonly name: string;
  readonly open: (page: Page, fake: FakeBackend, t: T) => Promise<void>;
}

const app = (path: string) => new URL(path, runningSystem().appUrl).toString();

/** An answer held back until the test is done with the loading state. */
async function holdForever(page: Page, path: string): Promise<void> {
  await page.route(`${runningSystem().apiUrl}${path}`, () => new Promise(() => undefined));
}

export const SCREENS: readonly Screen[] = [
  {
    name: 'sign-in',
    open: async (page, _fake, t) => {
      await page.goto(app('/'));
      await expect(page.getByRole('heading', { level: 1, name: t('signIn.title') })).toBeVisible();
    },
  },
  {
    name: 'sign-in-countdown',
    open: async (page, fake, t) => {
      fake.answerOnce('POST /auth/login', { ...problem(429, 'rate-limited'), headers: { 'Retry-After': '30' } });
      await page.goto(app('/'));
      await page.getByRole('textbox', { name: t('signIn.email') }).fill('anna.muster@example.ch');
      await page.getByLabel(t('signIn.password')).fill('Correct-Horse-Battery');
      await page.getByRole('button', { name: t('signIn.submit') }).click();
      await expect(page.getByRole('button', { name: t('signIn.submit') })).toBeDisabled();
    },
  },
  {
    name: 'register',
    open: async (page, _fake, t) => {
      await page.goto(app('/register'));
      await expect(page.getByRole('heading', { level: 1, name: t('register.title') })).toBeVisible();
    },
  },
  {
    name: 'register-errors',
    open: async (page, fake, t) => {
      fake.answerOnce('POST /auth/register', problem(409, 'email-taken'));
      await page.goto(app('/register'));
      await page.getByLabel(t('register.fields.email'), { exact: false }).first().fill('anna.muster@example.ch');
      await page.getByLabel(t('register.fields.password'), { exact: false }).first().fill('Correct-Horse-Battery');
      await page.getByLabel(t('register.fields.prenom'), { exact: false }).first().fill('Anna');
      await page.getByLabel(t('register.fields.nom'), { exact: false }).first().fill('Muster');
      await page.getByRole('button', { name: t('register.submit') }).click();
      await expect(page.locator('[aria-invalid="true"]').first()).toBeVisible();
    },
  },
  {
    name: 'abonnements-loading',
    open: async (page, _fake, t) => {
      await signIn(page, t);
      await holdForever(page, '/subscriptions');
      await page.reload();
      await expect(page.getByRole('progressbar').first()).toBeVisible();
    },
  },
  {
    name: 'abonnements',
    open: async (page, _fake, t) => {
      await signIn(page, t);
      await expect(page.locator('[data-state="active"]')).toBeVisible();
    },
  },
  {
    name: 'abonnements-empty',
    open: async (page, fake, t) => {
      fake.abonnements = [];
      await signIn(page, t);
      await expect(page.getByText(t('home.empty'))).toBeVisible();
    },
  },
  {
    name: 'abonnements-error',
    open: async (page, fake, t) => {
      fake.answerOnce('GET /subscriptions', problem(503, 'service-unavailable'));
      await signIn(page, t);
      await expect(page.getByText(t('home.error'))).toBeVisible();
    },
  },
  {
    name: 'abonnements-offline',
    open: async (page, fake, t) => {
      await signIn(page, t);
      await expect(page.locator('[data-state="active"]')).toBeVisible();
      fake.offline = true;
      await page.context().setOffline(true);
      await expect(page.getByRole('status').filter({ hasText: t('offline.body') })).toBeVisible();
    },
  },
  {
    name: 'abonnement-cancel',
    open: async (page, _fake, t) => {
      await signIn(page, t);
      await page.locator('[data-state="active"]').getByRole('button', { name: t('abonnement.actions.cancel') }).click();
      await expect(page.getByRole('dialog')).toBeVisible();
    },
  },
  {
    name: 'profile',
    open: async (page, _fake, t) => {
      await signIn(page, t);
      await page.goto(app('/profile'));
      await expect(page.getByRole('textbox', { name: t('profile.fields.localite') })).toHaveValue('Zürich');
    },
  },
  {
    name: 'profile-conflict',
    open: async (page, fake, t) => {
      await signIn(page, t);
      await page.goto(app('/profile'));
      await expect(page.getByRole('textbox', { name: t('profile.fields.localite') })).toHaveValue('Zürich');
      fake.changeProfileElsewhere({ localite: 'Winterthur' });
      await page.getByRole('textbox', { name: t('profile.fields.localite') }).fill('Uster');
      await page.getByRole('button', { name: t('profile.save') }).click();
      await expect(page.getByRole('heading', { name: t('conflict.title') })).toBeVisible();
    },
  },
  {
    name: 'profile-offline-pending',
    open: async (page, fake, t) => {
      await signIn(page, t);
      await page.goto(app('/profile'));
      await expect(page.getByRole('textbox', { name: t('profile.fields.localite') })).toHaveValue('Zürich');
      fake.offline = true;
      await page.context().setOffline(true);
      await page.getByRole('textbox', { name: t('profile.fields.localite') }).fill('Uster');
      await page.getByRole('button', { name: t('profile.save') }).click();
      await expect(page.getByText(t('editQueue.pending'))).toBeVisible();
    },
  },
  {
    name: 'security',
    open: async (page, _fake, t) => {
      await signIn(page, t);
      await page.goto(app('/security'));
      await expect(page.locator('[data-session-id]')).toHaveCount(2);
    },
  },
  {
    name: 'settings',
    open: async (page, _fake, t) => {
      await signIn(page, t);
      await page.goto(app('/settings'));
      await expect(page.getByRole('heading', { level: 1, name: t('settings.title') })).toBeVisible();
    },
  },
  {
    name: 'not-found',
    open: async (page, _fake, t) => {
      await page.goto(app('/nowhere'));
      await expect(page.getByRole('heading', { level: 1, name: t('notFound.title') })).toBeVisible();
    },
  },
];

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    // Its 24 px rule counts a field half under the fixed navigation bar as too small; the
    // stricter 48 px check below measures every control itself.
    .disableRules(['target-size'])
    .analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

async function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
}

/** Visible controls smaller than 48 × 48 px (links inside running text excepted). */
async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('button, a[href], input, select, textarea, [role="button"], md-filled-button, md-outlined-button, md-text-button'))
      .filter((element) => element.closest('p') === null && !element.closest('[hidden]'))
      .map((element) => ({ element, box: element.getBoundingClientRect() }))
      .filter(({ element, box }) => box.width > 0 && box.height > 0 && getComputedStyle(element).visibility !== 'hidden')
      .filter(({ element }) => !element.matches('md-filled-button *, md-outlined-button *, md-text-button *, .app-skip-link, input[type="radio"], input[type="checkbox"]'))
      .filter(({ box }) => box.width < 47.5 || box.height < 47.5)
      .map(({ element, box }) => `${element.tagName.toLowerCase()} "${(element.textContent ?? '').trim().slice(0, 30)}" ${Math.round(box.width)}×${Math.round(box.height)}`),
  );
}

for (const screen of SCREENS) {
  test(`${screen.name}: accessible in light and dark, no sideways scroll, 48 px targets`, async ({ page, fake, t }, testInfo) => {
    await screen.open(page, fake, t);
    expect(await seriousViolations(page), 'light').toEqual([]);
    expect(await smallTargets(page)).toEqual([]);
    if (PHOTOGRAPH && testInfo.project.name === 'pixel-7-fr') {
      mkdirSync(DOCS, { recursive: true });
      await page.screenshot({ path: `${DOCS}${screen.name}.png`, scale: 'css' });
    }
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await seriousViolations(page), 'dark').toEqual([]);

    await page.setViewportSize({ width: 320, height: 640 });
    expect(await scrollsSideways(page), 'at 320 px').toBe(false);
    await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
    expect(await scrollsSideways(page), 'with the root font doubled').toBe(false);
  });
}

test('docs/mobile.md shows every screen', () => {
  const page = readFileSync(`${DOCS}../mobile.md`, 'utf8');
  const missing = SCREENS.map((screen) => screen.name).filter(
    (name) => !existsSync(`${DOCS}${name}.png`) || !page.includes(`mobile/${name}.png`),
  );
  expect(missing, 'screens without a committed screenshot in docs/mobile.md: run npm run screenshots').toEqual([]);
});
