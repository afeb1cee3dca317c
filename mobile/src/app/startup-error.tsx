import type { i18n } from 'i18next';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { Alert, Button, PageHeading, TopAppBar } from '../components/ui';

function StartupErrorPage() {
  const { t } = useTranslation();
  return (
    <>
      <TopAppBar title={t('app.name')} />
      <main id="main" className="app-main">
        <div className="app-stack">
          <PageHeading>{t('startup.configErrorTitle')}</PageHeading>
          <Alert tone="error">{t('startup.configErrorBody')}</Alert>
          <Button variant="outlined" onClick={() => window.location.reload()}>
            {t('startup.retry')}
          </Button>
        </div>
      </main>
    </>
  );
}

/** Shown when the app cannot read its configuration: nothing else can work without it. */
export function StartupError({ i18n }: { readonly i18n: i18n }) {
  return (
    <I18nextProvider i18n={i18n}>
      <StartupErrorPage />
    </I18nextProvider>
  );
}
