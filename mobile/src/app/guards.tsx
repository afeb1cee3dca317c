import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { Progress } from '../components/ui';
import { useSessionState } from '../lib/auth';

interface FromState {
  readonly from?: string;
}

/** While the session is being restored from the refresh cookie: neither page yet. */
function Restoring() {
  const { t } = useTranslation();
  return <Progress label={t('startup.loading')} />;
}

export function RequireSignedIn({ children }: { readonly children: ReactNode }) {
  const session = useSessionState();
  const location = useLocation();
  if (session.status === 'restoring') return <Restoring />;
  if (session.status === 'signed-out') {
    return <Navigate to="/sign-in" replace state={{ from: location.pathname } satisfies FromState} />;
  }
  return children;
}

export function RequireSignedOut({ children }: { readonly children: ReactNode }) {
  const session = useSessionState();
  const location = useLocation();
  if (session.status === 'restoring') return <Restoring />;
  if (session.status === 'signed-in') {
    const from = (location.state as FromState | null)?.from;
    return <Navigate to={from?.startsWith('/') === true ? from : '/'} replace />;
  }
  return children;
}
