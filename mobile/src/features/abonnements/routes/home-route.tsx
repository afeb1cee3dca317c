import { useCallback, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, PageHeading, Progress, RefreshIcon } from '../../../components/ui';
import { useApiQuery } from '../../../lib/api';
import { useResource } from '../../../lib/data';
import { formatDateTime, useLanguage } from '../../../lib/i18n';
import { useOnline } from '../../../lib/offline';
import type { Abonnement } from '../api/abonnement';
import { getAbonnements, getMemberName } from '../api/get-abonnements';
import { AbonnementList } from '../components/abonnement-list';
import './home.css';

export function HomeRoute() {
  const { t } = useTranslation();
  const language = useLanguage();
  const online = useOnline();
  const { state, reload, replace } = useResource('abonnements', getAbonnements);
  // The greeting is a courtesy: without the profile (offline, say) the page still works.
  const { state: member } = useApiQuery(getMemberName);
  const listHeadingId = useId();

  const current = state.status === 'success' ? state.data : null;
  const onChanged = useCallback(
    (changed: Abonnement) => {
      if (current === null) return;
      replace({ data: current.map((abonnement) => (abonnement.id === changed.id ? changed : abonnement)) });
    },
    [current, replace],
  );

  return (
    <div className="app-stack">
      <PageHeading>{t('home.title')}</PageHeading>
      {member.status === 'success' && (
        <p className="home__greeting">{t('home.greeting', { name: `${member.data.prenom} ${member.data.nom}` })}</p>
      )}
      {state.status === 'loading' && <Progress label={t('home.loading')} />}
      {state.status === 'offline-empty' && <Alert tone="info">{t('home.offlineEmpty')}</Alert>}
      {state.status === 'error' && (
        <>
          <Alert tone="error">
            <p>{t('home.error')}</p>
            <p>{t(state.problem.messageKey)}</p>
            {state.problem.traceId !== undefined && <p>{t('problems.supportCode', { code: state.problem.traceId })}</p>}
          </Alert>
          <Button variant="outlined" icon={<RefreshIcon />} onClick={reload}>
            {t('home.retry')}
          </Button>
        </>
      )}
      {state.status === 'success' && (
        <section className="app-stack" aria-labelledby={listHeadingId}>
          <h2 id={listHeadingId} className="home__section-title">
            {t('home.abonnements')}
          </h2>
          {state.stale && <p className="home__as-of">{t('home.asOf', { time: formatDateTime(state.savedAt, language) })}</p>}
          {state.data.length === 0 ? (
            <p className="home__empty">{t('home.empty')}</p>
          ) : (
            <AbonnementList abonnements={state.data} labelledBy={listHeadingId} online={online} onChanged={onChanged} />
          )}
        </section>
      )}
    </div>
  );
}
