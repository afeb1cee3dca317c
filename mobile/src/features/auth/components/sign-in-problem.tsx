import { useTranslation } from 'react-i18next';
import type { ApiProblem } from '../../../lib/api';
import { Alert } from '../../../components/ui';

/** Why the sign-in failed; a support code when the failure is ours, not the member's. */
export function SignInProblem({ problem }: { readonly problem: ApiProblem }) {
  const { t } = useTranslation();
  const showSupportCode = problem.kind === 'unexpected' && problem.traceId !== undefined;
  return (
    <Alert tone="error">
      <p>{t(problem.kind === 'unauthorized' ? 'problems.invalidCredentials' : problem.messageKey)}</p>
      {showSupportCode && <p>{t('problems.supportCode', { code: problem.traceId })}</p>}
    </Alert>
  );
}
