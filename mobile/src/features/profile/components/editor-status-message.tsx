import { useTranslation } from 'react-i18next';
import { Alert, Button, Progress, RefreshIcon } from '../../../components/ui';
import type { EditorStatus } from './use-profile-editor';

function SupportCode({ traceId }: { readonly traceId: string | undefined }) {
  const { t } = useTranslation();
  return traceId !== undefined ? <p>{t('problems.supportCode', { code: traceId })}</p> : null;
}

/** What the last save came to; a conflict has its own view. */
export function EditorStatusMessage({ status, onRetryConflict }: { readonly status: EditorStatus; readonly onRetryConflict: () => void }) {
  const { t } = useTranslation();
  switch (status.type) {
    case 'saved':
      return <Alert tone="info"><p>{t('profile.saved')}</p></Alert>;
    case 'unchanged':
      return <Alert tone="info"><p>{t('profile.unchanged')}</p></Alert>;
    case 'sent-from-queue':
      return <Alert tone="info"><p>{t('editQueue.sent')}</p></Alert>;
    case 'took-theirs':
      return <Alert tone="info"><p>{t('conflict.tookTheirs')}</p></Alert>;
    case 'invalid':
      return (
        <Alert tone="error">
          <p>{t('profile.invalidSummary')}</p>
          {status.unplaced.length > 0 && <p>{t('problems.validationFailed')}</p>}
        </Alert>
      );
    case 'rejected':
      return (
        <Alert tone="error">
          <p>{t('editQueue.rejected')}</p>
          <p>{t(status.rejection.messageKey)}</p>
          <SupportCode traceId={status.rejection.traceId} />
        </Alert>
      );
    case 'failed':
      return (
        <Alert tone="error">
          <p>{t('profile.saveFailed')}</p>
          <p>{t(status.problem.messageKey)}</p>
          <SupportCode traceId={status.problem.traceId} />
        </Alert>
      );
    case 'conflict-loading':
      return <Progress label={t('conflict.loading')} />;
    case 'conflict-failed':
      return (
        <>
          <Alert tone="error">
            <p>{t('conflict.loadFailed')}</p>
            <p>{t(status.problem.messageKey)}</p>
            <SupportCode traceId={status.problem.traceId} />
          </Alert>
          <Button variant="outlined" icon={<RefreshIcon />} onClick={onRetryConflict}>
            {t('profile.retry')}
          </Button>
        </>
      );
    default:
      return null;
  }
}
