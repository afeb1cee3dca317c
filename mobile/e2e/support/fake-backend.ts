import type { Page, Route, WebSocketRoute } from '@playwright/test';

/**
 * A stand-in for the API, answered inside the browser context by `page.route` and
 * `page.routeWebSocket`: for the states the real system cannot be brought into on demand
 * (a 429, a conflicting edit, every WebSocket close code). It refuses everything by itself
 * while `offline` is set, since Playwright's routes keep answering an offline context.
 */
export class FakeBackend {
  offline = false;
  signedIn = false;
  readonly calls: string[] = [];
  /** Each answered call with what it carried, in order (for `If-Match` and a PATCH's body). */
  readonly requests: FakeRequest[] = [];
  /** The calls refused while `offline`. */
  readonly refused: string[] = [];
  readonly sockets: FakeSocket[] = [];
  profile: Record<string, unknown> = {
    user_id: 1,
    email: 'anna.muster@example.ch',
    prenom: 'Anna',
    nom: 'Muster',
    date_naissance: '1988-02-29',
    rue: 'Bahnhofstrasse 1',
    npa: '8001',
    localite: 'Zürich',
    tel: '+41441234567',
    created_at: '2025-01-10T08:00:00Z',
    updated_at: '2026-11-30T09:15:00Z',
  };
  profileVersion = 1;
  abonnements: Record<string, unknown>[] = [
    abonnement(11, 'Move Annuel', 'active', '2026-09-01', '2027-08-31', 590, 10),
    abonnement(12, 'Move Mensuel', 'expired', '2025-10-01', '2025-10-31', 59, 0),
  ];
  sessions: Record<string, unknown>[] = [
    {
      id: 'session-here',
      created_at: '2026-12-07T08:00:00Z',
      last_used_at: '2026-12-07T09:00:00Z',
      user_agent: 'Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Mobile Safari/537.36',
      ip: '203.0.113.7',
      current: true,
    },
    {
      id: 'session-there',
      created_at: '2026-12-01T18:00:00Z',
      last_used_at: '2026-12-06T21:30:00Z',
      user_agent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
      ip: '198.51.100.23',
      current: false,
    },
  ];
  /** Answers that replace the normal one, once each, keyed by "METHOD /path". */
  readonly next = new Map<string, FakeAnswer[]>();
  #tokens = 0;
  #tickets = 0;

  constructor(readonly apiUrl: string) {}

  /** Queues one answer for the next call of `key` ("POST /auth/login", say). */
  answerOnce(key: string, answer: FakeAnswer): void {
    this.next.set(key, [...(this.next.get(key) ?? []), answer]);
  }

  count(key: string): number {
    return this.calls.filter((call) => call === key).length;
  }

  get etag(): string {
    return `"profile-v${this.profileVersion}"`;
  }

  /** Another device changes the profile: the app's ETag is now out of date. */
  changeProfileElsewhere(changes: Record<string, unknown>): void {
    Object.assign(this.profile, changes);
    this.profileVersion++;
  }

  async install(page: Page): Promise<void> {
    await page.route(`${this.apiUrl}/**`, (route) => this.#answer(route));
    const wsUrl = this.apiUrl.replace(/^http/, 'ws');
    await page.routeWebSocket(`${wsUrl}/ws**`, (socket) => {
      if (this.offline) {
        socket.close({ code: 1006 });
        return;
      }
      this.sockets.push(new FakeSocket(socket));
    });
  }

  #token(): Record<string, unknown> {
    this.#tokens++;
    const payload = Buffer.from(
      JSON.stringify({ sub: '1', sid: 'session-here', exp: Math.floor(Date.now() / 1000) + 900 }),
    ).toString('base64url');
    return {
      access_token: `eyJhbGciOiJFUzI1NiJ9.${payload}.fake-signature-${this.#tokens}`,
      token_type: 'Bearer',
      expires_in: 900,
      refresh_expires_in: 86400,
      session_id: 'session-here',
    };
  }

  async #answer(route: Route): Promise<void> {
    const request = route.request();
    const url = new URL(request.url());
    const key = `${request.method()} ${url.pathname}`;
    if (request.method() === 'OPTIONS') {
      await route.fulfill({ status: 204, headers: corsHeaders(request.headers().origin) });
      return;
    }
    if (this.offline) {
      this.refused.push(key);
      await route.abort('internetdisconnected');
      return;
    }
    this.calls.push(key);
    this.requests.push({ key, headers: request.headers(), body: request.postData() });
    const queued = this.next.get(key)?.shift();
    const answer = queued ?? this.#normal(key, request.headers(), request.postData());
    await route.fulfill({
      status: answer.status,
      headers: {
        ...corsHeaders(request.headers().origin),
        'X-Trace-Id': '4bf92f3577b34da6a3ce929d0e0e4736',
        ...(answer.body === undefined
          ? {}
          : { 'Content-Type': answer.status >= 400 ? 'application/problem+json' : 'application/json' }),
        ...answer.headers,
      },
      body: answer.body === undefined ? '' : JSON.stringify(answer.body),
    });
  }

  #normal(key: string, headers: Record<string, string>, body: string | null): FakeAnswer {
    const member = { status: 200, headers: { ETag: this.etag }, body: this.profile };
    switch (key) {
      case 'POST /auth/login':
        this.signedIn = true;
        return { status: 200, body: this.#token() };
      case 'POST /auth/refresh':
        return this.signedIn ? { status: 200, body: this.#token() } : problem(401, 'invalid-refresh-token');
      case 'POST /auth/logout':
      case 'POST /auth/logout-all':
        this.signedIn = false;
        return { status: 204 };
      case 'GET /users/me':
        return member;
      case 'PATCH /users/me': {
        if (headers['if-match'] !== undefined && headers['if-match'] !== this.etag) {
          return problem(412, 'precondition-failed');
        }
        this.changeProfileElsewhere(JSON.parse(body ?? '{}'));
        return { status: 200, headers: { ETag: this.etag }, body: this.profile };
      }
      case 'GET /subscriptions':
        return { status: 200, body: this.abonnements };
      case 'GET /auth/sessions':
        return { status: 200, body: this.sessions };
      case 'POST /realtime/ticket':
        this.#tickets++;
        return { status: 200, body: { ticket: `ticket-${this.#tickets}`, expires_in: 30 } };
      default: {
        const action = /^POST \/subscriptions\/(\d+)\/(pause|resume|cancel)$/.exec(key);
        if (action) {
          const target = this.abonnements.find((item) => String(item.id) === action[1]);
          if (!target) return problem(404, 'abonnement-not-found');
          target.state = { pause: 'paused', resume: 'active', cancel: 'canceled' }[action[2]!];
          return { status: 200, body: target };
        }
        const revoke = /^DELETE \/auth\/sessions\/(.+)$/.exec(key);
        if (revoke) {
          this.sessions = this.sessions.filter((session) => session.id !== revoke[1]);
          return { status: 204 };
        }
        return problem(404, 'not-found');
      }
    }
  }
}

/** One call the fake answered: `body` is the raw text sent, if any. */
export interface FakeRequest {
  readonly key: string;
  readonly headers: Record<string, string>;
  readonly body: string | null;
}

export interface FakeAnswer {
  readonly status: number;
  readonly headers?: Record<string, string>;
  readonly body?: unknown;
}

export function problem(status: number, name: string, extra: Record<string, unknown> = {}): FakeAnswer {
  return {
    status,
    body: {
      type: `https://moveacces.ch/problems/${name}`,
      title: name,
      status,
      trace_id: '4bf92f3577b34da6a3ce929d0e0e4736',
      ...extra,
    },
  };
}

/** One socket the app opened, with what it sent. */
export class FakeSocket {
  readonly received: Record<string, unknown>[] = [];
  readonly url: string;
  closed = false;

  constructor(private readonly route: WebSocketRoute) {
    this.url = route.url();
    route.onMessage((message) => this.received.push(JSON.parse(String(message))));
    route.onClose(() => (this.closed = true));
  }

  send(message: Record<string, unknown>): void {
    this.route.send(JSON.stringify(message));
  }

  ready(expiresIn = 890): void {
    this.send({ type: 'ready', expires_in: expiresIn });
  }

  close(code: number, reason = ''): void {
    this.closed = true;
    void this.route.close({ code, reason });
  }

  /** Closes it and returns once the page has handled the close event. */
  async closeAndWait(code: number, reason = ''): Promise<void> {
    this.closed = true;
    await this.route.close({ code, reason });
  }

  /** The messages of `type` the app sent on it. */
  sent(type: string): Record<string, unknown>[] {
    return this.received.filter((message) => message.type === type);
  }
}

function abonnement(
  id: number,
  name: string,
  state: string,
  start: string,
  stop: string | null,
  price: number,
  discount: number,
): Record<string, unknown> {
  return {
    id,
    name,
    state,
    date_start: start,
    date_stop: stop,
    price,
    discount,
    currency: 'CHF',
    auto_renew: state === 'active',
    created_at: `${start}T00:00:00Z`,
    updated_at: `${start}T00:00:00Z`,
  };
}

function corsHeaders(origin: string | undefined): Record<string, string> {
  return origin === undefined
    ? {}
    : {
        'Access-Control-Allow-Origin': origin,
        'Access-Control-Allow-Credentials': 'true',
        'Access-Control-Allow-Headers': 'Authorization, Content-Type, If-Match, If-None-Match, X-Moveacces-Client',
        'Access-Control-Allow-Methods': 'GET, POST, PATCH, DELETE',
        'Access-Control-Expose-Headers': 'ETag, X-Trace-Id, Retry-After',
      };
}
