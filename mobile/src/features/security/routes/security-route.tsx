import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, PageHeading, Progress, RefreshIcon } from '../../../components/ui';
import { useResource } from '../../../lib/data';
import { formatDateTime, useLanguage } from '../../../lib/i18n';
import { useOnline } from '../../../lib/offline';
import { getSessions } from '../api/sessions';
import { ChangePasswordForm } from '../components/change-password-form';
import { EndAllSessions } from '../components/end-all-sessions';
import { SessionItem } from '../components/session-item';
import './security.css';

export function SecurityRoute() {
  const { t } = useTranslation();
  const language = useLanguage();
  const online = useOnline();
  const { state, reload } = useResource('sessions', getSessions);
  const sessionsHeadingId = useId();
  const passwordHeadingId = useId();

  return (
    <div className="app-stack">
      <PageHeading>{t('security.title')}</PageHeading>
      <section className="app-stack" aria-labelledby={sessionsHeadingId}>
        <h2 id={sessionsHeadingId} className="security__section-title">
          {t('security.sessions.title')}
        </h2>
        <p className="security__note">{t('security.sessions.intro')}</p>
        {state.status === 'loading' && <Progress label={t('security.sessions.loading')} />}
        {state.status === 'offline-empty' && <Alert tone="info">{t('security.sessions.offlineEmpty')}</Alert>}
        {state.status === 'error' && (
          <>
            <Alert tone="error">
              <p>{t('security.sessions.error')}</p>
              <p>{t(state.problem.messageKey)}</p>
              {state.problem.traceId !== undefined && <p>{t('problems.supportCode', { code: state.problem.traceId })}</p>}
            </Alert>
            <Button variant="outlined" icon={<RefreshIcon />} onClick={reload}>
              {t('security.sessions.retry')}
            </Button>
          </>
        )}
        {state.status === 'success' && (
          <>
            {state.stale && <p className="security__note">{t('security.asOf', { time: formatDateTime(state.savedAt, language) })}</p>}
            {state.data.length === 0 ? (
              <p className="security__note">{t('security.sessions.empty')}</p>
            ) : (
              <ul className="session-list" aria-labelledby={sessionsHeadingId}>
                {state.data.map((session) => (
                  <SessionItem key={session.id} session={session} online={online} />
                ))}
              </ul>
            )}
          </>
        )}
        <EndAllSessions online={online} />
        {!online && <p className="security__note">{t('security.offlineReason')}</p>}
      </section>
      <section className="app-stack" aria-labelledby={passwordHeadingId}>
        <h2 id={passwordHeadingId} className="security__section-title">
          {t('security.password.title')}
        </h2>
        <ChangePasswordForm online={online} />
      </section>
    </div>
  );
}
