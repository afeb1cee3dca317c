import { useTranslation } from 'react-i18next';
import { Card, PageHeading } from '../../../components/ui';
import { LanguageSetting } from '../components/language-setting';
import { ThemeSetting } from '../components/theme-setting';
import './settings.css';

/** Preferences kept on this device; they need no server, so they work offline too. */
export function SettingsRoute() {
  const { t } = useTranslation();
  return (
    <div className="app-stack">
      <PageHeading>{t('settings.title')}</PageHeading>
      <p className="settings__intro">{t('settings.intro')}</p>
      <Card>
        <LanguageSetting />
      </Card>
      <Card>
        <ThemeSetting />
      </Card>
    </div>
  );
}
