import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, PageHeading, Progress, RefreshIcon } from '../../../components/ui';
import { useApiQuery } from '../../../lib/api';
import { getHome } from '../api/get-home';
import { AbonnementList } from '../components/abonnement-list';
import './home.css';

export function HomeRoute() {
  const { t } = useTranslation();
  const { state, reload } = useApiQuery(getHome);
  const listHeadingId = useId();
  const member = state.status === 'success' ? state.data.member : null;

  return (
    <div className="app-stack">
      <PageHeading>
        {member === null ? t('home.title') : t('home.greeting', { name: `${member.prenom} ${member.nom}` })}
      </PageHeading>
      {state.status === 'loading' && <Progress label={t('home.loading')} />}
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
          {state.data.abonnements.length === 0 ? (
            <p className="home__empty">{t('home.empty')}</p>
          ) : (
            <AbonnementList abonnements={state.data.abonnements} labelledBy={listHeadingId} />
          )}
        </section>
      )}
    </div>
  );
}
