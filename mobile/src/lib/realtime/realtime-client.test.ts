import { describe, expect, it, vi } from 'vitest';
import type { ApiClient } from '../api';
import type { AccessToken } from '../auth';
import { TokenStore } from '../auth/token-store';
import { socketUrl, startRealtime, type RealtimeSocket } from './realtime-client';

class FakeSocket implements RealtimeSocket {
  onmessage: ((event: MessageEvent) => void) | null = null;
  onclose: ((event: CloseEvent) => void) | null = null;
  readonly sent: unknown[] = [];
  closedWith: number | undefined;

  readonly url: string;

  constructor(url: string) {
    this.url = url;
  }

  send(data: string): void {
    this.sent.push(JSON.parse(data));
  }

  close(code?: number): void {
    this.closedWith = code;
  }

  receive(message: object): void {
    this.onmessage?.(new MessageEvent('message', { data: JSON.stringify(message) }));
  }

  closeFromServer(code: number): void {
    this.onclose?.(new CloseEvent('close', { code }));
  }
}

const accessToken = (value: string, expiresInS = 900): AccessToken => ({
  value,
  sessionId: 's1',
  issuedAt: Date.now(),
  expiresAt: Date.now() + expiresInS * 1000,
});

function start(lastEventId: string | null = '7-0') {
  const store = new TokenStore();
  store.set(accessToken('t1'));
  const session = {
    get token() {
      return store.current;
    },
    subscribeToken: (listener: () => void) => store.subscribe(listener),
    refreshAfterRejection: vi.fn(() => Promise.resolve('t1')),
    endRevokedSession: vi.fn(),
  };
  const request = vi.fn(() => Promise.resolve({ status: 200, data: { ticket: 'tk', expires_in: 30 }, etag: null, traceId: null }));
  const api = { request, get: vi.fn() } as unknown as ApiClient;
  const sockets: FakeSocket[] = [];
  const kept: string[] = [];
  const invalidate = vi.fn();
  const stop = startRealtime({
    memberId: 'member-1',
    api,
    apiOrigin: 'https://api.example',
    session,
    positions: {
      lastEventId: () => Promise.resolve(lastEventId),
      keepLastEventId: (_member, id) => {
        kept.push(id);
        return Promise.resolve();
      },
    },
    invalidate,
    openSocket: (url) => {
      const socket = new FakeSocket(url);
      sockets.push(socket);
      return socket;
    },
  });
  return { store, session, request, sockets, kept, invalidate, stop };
}

describe('startRealtime', () => {
  it('opens the socket with a ticket, resumes, follows events and renews its token once per token', async () => {
    const realtime = start();
    await vi.waitFor(() => expect(realtime.sockets).toHaveLength(1));
    expect(realtime.request).toHaveBeenCalledWith({ method: 'POST', path: '/realtime/ticket' });
    const socket = realtime.sockets[0]!;
    expect(socket.url).toBe('wss://api.example/ws?ticket=tk');

    socket.receive({ type: 'ready', expires_in: 900 });
    expect(socket.sent).toEqual([{ type: 'resume', last_id: '7-0' }]);

    socket.receive({ id: '8-0', type: 'ch.moveacces.subscription.abonnement-canceled.v1', data: {} });
    expect(realtime.invalidate).toHaveBeenCalledWith('abonnements');
    expect(realtime.kept).toEqual(['8-0']);

    realtime.store.set(accessToken('t2', 1620));
    realtime.store.set(accessToken('t2', 1620));
    expect(socket.sent).toEqual([
      { type: 'resume', last_id: '7-0' },
      { type: 'auth', token: 't2' },
    ]);

    realtime.stop();
    expect(socket.closedWith).toBe(1000);
  });

  it('signs out with the reason when the server revokes the session, and does not reconnect', async () => {
    const realtime = start();
    await vi.waitFor(() => expect(realtime.sockets).toHaveLength(1));
    realtime.sockets[0]!.receive({ type: 'ready', expires_in: 900 });
    realtime.sockets[0]!.closeFromServer(4403);
    expect(realtime.session.endRevokedSession).toHaveBeenCalledTimes(1);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(realtime.request).toHaveBeenCalledTimes(1);
    realtime.stop();
  });

  it('refreshes the socket’s token before a new ticket after 4408', async () => {
    const realtime = start(null);
    await vi.waitFor(() => expect(realtime.sockets).toHaveLength(1));
    realtime.sockets[0]!.receive({ type: 'ready', expires_in: 900 });
    realtime.sockets[0]!.closeFromServer(4408);
    await vi.waitFor(() => expect(realtime.sockets).toHaveLength(2));
    expect(realtime.session.refreshAfterRejection).toHaveBeenCalledWith('t1');
    realtime.stop();
  });
});

describe('socketUrl', () => {
  it('turns the API origin into its WebSocket form, or uses the page’s own', () => {
    expect(socketUrl('https://api.example', 'a b', 'https://app.example')).toBe('wss://api.example/ws?ticket=a+b');
    expect(socketUrl('', 'x', 'http://localhost:5173')).toBe('ws://localhost:5173/ws?ticket=x');
  });
});
