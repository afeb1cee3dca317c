import type { AuthChannel, AuthMessage, RefreshLocks } from '../lib/auth/auth-channel';

/** A Web Locks stand-in shared by fake tabs: one holder at a time, in order of request. */
export class FakeLocks implements RefreshLocks {
  #tail: Promise<unknown> = Promise.resolve();
  requests = 0;

  request<T>(_name: string, callback: () => Promise<T>): Promise<T> {
    this.requests += 1;
    const run = this.#tail.then(callback);
    this.#tail = run.catch(() => undefined);
    return run;
  }
}

type Listener = (event: MessageEvent<unknown>) => void;

/** BroadcastChannel for fake tabs: a message reaches every other channel of the hub, not its sender. */
export class FakeChannelHub {
  readonly #channels = new Set<FakeChannel>();

  open(): FakeChannel {
    const channel = new FakeChannel(this.#channels);
    this.#channels.add(channel);
    return channel;
  }
}

export class FakeChannel implements AuthChannel {
  readonly #peers: Set<FakeChannel>;
  readonly listeners = new Set<Listener>();
  readonly sent: AuthMessage[] = [];

  constructor(peers: Set<FakeChannel>) {
    this.#peers = peers;
  }

  postMessage(message: AuthMessage): void {
    this.sent.push(message);
    const data = structuredClone(message);
    for (const peer of this.#peers) {
      if (peer === this) continue;
      // Delivered as a later task would be, never synchronously.
      queueMicrotask(() => {
        for (const listener of peer.listeners) listener(new MessageEvent('message', { data }));
      });
    }
  }

  addEventListener(_type: 'message', listener: Listener): void {
    this.listeners.add(listener);
  }

  removeEventListener(_type: 'message', listener: Listener): void {
    this.listeners.delete(listener);
  }

  close(): void {
    this.#peers.delete(this);
  }
}

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  const contentType = status >= 400 ? 'application/problem+json' : 'application/json';
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': contentType, ...headers } });
}

export function problemResponse(status: number, name: string, headers: Record<string, string> = {}): Response {
  return jsonResponse(status, { type: `https://moveacces.ch/problems/${name}`, title: name, status }, headers);
}
