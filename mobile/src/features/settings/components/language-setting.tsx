import { useTranslation } from 'react-i18next';
import { ChoiceGroup, type Choice } from '../../../components/ui';
import { useChangeLanguage, useLanguage, type Language } from '../../../lib/i18n';

/** Each language named in itself, so a member lost in another one still finds theirs. */
const languages: readonly Choice<Language>[] = [
  { value: 'fr', label: 'Français', lang: 'fr' },
  { value: 'de', label: 'Deutsch', lang: 'de' },
  { value: 'en', label: 'English', lang: 'en' },
];

export function LanguageSetting() {
  const { t } = useTranslation();
  const language = useLanguage();
  const changeLanguage = useChangeLanguage();
  return (
    <ChoiceGroup
      legend={t('settings.language.title')}
      name="language"
      choices={languages}
      value={language}
      onChange={(next) => void changeLanguage(next)}
    />
  );
}
