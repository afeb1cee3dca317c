import { RESOURCE_KEYS, type ResourceKey } from '../data';
import { backOffDelay } from './back-off';
import { resourcesChangedBy } from './consumed-events';
import { compareEventIds, type ClientMessage, type ServerMessage } from './server-messages';

/** The access token as the connection needs it: its value and end (epoch ms). */
export interface SocketToken {
  readonly value: string;
  readonly expiresAt: number;
}

export type RealtimeEvent =
  | {
      readonly type: 'start';
      readonly lastEventId: string | null;
      readonly token: SocketToken | null;
      readonly online: boolean;
      readonly visible: boolean;
    }
  | { readonly type: 'stop' }
  | { readonly type: 'ticket-received'; readonly ticket: string }
  | { readonly type: 'ticket-failed'; readonly retryAfterMs?: number | undefined }
  | { readonly type: 'message'; readonly message: ServerMessage }
  | { readonly type: 'closed'; readonly code: number }
  | { readonly type: 'timer-fired' }
  | { readonly type: 'online-changed'; readonly online: boolean }
  | { readonly type: 'visibility-changed'; readonly visible: boolean }
  | { readonly type: 'token-changed'; readonly token: SocketToken | null };

export type RealtimeCommand =
  /** `POST /realtime/ticket`; `refreshFirst`: the socket's token expired, refresh it before. */
  | { readonly type: 'fetch-ticket'; readonly refreshFirst: boolean }
  | { readonly type: 'open-socket'; readonly ticket: string }
  | { readonly type: 'send'; readonly message: ClientMessage }
  | { readonly type: 'close-socket' }
  /** Fire `timer-fired` after `delayMs`, replacing any earlier wait. */
  | { readonly type: 'wait'; readonly delayMs: number }
  | { readonly type: 'cancel-wait' }
  | { readonly type: 'invalidate'; readonly keys: readonly ResourceKey[] }
  | { readonly type: 'keep-last-event-id'; readonly id: string }
  /** The server revoked the session (4403): sign out with that reason, never reconnect. */
  | { readonly type: 'end-session' };

export type RealtimePhase =
  | 'stopped'
  /** Offline or hidden: reconnecting waits for the network and the page to be back. */
  | 'paused'
  | 'backing-off'
  | 'fetching-ticket'
  | 'connecting'
  | 'open'
  /** The session was revoked: nothing more until the next start. */
  | 'ended';

/** Closes after which the client reconnects at once (and resumes): its own state, not the server's. */
const RECONNECT_AT_ONCE = new Set([4000, 4401, 4408, 4413]);
/** The instance is shutting down: reconnect soon, spread so its sockets do not arrive together. */
const SERVER_GOING_AWAY = 1001;
const GOING_AWAY_SPREAD_MS = 2_000;
const SESSION_REVOKED = 4403;
const TOKEN_EXPIRED = 4408;
/** A token is worth an `auth` when it ends this much later than the socket's. */
const AUTH_WORTH_MS = 30_000;

interface Socket {
  /** Epoch ms at which the server will close it (4408) unless an `auth` extends it. */
  expiresAt: number | null;
  resumeSent: boolean;
  /** The last token sent with `auth`. */
  lastAuthToken: string | null;
}

export interface RealtimeMachineOptions {
  readonly now: () => number;
  readonly random: () => number;
}

/**
 * The realtime connection's decisions, without I/O: events in, commands out. The adapter
 * (realtime-client.ts) runs the commands against a WebSocket, timers and the API, and feeds
 * back what happened.
 */
export class RealtimeMachine {
  readonly #now: () => number;
  readonly #random: () => number;
  #phase: RealtimePhase = 'stopped';
  #online = true;
  #visible = true;
  #token: SocketToken | null = null;
  #lastEventId: string | null = null;
  /** Connections that failed in a row since the last `ready`. */
  #failures = 0;
  #refreshFirst = false;
  #wasReady = false;
  #socket: Socket | null = null;

  constructor(options: RealtimeMachineOptions) {
    this.#now = options.now;
    this.#random = options.random;
  }

  get phase(): RealtimePhase {
    return this.#phase;
  }

  get lastEventId(): string | null {
    return this.#lastEventId;
  }

  handle(event: RealtimeEvent): RealtimeCommand[] {
    switch (event.type) {
      case 'start':
        if (this.#phase !== 'stopped') return [];
        this.#lastEventId = event.lastEventId;
        this.#token = event.token;
        this.#online = event.online;
        this.#visible = event.visible;
        this.#failures = 0;
        this.#wasReady = false;
        return this.#connectOrPause();
      case 'stop':
        return this.#stop();
      case 'ticket-received':
        if (this.#phase !== 'fetching-ticket') return [];
        this.#phase = 'connecting';
        this.#socket = { expiresAt: null, resumeSent: false, lastAuthToken: null };
        return [{ type: 'open-socket', ticket: event.ticket }];
      case 'ticket-failed':
        if (this.#phase !== 'fetching-ticket') return [];
        return this.#retryLater(event.retryAfterMs ?? 0);
      case 'message':
        return this.#phase === 'connecting' || this.#phase === 'open' ? this.#onMessage(event.message) : [];
      case 'closed':
        return this.#phase === 'connecting' || this.#phase === 'open' ? this.#onClosed(event.code) : [];
      case 'timer-fired':
        return this.#phase === 'backing-off' ? this.#connectOrPause() : [];
      case 'online-changed':
        this.#online = event.online;
        return this.#conditionsChanged();
      case 'visibility-changed':
        this.#visible = event.visible;
        return this.#conditionsChanged();
      case 'token-changed':
        this.#token = event.token;
        return this.#phase === 'open' ? this.#authIfWorth() : [];
    }
  }

  #stop(): RealtimeCommand[] {
    const commands: RealtimeCommand[] = [];
    if (this.#phase === 'connecting' || this.#phase === 'open') commands.push({ type: 'close-socket' });
    if (this.#phase === 'backing-off') commands.push({ type: 'cancel-wait' });
    this.#phase = 'stopped';
    this.#socket = null;
    return commands;
  }

  #canConnect(): boolean {
    return this.#online && this.#visible;
  }

  #connectOrPause(): RealtimeCommand[] {
    if (!this.#canConnect()) {
      this.#phase = 'paused';
      return [];
    }
    this.#phase = 'fetching-ticket';
    const refreshFirst = this.#refreshFirst;
    this.#refreshFirst = false;
    return [{ type: 'fetch-ticket', refreshFirst }];
  }

  #conditionsChanged(): RealtimeCommand[] {
    if (this.#phase === 'paused' && this.#canConnect()) return this.#connectOrPause();
    if (this.#phase === 'backing-off' && !this.#canConnect()) {
      this.#phase = 'paused';
      return [{ type: 'cancel-wait' }];
    }
    // An open socket stays open: only reconnecting waits.
    return [];
  }

  #retryLater(atLeastMs: number): RealtimeCommand[] {
    this.#failures += 1;
    return this.#waitThenConnect(Math.max(atLeastMs, backOffDelay(this.#failures, this.#random)));
  }

  #waitThenConnect(delayMs: number): RealtimeCommand[] {
    if (!this.#canConnect()) {
      this.#phase = 'paused';
      return [];
    }
    this.#phase = 'backing-off';
    return [{ type: 'wait', delayMs }];
  }

  #onClosed(code: number): RealtimeCommand[] {
    this.#socket = null;
    if (code === SESSION_REVOKED) {
      this.#phase = 'ended';
      return [{ type: 'end-session' }];
    }
    if (code === TOKEN_EXPIRED) this.#refreshFirst = true;
    // Reconnecting at once is for the first failure; a close that repeats before `ready`
    // backs off like any other, so no code can make the client loop.
    if (this.#failures === 0 && RECONNECT_AT_ONCE.has(code)) {
      this.#failures = 1;
      return this.#connectOrPause();
    }
    if (this.#failures === 0 && code === SERVER_GOING_AWAY) {
      this.#failures = 1;
      return this.#waitThenConnect(Math.round(this.#random() * GOING_AWAY_SPREAD_MS));
    }
    // 4429, 1013, 1008 and any abnormal close (1006 and the like).
    return this.#retryLater(0);
  }

  #onMessage(message: ServerMessage): RealtimeCommand[] {
    const socket = this.#socket;
    if (socket === null) return [];
    switch (message.type) {
      case 'ready':
        return this.#onReady(socket, message.expiresIn);
      case 'auth_ok':
        socket.expiresAt = this.#now() + message.expiresIn * 1000;
        return [];
      case 'resync_required':
        return [{ type: 'invalidate', keys: RESOURCE_KEYS }];
      case 'event':
        return this.#onEvent(message.id, message.eventType);
      case 'other':
        return [];
    }
  }

  #onReady(socket: Socket, expiresIn: number): RealtimeCommand[] {
    if (this.#phase !== 'connecting') return [];
    this.#phase = 'open';
    this.#failures = 0;
    socket.expiresAt = this.#now() + expiresIn * 1000;
    const commands: RealtimeCommand[] = [];
    if (this.#lastEventId !== null && !socket.resumeSent) {
      socket.resumeSent = true;
      commands.push({ type: 'send', message: { type: 'resume', last_id: this.#lastEventId } });
    } else if (this.#wasReady) {
      // Reconnected with nothing to resume from: what happened meanwhile is unknown.
      commands.push({ type: 'invalidate', keys: RESOURCE_KEYS });
    }
    this.#wasReady = true;
    // The token may have been renewed between the ticket and `ready`.
    return [...commands, ...this.#authIfWorth()];
  }

  #onEvent(id: string, eventType: string): RealtimeCommand[] {
    const commands: RealtimeCommand[] = [];
    const keys = resourcesChangedBy(eventType);
    if (keys.length > 0) commands.push({ type: 'invalidate', keys });
    if (this.#lastEventId === null || compareEventIds(id, this.#lastEventId) > 0) {
      this.#lastEventId = id;
      commands.push({ type: 'keep-last-event-id', id });
    }
    return commands;
  }

  /** Sends the current token when it outlives the socket's: at most once per token. */
  #authIfWorth(): RealtimeCommand[] {
    const socket = this.#socket;
    const token = this.#token;
    if (socket?.expiresAt == null || token === null || token.value === socket.lastAuthToken) return [];
    if (token.expiresAt < socket.expiresAt + AUTH_WORTH_MS) return [];
    socket.lastAuthToken = token.value;
    return [{ type: 'send', message: { type: 'auth', token: token.value } }];
  }
}
