import { describe, expect, it } from 'vitest';
import { BACK_OFF_MAX_MS, backOffDelay } from './back-off';
import { RealtimeMachine, type RealtimeCommand, type SocketToken } from './realtime-machine';
import { readServerMessage } from './server-messages';

const NOW = 1_000_000;
const ALL = ['profile', 'abonnements', 'sessions'];
const token = (value: string, expiresInS = 900): SocketToken => ({ value, expiresAt: NOW + expiresInS * 1000 });
const message = (json: object) => ({ type: 'message', message: readServerMessage(JSON.stringify(json)) }) as const;
const ready = (expiresIn = 900) => message({ type: 'ready', expires_in: expiresIn });

function machine(options: { lastEventId?: string | null; random?: number; online?: boolean; visible?: boolean } = {}) {
  const subject = new RealtimeMachine({ now: () => NOW, random: () => options.random ?? 0.5 });
  const start = subject.handle({
    type: 'start',
    lastEventId: options.lastEventId ?? null,
    token: token('t1'),
    online: options.online ?? true,
    visible: options.visible ?? true,
  });
  return { subject, start };
}

/** Start, ticket and `ready`: an open socket. */
function connected(options: Parameters<typeof machine>[0] = {}) {
  const { subject } = machine(options);
  subject.handle({ type: 'ticket-received', ticket: 'ticket-1' });
  const onReady = subject.handle(ready());
  return { subject, onReady };
}

const sent = (commands: RealtimeCommand[]) => commands.flatMap((command) => (command.type === 'send' ? [command.message] : []));

describe('RealtimeMachine', () => {
  it('gets a ticket, opens the socket with it, and is open once ready', () => {
    const { subject, start } = machine();
    expect(start).toEqual([{ type: 'fetch-ticket', refreshFirst: false }]);
    expect(subject.handle({ type: 'ticket-received', ticket: 'ticket-1' })).toEqual([{ type: 'open-socket', ticket: 'ticket-1' }]);
    expect(subject.handle(ready())).toEqual([]);
    expect(subject.phase).toBe('open');
  });

  describe('resume', () => {
    it('sends the kept id once after ready, then keeps each newer event id', () => {
      const { subject, onReady } = connected({ lastEventId: '100-0' });
      expect(sent(onReady)).toEqual([{ type: 'resume', last_id: '100-0' }]);
      expect(subject.handle(message({ id: '100-1', type: 'ch.moveacces.profile.profile-updated.v1', data: {} }))).toEqual([
        { type: 'invalidate', keys: ['profile'] },
        { type: 'keep-last-event-id', id: '100-1' },
      ]);
      expect(subject.handle(ready())).toEqual([]);
      expect(subject.handle(message({ type: 'resync_required' }))).toEqual([{ type: 'invalidate', keys: ALL }]);
      expect(subject.lastEventId).toBe('100-1');
    });

    it('resumes from the last handled event on the next connection, once', () => {
      const { subject } = connected({ lastEventId: '100-0' });
      subject.handle(message({ id: '200-0', type: 'ch.moveacces.subscription.abonnement-paused.v1', data: {} }));
      subject.handle({ type: 'closed', code: 4413 });
      subject.handle({ type: 'ticket-received', ticket: 'ticket-2' });
      expect(sent(subject.handle(ready()))).toEqual([{ type: 'resume', last_id: '200-0' }]);
    });

    it('never moves the kept id backwards', () => {
      const { subject } = connected({ lastEventId: '200-3' });
      expect(subject.handle(message({ id: '200-2', type: 'ch.moveacces.identity.logged-out.v1' }))).toEqual([
        { type: 'invalidate', keys: ['sessions'] },
      ]);
      expect(subject.lastEventId).toBe('200-3');
    });

    it('sends no resume without a kept id, and reloads everything after a reconnection without one', () => {
      const { subject, onReady } = connected();
      expect(onReady).toEqual([]);
      subject.handle({ type: 'closed', code: 4000 });
      subject.handle({ type: 'ticket-received', ticket: 'ticket-2' });
      expect(subject.handle(ready())).toEqual([{ type: 'invalidate', keys: ALL }]);
    });

    it('maps every consumed event to what it changes and ignores the rest', () => {
      const { subject } = connected();
      const keysOf = (type: string, id: string) =>
        subject.handle(message({ id, type })).flatMap((command) => (command.type === 'invalidate' ? command.keys : []));
      expect(keysOf('ch.moveacces.subscription.abonnement-created.v1', '1-0')).toEqual(['abonnements']);
      expect(keysOf('ch.moveacces.subscription.abonnement-renewed.v2', '1-1')).toEqual(['abonnements']);
      expect(keysOf('ch.moveacces.identity.login-succeeded.v1', '1-2')).toEqual(['sessions']);
      expect(keysOf('ch.moveacces.identity.all-sessions-revoked.v1', '1-3')).toEqual(['sessions']);
      expect(keysOf('ch.moveacces.identity.password-changed.v1', '1-4')).toEqual(['sessions']);
      expect(keysOf('ch.moveacces.identity.refresh-token-rotated.v1', '1-5')).toEqual([]);
      expect(subject.lastEventId).toBe('1-5');
    });
  });

  describe('auth', () => {
    it('sends each renewed token once, when it outlives the socket', () => {
      const { subject } = connected();
      expect(subject.handle({ type: 'token-changed', token: token('t1') })).toEqual([]);
      expect(sent(subject.handle({ type: 'token-changed', token: token('t2', 900 + 720) }))).toEqual([
        { type: 'auth', token: 't2' },
      ]);
      expect(subject.handle({ type: 'token-changed', token: token('t2', 900 + 720) })).toEqual([]);
      subject.handle(message({ type: 'auth_ok', expires_in: 900 + 720 }));
      expect(sent(subject.handle({ type: 'token-changed', token: token('t3', 900 + 1440) }))).toEqual([
        { type: 'auth', token: 't3' },
      ]);
    });

    it('sends nothing for a cleared token or while not open', () => {
      const { subject } = machine();
      expect(subject.handle({ type: 'token-changed', token: token('t2', 2000) })).toEqual([]);
      subject.handle({ type: 'ticket-received', ticket: 'ticket-1' });
      // Renewed between the ticket and ready: sent right after ready.
      expect(sent(subject.handle(ready()))).toEqual([{ type: 'auth', token: 't2' }]);
      expect(subject.handle({ type: 'token-changed', token: null })).toEqual([]);
    });
  });

  describe('close codes', () => {
    it.each([4000, 4401, 4413])('%i: a new ticket at once, then resume', (code) => {
      const { subject } = connected({ lastEventId: '1-0' });
      expect(subject.handle({ type: 'closed', code })).toEqual([{ type: 'fetch-ticket', refreshFirst: false }]);
      subject.handle({ type: 'ticket-received', ticket: 'ticket-2' });
      expect(sent(subject.handle(ready()))).toEqual([{ type: 'resume', last_id: '1-0' }]);
    });

    it('4408: refreshes the token first, then a new ticket', () => {
      const { subject } = connected();
      expect(subject.handle({ type: 'closed', code: 4408 })).toEqual([{ type: 'fetch-ticket', refreshFirst: true }]);
    });

    it('1001: reconnects within two seconds, spread by jitter, and resumes', () => {
      const { subject } = connected({ lastEventId: '1-0', random: 0.25 });
      expect(subject.handle({ type: 'closed', code: 1001 })).toEqual([{ type: 'wait', delayMs: 500 }]);
      expect(subject.handle({ type: 'timer-fired' })).toEqual([{ type: 'fetch-ticket', refreshFirst: false }]);
      subject.handle({ type: 'ticket-received', ticket: 'ticket-2' });
      expect(sent(subject.handle(ready()))).toEqual([{ type: 'resume', last_id: '1-0' }]);
    });

    it('4403: signs out and never reconnects', () => {
      const { subject } = connected();
      expect(subject.handle({ type: 'closed', code: 4403 })).toEqual([{ type: 'end-session' }]);
      expect(subject.phase).toBe('ended');
      expect(subject.handle({ type: 'timer-fired' })).toEqual([]);
      expect(subject.handle({ type: 'online-changed', online: true })).toEqual([]);
      expect(subject.handle({ type: 'visibility-changed', visible: true })).toEqual([]);
    });

    it.each([4429, 1013, 1008, 1006, 1011])('%i: backs off before reconnecting', (code) => {
      const { subject } = connected({ random: 0 });
      expect(subject.handle({ type: 'closed', code })).toEqual([{ type: 'wait', delayMs: 500 }]);
      expect(subject.phase).toBe('backing-off');
      expect(subject.handle({ type: 'timer-fired' })).toEqual([{ type: 'fetch-ticket', refreshFirst: false }]);
    });

    it('backs off when a close that reconnects at once repeats before ready', () => {
      const { subject } = connected({ random: 1 });
      subject.handle({ type: 'closed', code: 4401 });
      subject.handle({ type: 'ticket-received', ticket: 'ticket-2' });
      expect(subject.handle({ type: 'closed', code: 4401 })).toEqual([{ type: 'wait', delayMs: 2000 }]);
    });

    it('backs off longer at each failure in a row, at most a minute, and starts over after ready', () => {
      const { subject } = connected({ random: 1 });
      const delays: number[] = [];
      for (let failure = 0; failure < 10; failure += 1) {
        const [command] = subject.handle({ type: 'closed', code: 1006 });
        if (command?.type === 'wait') delays.push(command.delayMs);
        subject.handle({ type: 'timer-fired' });
        subject.handle({ type: 'ticket-received', ticket: `ticket-${failure.toString()}` });
      }
      expect(delays).toEqual([1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000, 60000, 60000]);
      subject.handle(ready());
      expect(subject.handle({ type: 'closed', code: 1006 })).toEqual([{ type: 'wait', delayMs: 1000 }]);
    });

    it('waits at least as long as the ticket answer’s Retry-After', () => {
      const { subject } = machine({ random: 0 });
      expect(subject.handle({ type: 'ticket-failed', retryAfterMs: 5000 })).toEqual([{ type: 'wait', delayMs: 5000 }]);
      expect(subject.handle({ type: 'timer-fired' })).toEqual([{ type: 'fetch-ticket', refreshFirst: false }]);
      expect(subject.handle({ type: 'ticket-failed' })).toEqual([{ type: 'wait', delayMs: 1000 }]);
    });
  });

  describe('offline and hidden', () => {
    it('does not connect while offline, and connects when the network is back', () => {
      const { subject, start } = machine({ online: false });
      expect(start).toEqual([]);
      expect(subject.phase).toBe('paused');
      expect(subject.handle({ type: 'online-changed', online: true })).toEqual([{ type: 'fetch-ticket', refreshFirst: false }]);
    });

    it('does not reconnect after a close while offline', () => {
      const { subject } = connected();
      subject.handle({ type: 'online-changed', online: false });
      expect(subject.phase).toBe('open');
      expect(subject.handle({ type: 'closed', code: 1006 })).toEqual([]);
      expect(subject.handle({ type: 'timer-fired' })).toEqual([]);
      expect(subject.handle({ type: 'online-changed', online: true })).toEqual([{ type: 'fetch-ticket', refreshFirst: false }]);
    });

    it('does not reconnect while hidden, and does when visible again', () => {
      const { subject } = connected();
      subject.handle({ type: 'visibility-changed', visible: false });
      expect(subject.handle({ type: 'closed', code: 4000 })).toEqual([]);
      expect(subject.handle({ type: 'visibility-changed', visible: true })).toEqual([{ type: 'fetch-ticket', refreshFirst: false }]);
    });

    it('drops a pending back-off when going offline', () => {
      const { subject } = connected();
      subject.handle({ type: 'closed', code: 1013 });
      expect(subject.handle({ type: 'online-changed', online: false })).toEqual([{ type: 'cancel-wait' }]);
      expect(subject.handle({ type: 'timer-fired' })).toEqual([]);
    });
  });

  it('closes the socket when stopped and ignores what comes after', () => {
    const { subject } = connected();
    expect(subject.handle({ type: 'stop' })).toEqual([{ type: 'close-socket' }]);
    expect(subject.handle({ type: 'closed', code: 1006 })).toEqual([]);
    expect(subject.handle(message({ id: '1-0', type: 'ch.moveacces.profile.profile-updated.v1' }))).toEqual([]);
  });
});

describe('backOffDelay', () => {
  it('stays between half and all of an exponential step capped at a minute', () => {
    for (let attempt = 1; attempt < 20; attempt += 1) {
      const step = Math.min(BACK_OFF_MAX_MS, 1000 * 2 ** (attempt - 1));
      expect(backOffDelay(attempt, () => 0)).toBe(step / 2);
      expect(backOffDelay(attempt, () => 0.999999)).toBeLessThanOrEqual(step);
      expect(backOffDelay(attempt, () => 0.999999)).toBeLessThanOrEqual(BACK_OFF_MAX_MS);
    }
  });
});
