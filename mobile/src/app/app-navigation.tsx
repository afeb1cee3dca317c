import { useTranslation } from 'react-i18next';
import { HomeIcon, NavigationBar, PersonIcon, SecurityIcon, SettingsIcon } from '../components/ui';

/** The signed-in member's destinations. */
export function AppNavigation() {
  const { t } = useTranslation();
  return (
    <NavigationBar
      label={t('nav.label')}
      destinations={[
        { to: '/', label: t('nav.abonnements'), icon: <HomeIcon />, end: true },
        { to: '/profile', label: t('nav.profile'), icon: <PersonIcon /> },
        { to: '/security', label: t('nav.security'), icon: <SecurityIcon /> },
        { to: '/settings', label: t('nav.settings'), icon: <SettingsIcon /> },
      ]}
    />
  );
}
