import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { switchLanguage } from './i18n';
import { storeLanguage } from './language-preference';
import { pickLanguage, type Language } from './languages';

export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return pickLanguage([i18n.resolvedLanguage ?? i18n.language]);
}

/** Switches the app's language (and `<html lang>`) and remembers the choice. */
export function useChangeLanguage(): (language: Language) => Promise<void> {
  const { i18n } = useTranslation();
  return useCallback(
    async (language: Language) => {
      storeLanguage(language);
      await switchLanguage(i18n, language);
    },
    [i18n],
  );
}
