import { browserAuthChannel, browserRefreshLocks } from './auth-channel';
import { createAuthEndpoints } from './auth-endpoints';
import { AuthSession } from './auth-session';
import { browserKnownMember } from './known-member';
import { tokenStore } from './token-store';

export function createBrowserAuthSession(apiOrigin: string): AuthSession {
  return new AuthSession({
    endpoints: createAuthEndpoints(apiOrigin),
    store: tokenStore,
    locks: browserRefreshLocks(),
    channel: browserAuthChannel(),
    knownMember: browserKnownMember(localStorage),
    network: globalThis.window,
  });
}
