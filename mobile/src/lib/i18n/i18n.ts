import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import de from '../../locales/de.json';
import en from '../../locales/en.json';
import fr from '../../locales/fr.json';
import { FALLBACK_LANGUAGE, pickLanguage, SUPPORTED_LANGUAGES, type Language } from './languages';

export const resources = {
  fr: { translation: fr },
  de: { translation: de },
  en: { translation: en },
} as const;

/** Starts i18next in the browser's language and keeps `<html lang>` in step with it. */
export async function initI18n(
  preferred: readonly string[] = navigator.languages,
  root: HTMLElement = document.documentElement,
): Promise<i18n> {
  const instance = i18next.createInstance();
  instance.on('languageChanged', (language) => {
    root.lang = language;
  });
  await instance.use(initReactI18next).init({
    resources,
    lng: pickLanguage(preferred),
    fallbackLng: FALLBACK_LANGUAGE,
    supportedLngs: [...SUPPORTED_LANGUAGES],
    interpolation: { escapeValue: false }, // React escapes
  });
  return instance;
}

export function currentLanguage(instance: i18n): Language {
  return pickLanguage([instance.resolvedLanguage ?? instance.language]);
}
