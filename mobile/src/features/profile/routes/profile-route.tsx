import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, PageHeading, Progress, RefreshIcon } from '../../../components/ui';
import { useResource, type Loaded } from '../../../lib/data';
import { useLanguage } from '../../../lib/i18n';
import { loadProfile, type Profile } from '../api/profile';
import { formatSavedAt } from '../components/format-saved-at';
import { ProfileEditorView } from '../components/profile-editor-view';
import './profile.css';

export function ProfileRoute() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { state, reload, replace } = useResource('profile', loadProfile);
  const loaded = useMemo<Loaded<Profile> | null>(
    () => (state.status === 'success' ? { data: state.data, etag: state.etag } : null),
    [state],
  );

  return (
    <div className="app-stack profile">
      <PageHeading>{t('profile.title')}</PageHeading>
      {state.status === 'loading' && <Progress label={t('profile.loading')} />}
      {state.status === 'error' && (
        <>
          <Alert tone="error">
            <p>{t('profile.loadFailed')}</p>
            <p>{t(state.problem.messageKey)}</p>
            {state.problem.traceId !== undefined && <p>{t('problems.supportCode', { code: state.problem.traceId })}</p>}
          </Alert>
          <Button variant="outlined" icon={<RefreshIcon />} onClick={reload}>
            {t('profile.retry')}
          </Button>
        </>
      )}
      {state.status === 'offline-empty' && (
        <>
          <Alert tone="info">
            <p>{t('profile.offlineEmpty')}</p>
          </Alert>
          <Button variant="outlined" icon={<RefreshIcon />} onClick={reload}>
            {t('profile.retry')}
          </Button>
        </>
      )}
      {state.status === 'success' && loaded !== null && (
        <>
          {state.stale && (
            <p className="profile__saved-on">{t('profile.savedOn', { date: formatSavedAt(state.savedAt, language) })}</p>
          )}
          <ProfileEditorView key={loaded.data.userId} loaded={loaded} replace={replace} />
        </>
      )}
    </div>
  );
}
