import type { Page } from '@playwright/test';
import type { FakeBackend, FakeSocket } from '../support/fake-backend';
import { expect, signIn, test } from '../support/fake-test';

type T = (key: string, values?: Record<string, string | number>) => string;

const TICKET = 'POST /realtime/ticket';
const ABONNEMENTS = 'GET /subscriptions';
const PAUSED = 'ch.moveacces.subscription.abonnement-paused.v1';
/** Event ids are Redis stream ids: `<ms>-<seq>`, increasing per member. */
const FIRST_ID = '1767261600000-0';
const SECOND_ID = '1767261600000-1';

/** Waits for the app to have opened its `n`-th socket (1, 2, …). */
async function socketNumber(fake: FakeBackend, n: number): Promise<FakeSocket> {
  await expect.poll(() => fake.sockets.length).toBe(n);
  return fake.sockets[n - 1]!;
}

/** Signed in, with the clock under the test's control, and the first socket `ready`. */
async function connected(page: Page, fake: FakeBackend, t: T): Promise<FakeSocket> {
  await page.clock.install();
  await signIn(page, t);
  const socket = await socketNumber(fake, 1);
  socket.ready();
  return socket;
}

/** Sends an event and waits until the app has reloaded the abonnements for it. */
async function sendHandledEvent(fake: FakeBackend, socket: FakeSocket, id: string): Promise<void> {
  const loads = fake.count(ABONNEMENTS);
  socket.send({ id, type: PAUSED, data: { abonnement_id: 11 } });
  await expect.poll(() => fake.count(ABONNEMENTS)).toBeGreaterThan(loads);
}

/** Stops the page's timers: from here, whatever waits for a timer waits for `runFor`. */
async function stopTime(page: Page): Promise<void> {
  await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1_000);
}

test('signed in, the app opens /ws with the ticket it was given and sends nothing on a first ready', async ({ page, fake, t }) => {
  const socket = await connected(page, fake, t);
  expect(fake.count(TICKET)).toBe(1);
  expect(new URL(socket.url).pathname).toBe('/ws');
  expect(new URL(socket.url).searchParams.get('ticket')).toBe('ticket-1');

  await sendHandledEvent(fake, socket, FIRST_ID);
  expect(socket.received).toEqual([]);
});

test('an abonnement event reloads the abonnements and shows their new state', async ({ page, fake, t }) => {
  const socket = await connected(page, fake, t);
  await expect(page.locator('[data-state="active"]')).toContainText('Move Annuel');
  fake.abonnements[0]!.state = 'paused';

  await sendHandledEvent(fake, socket, FIRST_ID);
  const paused = page.locator('[data-state="paused"]');
  await expect(paused).toContainText('Move Annuel');
  await expect(paused).toContainText(t('abonnement.state.paused'));
});

test('resync_required reloads what every page shows', async ({ page, fake, t }) => {
  const socket = await connected(page, fake, t);
  const pages = [
    { nav: 'nav.abonnements', call: ABONNEMENTS },
    { nav: 'nav.profile', call: 'GET /users/me' },
    { nav: 'nav.security', call: 'GET /auth/sessions' },
  ];
  for (const { nav, call } of pages) {
    await page.getByRole('link', { name: t(nav) }).click();
    await expect.poll(() => fake.count(call)).toBeGreaterThan(0);
    await expect(page.getByRole('main').getByRole('progressbar')).toHaveCount(0);
    const loads = fake.count(call);
    socket.send({ type: 'resync_required' });
    await expect.poll(() => fake.count(call)).toBeGreaterThan(loads);
  }
  expect(fake.sockets).toHaveLength(1);
});

for (const code of [4413, 4000]) {
  test(`a close ${code} reconnects at once and resumes once after the last handled event`, async ({ page, fake, t }) => {
    const socket = await connected(page, fake, t);
    await sendHandledEvent(fake, socket, FIRST_ID);
    await sendHandledEvent(fake, socket, SECOND_ID);
    await stopTime(page);

    await socket.closeAndWait(code);
    const next = await socketNumber(fake, 2);
    await page.clock.resume();
    next.ready();
    next.ready();
    await sendHandledEvent(fake, next, '1767261600001-0');
    expect(next.sent('resume')).toEqual([{ type: 'resume', last_id: SECOND_ID }]);
  });
}

test('a close 1001 reconnects within 2 s and resumes after the last handled event', async ({ page, fake, t }) => {
  const socket = await connected(page, fake, t);
  await sendHandledEvent(fake, socket, FIRST_ID);
  await stopTime(page);

  await socket.closeAndWait(1001);
  await page.clock.runFor(2_000);
  const next = await socketNumber(fake, 2);
  await page.clock.resume();
  next.ready();
  await expect.poll(() => next.sent('resume')).toEqual([{ type: 'resume', last_id: FIRST_ID }]);
});

test('a close 4401 asks a new ticket and reconnects with it at once', async ({ page, fake, t }) => {
  const socket = await connected(page, fake, t);
  await stopTime(page);

  await socket.closeAndWait(4401);
  const next = await socketNumber(fake, 2);
  expect(fake.count(TICKET)).toBe(2);
  expect(new URL(next.url).searchParams.get('ticket')).toBe('ticket-2');
});

test('a close 4408 refreshes the token, then asks a ticket and reconnects at once', async ({ page, fake, t }) => {
  const socket = await connected(page, fake, t);
  await stopTime(page);
  const before = fake.calls.length;

  await socket.closeAndWait(4408);
  const next = await socketNumber(fake, 2);
  expect(fake.calls.slice(before)).toEqual(['POST /auth/refresh', TICKET]);
  // The ticket is asked with the refreshed token (the second the fake issued).
  expect(fake.requests.at(-1)!.headers.authorization).toMatch(/fake-signature-2$/);
  expect(new URL(next.url).searchParams.get('ticket')).toBe('ticket-2');
});

test('a close 4403 lands on sign-in with the reason and never reconnects', async ({ page, fake, t }) => {
  const socket = await connected(page, fake, t);

  await socket.closeAndWait(4403);
  await expect(page.getByRole('heading', { level: 1, name: t('signIn.title') })).toBeVisible();
  await expect(page.getByText(t('realtime.sessionRevoked'))).toBeVisible();
  // Any back-off would be over by then.
  await page.clock.runFor(120_000);
  expect(fake.count(TICKET)).toBe(1);
  expect(fake.sockets).toHaveLength(1);
});

for (const code of [4429, 1013, 1008]) {
  test(`a close ${code} reconnects only after a back-off of at most 1 s`, async ({ page, fake, t }) => {
    const socket = await connected(page, fake, t);
    await stopTime(page);

    await socket.closeAndWait(code);
    // The first step is 1 s with equal jitter: between 500 and 1000 ms.
    await page.clock.runFor(499);
    expect(fake.count(TICKET)).toBe(1);
    await page.clock.runFor(501);
    await socketNumber(fake, 2);
    expect(fake.count(TICKET)).toBe(2);
  });
}

test('a close that repeats before ready backs off instead of looping', async ({ page, fake, t }) => {
  const socket = await connected(page, fake, t);
  await stopTime(page);
  await socket.closeAndWait(4401);
  const second = await socketNumber(fake, 2);

  await second.closeAndWait(4401);
  // The second step: 2 s with equal jitter, between 1 and 2 s.
  await page.clock.runFor(999);
  expect(fake.count(TICKET)).toBe(2);
  await page.clock.runFor(1_001);
  await socketNumber(fake, 3);
});

test('a socket dropped offline is not reopened until the browser is back online, then resumes', async ({ page, context, fake, t }) => {
  const socket = await connected(page, fake, t);
  await sendHandledEvent(fake, socket, FIRST_ID);
  fake.offline = true;
  await context.setOffline(true);
  await expect(page.getByText(t('offline.title'))).toBeVisible();

  await socket.closeAndWait(1006);
  // Longer than the longest back-off.
  await page.clock.runFor(120_000);
  expect(fake.refused).not.toContain(TICKET);
  expect(fake.count(TICKET)).toBe(1);
  expect(fake.sockets).toHaveLength(1);

  fake.offline = false;
  await context.setOffline(false);
  const next = await socketNumber(fake, 2);
  next.ready();
  await expect.poll(() => next.sent('resume')).toEqual([{ type: 'resume', last_id: FIRST_ID }]);
});
