export { memberIdOf, type AccessToken } from './access-token';
export type { SignOutReason } from './auth-channel';
export type { Credentials } from './auth-endpoints';
export { AuthSession, type SessionState } from './auth-session';
export { AuthSessionProvider, useAuthSession, useSessionState } from './session-context';
export { createBrowserAuthSession } from './browser-auth-session';
