import { createContext, use, useSyncExternalStore, type ReactNode } from 'react';
import type { AuthSession, SessionState } from './auth-session';

const AuthSessionContext = createContext<AuthSession | null>(null);

export function AuthSessionProvider({ session, children }: { session: AuthSession; children: ReactNode }) {
  return <AuthSessionContext value={session}>{children}</AuthSessionContext>;
}

export function useAuthSession(): AuthSession {
  const session = use(AuthSessionContext);
  if (session === null) throw new Error('useAuthSession outside AuthSessionProvider');
  return session;
}

export function useSessionState(): SessionState {
  const session = useAuthSession();
  return useSyncExternalStore(
    (listener) => session.subscribe(listener),
    () => session.state,
  );
}
