import { useEffect, useRef, useSyncExternalStore, type ReactNode } from 'react';
import { useApiClient } from '../lib/api';
import { memberIdOf, useAuthSession } from '../lib/auth';
import { invalidateResource, KeptResourcesProvider } from '../lib/data';
import { askPersistentStorageOnce, memberData } from '../lib/offline';

/**
 * What runs for the signed-in member: their data kept on the device (forgotten when they sign
 * out), the realtime connection (loaded on demand, outside the start-up bundle), and one request
 * to keep the device's storage.
 */
export function MemberSession({ apiOrigin, children }: { readonly apiOrigin: string; readonly children: ReactNode }) {
  const session = useAuthSession();
  const api = useApiClient();
  // From the token, or, in an offline start, from the member the session remembers.
  const memberId = useSyncExternalStore(
    (listener) => {
      const unsubscribeToken = session.subscribeToken(listener);
      const unsubscribeState = session.subscribe(listener);
      return () => {
        unsubscribeToken();
        unsubscribeState();
      };
    },
    () => {
      if (session.token !== null) return memberIdOf(session.token);
      const state = session.state;
      return state.status === 'signed-in' ? (state.offline?.memberId ?? null) : null;
    },
  );
  const previousMember = useRef<string | null>(null);

  useEffect(() => {
    const previous = previousMember.current;
    previousMember.current = memberId;
    if (previous !== null && previous !== memberId) void memberData.forget(previous).catch(() => undefined);
    if (memberId === null) return undefined;

    void askPersistentStorageOnce();
    let stop: (() => void) | undefined;
    let stopped = false;
    void import('../lib/realtime').then(({ startRealtime }) => {
      if (stopped) return;
      stop = startRealtime({
        memberId,
        api,
        apiOrigin,
        session,
        positions: memberData,
        invalidate: invalidateResource,
      });
    });
    return () => {
      stopped = true;
      stop?.();
    };
  }, [api, apiOrigin, memberId, session]);

  return (
    <KeptResourcesProvider store={memberData} memberId={memberId}>
      {children}
    </KeptResourcesProvider>
  );
}
