import { useTranslation } from 'react-i18next';
import { pickLanguage, type Language } from './languages';

export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return pickLanguage([i18n.resolvedLanguage ?? i18n.language]);
}
