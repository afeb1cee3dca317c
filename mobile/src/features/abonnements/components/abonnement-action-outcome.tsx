import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui';
import type { ActionOutcome } from './use-abonnement-action';

export function AbonnementActionOutcome({ outcome }: { readonly outcome: ActionOutcome }) {
  const { t } = useTranslation();
  switch (outcome.kind) {
    case 'done':
      return <Alert tone="info">{t(`abonnement.done.${outcome.action}`)}</Alert>;
    case 'refused':
      return (
        <Alert tone="error">
          <p>
            {outcome.currentState === null
              ? t('problems.illegalStateTransition')
              : t('abonnement.refused', { state: t(`abonnement.state.${outcome.currentState}`) })}
          </p>
          <p>{t('abonnement.refreshed')}</p>
        </Alert>
      );
    case 'failed':
      return (
        <Alert tone="error">
          <p>{t(outcome.problem.messageKey)}</p>
          {outcome.problem.traceId !== undefined && <p>{t('problems.supportCode', { code: outcome.problem.traceId })}</p>}
        </Alert>
      );
  }
}
