import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Card, StatusChip } from '../../../components/ui';
import { ApiProblem, useApiClient } from '../../../lib/api';
import { invalidateResource } from '../../../lib/data';
import { formatDateTime, useLanguage } from '../../../lib/i18n';
import { endSession, type MemberSession } from '../api/sessions';
import { describeDevice, deviceName } from '../domain/device';

export function SessionItem({ session, online }: { readonly session: MemberSession; readonly online: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const api = useApiClient();
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const name = deviceName(describeDevice(session.userAgent), t);

  async function signOut() {
    setPending(true);
    setProblem(null);
    try {
      await endSession(api, session.id);
      invalidateResource('sessions');
    } catch (error) {
      const failure = error instanceof ApiProblem ? error : new ApiProblem({ status: -1, detail: String(error) });
      // Already ended (expired, or signed out from there): what the member wanted.
      if (failure.problemName === 'session-not-found') invalidateResource('sessions');
      else setProblem(failure);
    } finally {
      setPending(false);
    }
  }

  return (
    <li className="session-item" data-current={session.current} data-session-id={session.id}>
      <Card>
        <div className="session-item__header">
          <h3 className="session-item__device">{name}</h3>
          {session.current && <StatusChip tone="info">{t('security.sessions.thisDevice')}</StatusChip>}
        </div>
        <dl className="session-item__facts">
          <div>
            <dt>{t('security.sessions.lastUsed')}</dt>
            <dd>{formatDateTime(session.lastUsedAt, language)}</dd>
          </div>
          <div>
            <dt>{t('security.sessions.signedInSince')}</dt>
            <dd>{formatDateTime(session.createdAt, language)}</dd>
          </div>
          {session.ip !== null && (
            <div>
              <dt>{t('security.sessions.address')}</dt>
              <dd>{session.ip}</dd>
            </div>
          )}
        </dl>
        {!session.current && (
          <div className="session-item__actions">
            <Button
              variant="outlined"
              disabled={!online || pending}
              ariaLabel={t('security.sessions.endNamed', { device: name })}
              onClick={() => void signOut()}
            >
              {t('security.sessions.end')}
            </Button>
          </div>
        )}
        {problem !== null && (
          <Alert tone="error">
            <p>{t(problem.messageKey)}</p>
            {problem.traceId !== undefined && !problem.isTransient && <p>{t('problems.supportCode', { code: problem.traceId })}</p>}
          </Alert>
        )}
      </Card>
    </li>
  );
}
