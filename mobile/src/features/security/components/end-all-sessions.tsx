import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, ConfirmDialog } from '../../../components/ui';
import { ApiProblem, useApiClient } from '../../../lib/api';
import { useAuthSession } from '../../../lib/auth';
import { endAllSessions } from '../api/sessions';

/** Signs the member out everywhere, here too: the app then signs out as it always does. */
export function EndAllSessions({ online }: { readonly online: boolean }) {
  const { t } = useTranslation();
  const api = useApiClient();
  const session = useAuthSession();
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);

  async function endAll() {
    setPending(true);
    setProblem(null);
    try {
      await endAllSessions(api);
      // This session is over on the server; signing out clears it here and in the other tabs.
      await session.signOut();
    } catch (error) {
      setProblem(error instanceof ApiProblem ? error : new ApiProblem({ status: -1, detail: String(error) }));
      setPending(false);
      setConfirming(false);
    }
  }

  return (
    <>
      {problem !== null && (
        <Alert tone="error">
          <p>{t(problem.messageKey)}</p>
          {problem.traceId !== undefined && !problem.isTransient && <p>{t('problems.supportCode', { code: problem.traceId })}</p>}
        </Alert>
      )}
      <Button variant="outlined" disabled={!online || pending} onClick={() => setConfirming(true)}>
        {t('security.endAll.action')}
      </Button>
      <ConfirmDialog
        open={confirming}
        headline={t('security.endAll.title')}
        confirmLabel={t('security.endAll.confirm')}
        dismissLabel={t('security.endAll.dismiss')}
        pending={pending}
        onConfirm={() => void endAll()}
        onDismiss={() => setConfirming(false)}
      >
        <p>{t('security.endAll.body')}</p>
      </ConfirmDialog>
    </>
  );
}
