import { ApiProblem } from '../api/problem';
import type { AccessTokenSource } from '../api/api-client';
import { isFresh, memberIdOf, refreshDueAt, type AccessToken } from './access-token';
import { readAuthMessage, type AuthChannel, type RefreshLocks, type SignOutReason } from './auth-channel';
import type { AuthEndpoints, Credentials } from './auth-endpoints';
import { RefreshCoordinator } from './refresh-coordinator';
import type { KnownMemberMemory } from './known-member';
import type { TokenStore } from './token-store';

export type SessionState =
  | { readonly status: 'restoring' }
  | {
      readonly status: 'signed-in';
      readonly sessionId: string;
      /**
       * Set while the app runs offline for the member last signed in on this device, with no
       * access token yet: their kept data shows, and the session is restored once back online.
       */
      readonly offline?: { readonly memberId: string };
    }
  | { readonly status: 'signed-out'; readonly reason: SignOutReason | null };

export interface AuthSessionOptions {
  readonly endpoints: AuthEndpoints;
  readonly store: TokenStore;
  readonly locks: RefreshLocks | null;
  readonly channel: AuthChannel | null;
  readonly now?: () => number;
  /** The page whose return to the foreground triggers a refresh when the token is near its end. */
  readonly document?: Pick<Document, 'visibilityState' | 'addEventListener' | 'removeEventListener'> | null;
  /** Who was signed in here last; without it an offline start is a signed-out one. */
  readonly knownMember?: KnownMemberMemory | null;
  /** Where `online` is announced, to restore an offline session. */
  readonly network?: Pick<EventTarget, 'addEventListener' | 'removeEventListener'> | null;
}

/** After a refresh that failed for a passing reason (offline, 503), try again this much later. */
const RETRY_AFTER_FAILED_REFRESH_MS = 30_000;

/**
 * The member's session in this tab: restores it from the refresh cookie at start-up, refreshes
 * the access token ahead of its expiry, keeps the tabs in step, and signs out.
 */
export class AuthSession implements AccessTokenSource {
  readonly #endpoints: AuthEndpoints;
  readonly #store: TokenStore;
  readonly #channel: AuthChannel | null;
  readonly #document: AuthSessionOptions['document'];
  readonly #knownMember: KnownMemberMemory | null;
  readonly #network: AuthSessionOptions['network'];
  readonly #now: () => number;
  readonly #coordinator: RefreshCoordinator;
  readonly #listeners = new Set<() => void>();
  #state: SessionState = { status: 'restoring' };
  #refreshTimer: ReturnType<typeof setTimeout> | undefined;
  #unsubscribeStore: () => void;

  constructor(options: AuthSessionOptions) {
    this.#endpoints = options.endpoints;
    this.#store = options.store;
    this.#channel = options.channel;
    this.#now = options.now ?? Date.now;
    this.#document = options.document === undefined ? globalThis.document : options.document;
    this.#knownMember = options.knownMember ?? null;
    this.#network = options.network ?? null;
    this.#coordinator = new RefreshCoordinator({
      store: this.#store,
      locks: options.locks,
      fetchToken: () => this.#endpoints.refresh(),
      publish: (token) => this.#channel?.postMessage({ type: 'token', token }),
      now: this.#now,
    });
    this.#unsubscribeStore = this.#store.subscribe(this.#onTokenChanged);
    this.#channel?.addEventListener('message', this.#onMessage);
    this.#document?.addEventListener('visibilitychange', this.#onVisibilityChange);
  }

  get state(): SessionState {
    return this.#state;
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** The access token as held now, without refreshing it; null when signed out. */
  get token(): AccessToken | null {
    return this.#store.current;
  }

  /** Told of every new access token (a refresh here or in another tab, a sign-in) and its clearing. */
  subscribeToken(listener: () => void): () => void {
    return this.#store.subscribe(listener);
  }

  /**
   * The server ended this session from elsewhere: forgotten here and in every tab. No logout is
   * sent: the session, and with it the refresh cookie's token, is already over.
   */
  endRevokedSession(): void {
    if (this.#signedIn()) this.#endSession('session-revoked');
  }

  /** At start-up: a refresh with the cookie, if there is one, brings the session back. */
  async restore(): Promise<void> {
    if (this.#store.current !== null) return;
    try {
      await this.#coordinator.refresh();
    } catch (error) {
      // Another tab may have handed over a token meanwhile.
      if (this.#signedIn()) return;
      const transient = error instanceof ApiProblem && error.isTransient;
      const known = transient ? (this.#knownMember?.read() ?? null) : null;
      if (known !== null) {
        this.#setState({ status: 'signed-in', sessionId: known.sessionId, offline: { memberId: known.memberId } });
        this.#network?.addEventListener('online', this.#onOnline);
        return;
      }
      const wasOffline = this.#state.status === 'signed-in';
      if (!transient) this.#knownMember?.write(null);
      // No cookie or a dead one is the ordinary signed-out start, not worth a message.
      this.#setState({ status: 'signed-out', reason: transient ? 'unreachable' : wasOffline ? 'session-expired' : null });
    }
  }

  /** Throws the {@link ApiProblem} of a refused sign-in. */
  async signIn(credentials: Credentials): Promise<void> {
    const token = await this.#endpoints.login(credentials);
    this.#store.set(token);
    this.#channel?.postMessage({ type: 'token', token });
  }

  /** Ends the session on the server (clearing the cookie), here and in every other tab. */
  async signOut(): Promise<void> {
    const token = this.#store.current;
    try {
      await this.#endpoints.logout(token?.value ?? null);
    } catch {
      // The session is forgotten here whatever the server said; its refresh token dies with
      // the cookie's expiry at worst.
    }
    this.#endSession('signed-out');
  }

  async accessToken(): Promise<string | null> {
    const token = this.#store.current;
    if (token === null) {
      // Opened offline: a request made as the network returns waits for the session's restore
      // (the same single refresh) rather than go out without a token.
      if (this.#state.status !== 'signed-in' || this.#state.offline === undefined) return null;
      try {
        return (await this.#refresh()).value;
      } catch {
        return null;
      }
    }
    if (isFresh(token, this.#now())) return token.value;
    try {
      return (await this.#refresh()).value;
    } catch {
      // Still usable until its very end when the refresh failed for a passing reason.
      const current = this.#store.current;
      return current !== null && this.#now() < current.expiresAt ? current.value : null;
    }
  }

  async refreshAfterRejection(rejected: string): Promise<string | null> {
    const current = this.#store.current;
    if (current === null) return null;
    if (current.value !== rejected) return current.value;
    try {
      return (await this.#refresh()).value;
    } catch {
      return null;
    }
  }

  dispose(): void {
    clearTimeout(this.#refreshTimer);
    this.#unsubscribeStore();
    this.#channel?.removeEventListener('message', this.#onMessage);
    this.#document?.removeEventListener('visibilitychange', this.#onVisibilityChange);
    this.#network?.removeEventListener('online', this.#onOnline);
  }

  #signedIn(): boolean {
    return this.#store.current !== null;
  }

  async #refresh(): Promise<AccessToken> {
    try {
      return await this.#coordinator.refresh();
    } catch (error) {
      if (error instanceof ApiProblem && error.status === 401) this.#endSession('session-expired');
      throw error;
    }
  }

  #endSession(reason: SignOutReason): void {
    this.#store.clear();
    this.#knownMember?.write(null);
    this.#setState({ status: 'signed-out', reason });
    this.#channel?.postMessage({ type: 'signed-out', reason });
  }

  #setState(state: SessionState): void {
    this.#state = state;
    for (const listener of [...this.#listeners]) listener();
  }

  #scheduleRefresh(delay: number): void {
    clearTimeout(this.#refreshTimer);
    this.#refreshTimer = setTimeout(() => {
      this.#refresh().catch((error: unknown) => {
        if (this.#store.current !== null) {
          const retryAfter = error instanceof ApiProblem ? error.retryAfterSeconds : undefined;
          this.#scheduleRefresh(retryAfter !== undefined ? retryAfter * 1000 : RETRY_AFTER_FAILED_REFRESH_MS);
        }
      });
    }, Math.max(0, delay));
  }

  readonly #onTokenChanged = (): void => {
    const token = this.#store.current;
    if (token === null) {
      clearTimeout(this.#refreshTimer);
      return;
    }
    this.#scheduleRefresh(refreshDueAt(token) - this.#now());
    const memberId = memberIdOf(token);
    if (memberId !== null) this.#knownMember?.write({ memberId, sessionId: token.sessionId });
    this.#network?.removeEventListener('online', this.#onOnline);
    if (
      this.#state.status !== 'signed-in' ||
      this.#state.sessionId !== token.sessionId ||
      this.#state.offline !== undefined
    ) {
      this.#setState({ status: 'signed-in', sessionId: token.sessionId });
    }
  };

  readonly #onMessage = (event: MessageEvent<unknown>): void => {
    const message = readAuthMessage(event.data);
    if (message === null) return;
    if (message.type === 'token') {
      const current = this.#store.current;
      if (current === null || message.token.expiresAt > current.expiresAt) this.#store.set(message.token);
    } else {
      this.#store.clear();
      this.#knownMember?.write(null);
      this.#setState({ status: 'signed-out', reason: message.reason });
    }
  };

  readonly #onOnline = (): void => {
    if (this.#store.current === null) void this.restore();
  };

  readonly #onVisibilityChange = (): void => {
    const token = this.#store.current;
    if (this.#document?.visibilityState !== 'visible' || token === null) return;
    if (!isFresh(token, this.#now())) this.#refresh().catch(() => undefined);
  };
}
