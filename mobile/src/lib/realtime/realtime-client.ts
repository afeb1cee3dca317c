import { ApiProblem, type ApiClient } from '../api';
import type { AccessToken } from '../auth';
import type { ResourceKey } from '../data';
import { RealtimeMachine, type RealtimeCommand, type RealtimeEvent, type SocketToken } from './realtime-machine';
import { readServerMessage } from './server-messages';

/** The part of the auth session the connection uses (AuthSession has it). */
export interface RealtimeSession {
  readonly token: AccessToken | null;
  subscribeToken(listener: () => void): () => void;
  refreshAfterRejection(rejected: string): Promise<string | null>;
  endRevokedSession(): void;
}

/** Where the last handled event's id is kept for the member, to resume after it. */
export interface EventPositions {
  lastEventId(memberId: string): Promise<string | null>;
  keepLastEventId(memberId: string, id: string): Promise<void>;
}

/** The part of WebSocket the connection uses. */
export interface RealtimeSocket {
  onmessage: ((event: MessageEvent) => void) | null;
  onclose: ((event: CloseEvent) => void) | null;
  send(data: string): void;
  close(code?: number): void;
}

export interface RealtimeClientOptions {
  readonly memberId: string;
  readonly api: ApiClient;
  /** The gateway's origin, '' for the app's own. */
  readonly apiOrigin: string;
  readonly session: RealtimeSession;
  readonly positions: EventPositions;
  readonly invalidate: (key: ResourceKey) => void;
  readonly openSocket?: (url: string) => RealtimeSocket;
  readonly window?: Window;
  readonly document?: Document;
}

/** `wss://<api>/ws?ticket=…` (`ws:` for a plain-HTTP origin, the page's own when apiOrigin is ''). */
export function socketUrl(apiOrigin: string, ticket: string, pageOrigin: string): string {
  const url = new URL('/ws', apiOrigin === '' ? pageOrigin : apiOrigin);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.searchParams.set('ticket', ticket);
  return url.toString();
}

function decodeTicket(body: unknown): string {
  const ticket = (body as { ticket?: unknown } | null)?.ticket;
  if (typeof ticket !== 'string' || ticket === '') throw new TypeError('Unexpected ticket answer');
  return ticket;
}

function socketToken(token: AccessToken | null): SocketToken | null {
  return token === null ? null : { value: token.value, expiresAt: token.expiresAt };
}

/**
 * The member's realtime connection: runs {@link RealtimeMachine}'s commands against the API, a
 * WebSocket, timers and the page's online and visibility events. Returns `stop`.
 */
export function startRealtime(options: RealtimeClientOptions): () => void {
  const win = options.window ?? window;
  const doc = options.document ?? document;
  const openSocket = options.openSocket ?? ((url: string) => new WebSocket(url));
  const machine = new RealtimeMachine({ now: Date.now, random: Math.random });
  let stopped = false;
  let socket: RealtimeSocket | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** Tells a ticket answer that arrives after a stop or a newer request to be dropped. */
  let ticketRequest = 0;
  /** The token the socket was opened or last authenticated with, to refresh it after a 4408. */
  let socketTokenValue: string | null = null;

  const dispatch = (event: RealtimeEvent): void => {
    if (stopped && event.type !== 'stop') return;
    for (const command of machine.handle(event)) run(command);
  };

  const fetchTicket = async (request: number, refreshFirst: boolean): Promise<void> => {
    try {
      if (refreshFirst && socketTokenValue !== null) await options.session.refreshAfterRejection(socketTokenValue);
      const response = await options.api.request({ method: 'POST', path: '/realtime/ticket' });
      if (request !== ticketRequest) return;
      socketTokenValue = options.session.token?.value ?? null;
      dispatch({ type: 'ticket-received', ticket: decodeTicket(response.data) });
    } catch (error) {
      if (request !== ticketRequest) return;
      const retryAfter = error instanceof ApiProblem ? error.retryAfterSeconds : undefined;
      dispatch({ type: 'ticket-failed', retryAfterMs: retryAfter === undefined ? undefined : retryAfter * 1000 });
    }
  };

  const closeSocket = (): void => {
    if (socket === null) return;
    socket.onmessage = null;
    socket.onclose = null;
    socket.close(1000);
    socket = null;
  };

  function run(command: RealtimeCommand): void {
    switch (command.type) {
      case 'fetch-ticket':
        ticketRequest += 1;
        void fetchTicket(ticketRequest, command.refreshFirst);
        return;
      case 'open-socket': {
        closeSocket();
        const opened = openSocket(socketUrl(options.apiOrigin, command.ticket, win.location.origin));
        opened.onmessage = (event) => dispatch({ type: 'message', message: readServerMessage(event.data) });
        opened.onclose = (event) => {
          if (socket !== opened) return;
          socket = null;
          dispatch({ type: 'closed', code: event.code });
        };
        socket = opened;
        return;
      }
      case 'send':
        if (command.message.type === 'auth') socketTokenValue = command.message.token;
        socket?.send(JSON.stringify(command.message));
        return;
      case 'close-socket':
        closeSocket();
        return;
      case 'wait':
        clearTimeout(timer);
        timer = setTimeout(() => dispatch({ type: 'timer-fired' }), command.delayMs);
        return;
      case 'cancel-wait':
        clearTimeout(timer);
        return;
      case 'invalidate':
        for (const key of command.keys) options.invalidate(key);
        return;
      case 'keep-last-event-id':
        options.positions.keepLastEventId(options.memberId, command.id).catch(() => undefined);
        return;
      case 'end-session':
        options.session.endRevokedSession();
        return;
    }
  }

  const onOnline = () => dispatch({ type: 'online-changed', online: win.navigator.onLine });
  const onVisibility = () => dispatch({ type: 'visibility-changed', visible: doc.visibilityState === 'visible' });
  const onToken = () => dispatch({ type: 'token-changed', token: socketToken(options.session.token) });
  win.addEventListener('online', onOnline);
  win.addEventListener('offline', onOnline);
  doc.addEventListener('visibilitychange', onVisibility);
  const unsubscribeToken = options.session.subscribeToken(onToken);

  void options.positions
    .lastEventId(options.memberId)
    .catch(() => null)
    .then((lastEventId) =>
      dispatch({
        type: 'start',
        lastEventId,
        token: socketToken(options.session.token),
        online: win.navigator.onLine,
        visible: doc.visibilityState === 'visible',
      }),
    );

  return () => {
    dispatch({ type: 'stop' });
    stopped = true;
    ticketRequest += 1;
    clearTimeout(timer);
    closeSocket();
    win.removeEventListener('online', onOnline);
    win.removeEventListener('offline', onOnline);
    doc.removeEventListener('visibilitychange', onVisibility);
    unsubscribeToken();
  };
}
