import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { Alert, PageHeading } from '../../../components/ui';
import { useSessionState, type SignOutReason } from '../../../lib/auth';
import { SignInForm } from '../components/sign-in-form';
import './sign-in.css';

const reasonKeys: Record<SignOutReason, string> = {
  'signed-out': 'signIn.reasonSignedOut',
  'session-expired': 'signIn.reasonSessionExpired',
  'session-revoked': 'realtime.sessionRevoked',
  unreachable: 'signIn.reasonUnreachable',
};

/** What the registration hands over: the new member's address. */
function registeredEmail(state: unknown): string | null {
  if (typeof state !== 'object' || state === null || !('registeredEmail' in state)) return null;
  return typeof state.registeredEmail === 'string' ? state.registeredEmail : null;
}

export function SignInRoute() {
  const { t } = useTranslation();
  const session = useSessionState();
  const location = useLocation();
  const reason = session.status === 'signed-out' ? session.reason : null;
  const registered = registeredEmail(location.state);
  return (
    <div className="app-stack">
      <PageHeading>{t('signIn.title')}</PageHeading>
      {registered !== null ? (
        <Alert tone="info">{t('signIn.registered')}</Alert>
      ) : (
        <>
          <p className="sign-in__intro">{t('signIn.intro')}</p>
          {reason !== null && <Alert tone="info">{t(reasonKeys[reason])}</Alert>}
        </>
      )}
      <SignInForm initialEmail={registered ?? ''} />
      <p className="sign-in__register">
        {t('signIn.noAccount')}{' '}
        <Link to="/register" className="app-link">
          {t('signIn.registerLink')}
        </Link>
      </p>
    </div>
  );
}
