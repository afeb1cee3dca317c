import { useTranslation } from 'react-i18next';
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

export function SignInRoute() {
  const { t } = useTranslation();
  const session = useSessionState();
  const reason = session.status === 'signed-out' ? session.reason : null;
  return (
    <div className="app-stack">
      <PageHeading>{t('signIn.title')}</PageHeading>
      <p className="sign-in__intro">{t('signIn.intro')}</p>
      {reason !== null && <Alert tone="info">{t(reasonKeys[reason])}</Alert>}
      <SignInForm />
    </div>
  );
}
