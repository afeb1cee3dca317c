import { useTranslation } from 'react-i18next';
import { ChoiceGroup } from '../../../components/ui';
import { THEME_PREFERENCES, useThemePreference } from '../../../lib/theme';

export function ThemeSetting() {
  const { t } = useTranslation();
  const [preference, setPreference] = useThemePreference();
  return (
    <ChoiceGroup
      legend={t('settings.theme.title')}
      name="theme"
      choices={THEME_PREFERENCES.map((value) => ({ value, label: t(`settings.theme.${value}`) }))}
      value={preference}
      onChange={setPreference}
    />
  );
}
