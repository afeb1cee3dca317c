import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeChannelHub, FakeLocks } from '../../test/fake-tabs';
import { ApiProblem } from '../api/problem';
import type { AccessToken } from './access-token';
import type { AuthEndpoints } from './auth-endpoints';
import { AuthSession } from './auth-session';
import type { KnownMember } from './known-member';
import { TokenStore } from './token-store';

const LIFETIME = 900_000;

function tokenAt(value: string, now: number): AccessToken {
  return { value, sessionId: 'session-1', issuedAt: now, expiresAt: now + LIFETIME };
}

function fakeEndpoints() {
  const endpoints = {
    refreshes: 0,
    login: vi.fn(() => Promise.resolve(tokenAt('login-token', Date.now()))),
    refresh: vi.fn(() => {
      endpoints.refreshes += 1;
      return Promise.resolve(tokenAt(`refreshed-${endpoints.refreshes.toString()}`, Date.now()));
    }),
    logout: vi.fn(() => Promise.resolve()),
  };
  return endpoints satisfies AuthEndpoints;
}

function openSession(endpoints: AuthEndpoints, hub = new FakeChannelHub(), locks = new FakeLocks()) {
  const store = new TokenStore();
  const channel = hub.open();
  const session = new AuthSession({ endpoints, store, locks, channel, document: null });
  return { session, store, channel };
}

/** A tab that opens while the member last signed in here (member 7) is remembered. */
function openOfflineStart(endpoints: AuthEndpoints) {
  const remembered: { value: KnownMember | null } = { value: { memberId: '7', sessionId: 'session-1' } };
  const knownMember = { read: () => remembered.value, write: (member: KnownMember | null) => (remembered.value = member) };
  const network = new EventTarget();
  const session = new AuthSession({ endpoints, store: new TokenStore(), locks: new FakeLocks(), channel: null, document: null, knownMember, network });
  return { session, network, remembered };
}

const refused = (name: string, status: number) =>
  new ApiProblem({ status, type: `https://moveacces.ch/problems/${name}` });

describe('AuthSession', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 1_000_000 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('restores the session from the refresh cookie at start-up', async () => {
    const endpoints = fakeEndpoints();
    const { session } = openSession(endpoints);
    expect(session.state).toEqual({ status: 'restoring' });
    await session.restore();
    expect(session.state).toEqual({ status: 'signed-in', sessionId: 'session-1' });
    expect(await session.accessToken()).toBe('refreshed-1');
  });

  it('starts signed out, without a message, when there is no cookie', async () => {
    const endpoints = fakeEndpoints();
    endpoints.refresh.mockRejectedValueOnce(refused('invalid-refresh-token', 401));
    const { session } = openSession(endpoints);
    await session.restore();
    expect(session.state).toEqual({ status: 'signed-out', reason: null });
  });

  it('says the server is unreachable when the restore could not reach it', async () => {
    const endpoints = fakeEndpoints();
    endpoints.refresh.mockRejectedValueOnce(ApiProblem.network(new TypeError('offline')));
    const { session } = openSession(endpoints);
    await session.restore();
    expect(session.state).toEqual({ status: 'signed-out', reason: 'unreachable' });
  });

  it('opens offline for the member last signed in here, and restores the session once online', async () => {
    const endpoints = fakeEndpoints();
    endpoints.refresh.mockRejectedValueOnce(ApiProblem.network(new TypeError('offline')));
    const { session, network } = openOfflineStart(endpoints);
    await session.restore();
    expect(session.state).toEqual({ status: 'signed-in', sessionId: 'session-1', offline: { memberId: '7' } });

    network.dispatchEvent(new Event('online'));
    await vi.waitFor(() => expect(session.state).toEqual({ status: 'signed-in', sessionId: 'session-1' }));
    expect(await session.accessToken()).toBe('refreshed-1');
  });

  it('makes a request of an offline start wait for the restore, sharing its one refresh', async () => {
    const endpoints = fakeEndpoints();
    endpoints.refresh.mockRejectedValueOnce(ApiProblem.network(new TypeError('offline')));
    const { session, network } = openOfflineStart(endpoints);
    await session.restore();
    network.dispatchEvent(new Event('online'));
    expect(await session.accessToken()).toBe('refreshed-1');
    expect(endpoints.refresh).toHaveBeenCalledTimes(2);
  });

  it('ends an offline session whose refresh is refused once online, and forgets the member', async () => {
    const endpoints = fakeEndpoints();
    endpoints.refresh
      .mockRejectedValueOnce(ApiProblem.network(new TypeError('offline')))
      .mockRejectedValueOnce(refused('invalid-refresh-token', 401));
    const { session, network, remembered } = openOfflineStart(endpoints);
    await session.restore();
    network.dispatchEvent(new Event('online'));
    await vi.waitFor(() => expect(session.state).toEqual({ status: 'signed-out', reason: 'session-expired' }));
    expect(remembered.value).toBeNull();
  });

  it('refreshes ahead of expiry, at 80 % of the lifetime', async () => {
    const endpoints = fakeEndpoints();
    const { session } = openSession(endpoints);
    await session.signIn({ email: 'a@b.ch', password: 'pw' });

    await vi.advanceTimersByTimeAsync(LIFETIME * 0.8 - 1);
    expect(endpoints.refresh).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(endpoints.refresh).toHaveBeenCalledTimes(1);
    expect(await session.accessToken()).toBe('refreshed-1');
  });

  it('refreshes first when asked for a token that is due', async () => {
    const endpoints = fakeEndpoints();
    const { session, store } = openSession(endpoints);
    store.set({ value: 'old', sessionId: 'session-1', issuedAt: Date.now() - LIFETIME, expiresAt: Date.now() + 30_000 });
    expect(await session.accessToken()).toBe('refreshed-1');
  });

  it('signs every tab out with the reason when the refresh is refused', async () => {
    const hub = new FakeChannelHub();
    const locks = new FakeLocks();
    const endpoints = fakeEndpoints();
    const tabA = openSession(endpoints, hub, locks);
    const tabB = openSession(endpoints, hub, locks);
    await tabA.session.signIn({ email: 'a@b.ch', password: 'pw' });
    await vi.advanceTimersByTimeAsync(0);
    expect(tabB.session.state.status).toBe('signed-in');

    endpoints.refresh.mockRejectedValue(refused('invalid-refresh-token', 401));
    expect(await tabA.session.refreshAfterRejection('login-token')).toBeNull();
    await vi.advanceTimersByTimeAsync(0);

    expect(tabA.session.state).toEqual({ status: 'signed-out', reason: 'session-expired' });
    expect(tabB.session.state).toEqual({ status: 'signed-out', reason: 'session-expired' });
    expect(tabB.store.current).toBeNull();
  });

  it('hands a refreshed token to the other tabs, whose own refresh then waits for nothing', async () => {
    const hub = new FakeChannelHub();
    const locks = new FakeLocks();
    const endpoints = fakeEndpoints();
    const tabA = openSession(endpoints, hub, locks);
    const tabB = openSession(endpoints, hub, locks);
    await tabA.session.signIn({ email: 'a@b.ch', password: 'pw' });
    await vi.advanceTimersByTimeAsync(0);

    // Both tabs' timers fall due together.
    await vi.advanceTimersByTimeAsync(LIFETIME * 0.8);
    expect(endpoints.refresh).toHaveBeenCalledTimes(1);
    expect(await tabB.session.accessToken()).toBe('refreshed-1');
  });

  it('signs out on the server, here and in the other tabs', async () => {
    const hub = new FakeChannelHub();
    const endpoints = fakeEndpoints();
    const tabA = openSession(endpoints, hub);
    const tabB = openSession(endpoints, hub);
    await tabA.session.signIn({ email: 'a@b.ch', password: 'pw' });
    await vi.advanceTimersByTimeAsync(0);

    await tabA.session.signOut();
    await vi.advanceTimersByTimeAsync(0);

    expect(endpoints.logout).toHaveBeenCalledWith('login-token');
    expect(tabA.session.state).toEqual({ status: 'signed-out', reason: 'signed-out' });
    expect(tabB.session.state).toEqual({ status: 'signed-out', reason: 'signed-out' });
    expect(await tabB.session.accessToken()).toBeNull();
  });

  it('refreshes when the page comes back to the foreground with a token near its end', async () => {
    const endpoints = fakeEndpoints();
    const page: EventTarget & { visibilityState: DocumentVisibilityState } = Object.assign(new EventTarget(), {
      visibilityState: 'hidden' as const,
    });
    const store = new TokenStore();
    new AuthSession({ endpoints, store, locks: null, channel: null, document: page });
    store.set({ value: 'old', sessionId: 'session-1', issuedAt: Date.now() - LIFETIME, expiresAt: Date.now() + 10_000 });
    endpoints.refresh.mockClear();

    page.visibilityState = 'visible';
    page.dispatchEvent(new Event('visibilitychange'));
    await vi.advanceTimersByTimeAsync(0);
    expect(endpoints.refresh).toHaveBeenCalledTimes(1);
    expect(store.current?.value).toBe('refreshed-1');
  });
});
