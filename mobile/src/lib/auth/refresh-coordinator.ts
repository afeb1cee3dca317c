import { isFresh, type AccessToken } from './access-token';
import { REFRESH_LOCK_NAME, type RefreshLocks } from './auth-channel';
import type { TokenStore } from './token-store';

export interface RefreshCoordinatorOptions {
  readonly store: TokenStore;
  /** Null where the browser has no Web Locks: the refresh is then single-flight in this tab only. */
  readonly locks: RefreshLocks | null;
  /** The network refresh: rotates the cookie, answers the new access token. */
  readonly fetchToken: () => Promise<AccessToken>;
  /** Hands a new token to the other tabs; called while the lock is still held. */
  readonly publish: (token: AccessToken) => void;
  readonly now: () => number;
}

/**
 * Makes sure one refresh is in flight at a time: within the tab, callers share one promise;
 * across tabs, the refresh runs under a Web Lock, and a tab that got the lock after another
 * tab refreshed (and broadcast the token) takes that token instead of rotating again.
 *
 * Two refreshes with the same cookie would race on the rotation (the second one would be
 * taken for a replay once the grace window is over). The browser's cookie jar is shared, so a
 * tab that refreshes after another only rotates the cookie once more, which is harmless.
 */
export class RefreshCoordinator {
  readonly #options: RefreshCoordinatorOptions;
  #inFlight: Promise<AccessToken> | null = null;

  constructor(options: RefreshCoordinatorOptions) {
    this.#options = options;
  }

  refresh(): Promise<AccessToken> {
    this.#inFlight ??= this.#refreshOnce().finally(() => {
      this.#inFlight = null;
    });
    return this.#inFlight;
  }

  async #refreshOnce(): Promise<AccessToken> {
    const { store, locks } = this.#options;
    const versionBefore = store.version;
    const underLock = async (): Promise<AccessToken> => {
      const current = store.current;
      if (store.version !== versionBefore && current !== null && isFresh(current, this.#options.now())) {
        return current;
      }
      const token = await this.#options.fetchToken();
      store.set(token);
      this.#options.publish(token);
      return token;
    };
    return locks === null ? underLock() : locks.request(REFRESH_LOCK_NAME, underLock);
  }
}
