import { describe, expect, it, vi } from 'vitest';
import { FakeChannelHub, FakeLocks } from '../../test/fake-tabs';
import type { AccessToken } from './access-token';
import { readAuthMessage, type AuthChannel } from './auth-channel';
import { RefreshCoordinator } from './refresh-coordinator';
import { TokenStore } from './token-store';

const NOW = 1_000_000;

function grant(value: string): AccessToken {
  return { value, sessionId: 'session-1', issuedAt: NOW, expiresAt: NOW + 900_000 };
}

/** A server whose refresh answers after the test lets it, counting the calls. */
function slowServer() {
  let calls = 0;
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  return {
    fetchToken: vi.fn(async () => {
      calls += 1;
      await gate;
      return grant(`token-${calls.toString()}`);
    }),
    release: () => release(),
  };
}

/** A tab: its own memory store, wired to the shared locks and channel like AuthSession does. */
function openTab(locks: FakeLocks, channel: AuthChannel, fetchToken: () => Promise<AccessToken>) {
  const store = new TokenStore();
  channel.addEventListener('message', (event) => {
    const message = readAuthMessage(event.data);
    if (message?.type === 'token') store.set(message.token);
  });
  const coordinator = new RefreshCoordinator({
    store,
    locks,
    fetchToken,
    publish: (token) => channel.postMessage({ type: 'token', token }),
    now: () => NOW,
  });
  return { store, coordinator };
}

describe('RefreshCoordinator', () => {
  it('makes one network call for many concurrent callers in a tab', async () => {
    const server = slowServer();
    const store = new TokenStore();
    const coordinator = new RefreshCoordinator({
      store,
      locks: null,
      fetchToken: server.fetchToken,
      publish: vi.fn(),
      now: () => NOW,
    });

    const callers = Array.from({ length: 10 }, () => coordinator.refresh());
    server.release();
    const tokens = await Promise.all(callers);

    expect(server.fetchToken).toHaveBeenCalledTimes(1);
    expect(new Set(tokens.map((token) => token.value))).toEqual(new Set(['token-1']));
    expect(store.current?.value).toBe('token-1');
  });

  it('refreshes again once the previous refresh is over', async () => {
    const fetchToken = vi.fn(() => Promise.resolve(grant('next')));
    const coordinator = new RefreshCoordinator({
      store: new TokenStore(),
      locks: null,
      fetchToken,
      publish: vi.fn(),
      now: () => NOW,
    });
    await coordinator.refresh();
    await coordinator.refresh();
    expect(fetchToken).toHaveBeenCalledTimes(2);
  });

  it('makes one network call for two tabs refreshing at once: the second takes the token the first handed over', async () => {
    const locks = new FakeLocks();
    const hub = new FakeChannelHub();
    const server = slowServer();
    const tabA = openTab(locks, hub.open(), server.fetchToken);
    const tabB = openTab(locks, hub.open(), server.fetchToken);

    const inA = tabA.coordinator.refresh();
    const inB = tabB.coordinator.refresh();
    server.release();
    const [tokenA, tokenB] = await Promise.all([inA, inB]);

    expect(server.fetchToken).toHaveBeenCalledTimes(1);
    expect(locks.requests).toBe(2);
    expect(tokenA.value).toBe('token-1');
    expect(tokenB.value).toBe('token-1');
    expect(tabB.store.current?.value).toBe('token-1');
  });

  it('lets the failure reach every caller and leaves no token', async () => {
    const refused = new Error('refused');
    const coordinator = new RefreshCoordinator({
      store: new TokenStore(),
      locks: new FakeLocks(),
      fetchToken: () => Promise.reject(refused),
      publish: vi.fn(),
      now: () => NOW,
    });
    const results = await Promise.allSettled([coordinator.refresh(), coordinator.refresh()]);
    expect(results).toEqual([
      { status: 'rejected', reason: refused },
      { status: 'rejected', reason: refused },
    ]);
  });
});
