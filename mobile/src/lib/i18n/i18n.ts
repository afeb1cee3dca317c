import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { preferredLanguages } from './language-preference';
import { FALLBACK_LANGUAGE, pickLanguage, SUPPORTED_LANGUAGES, type Language } from './languages';
import { loadMessages } from './messages';

/** Every language at once, for tests. */
export { resources } from './all-messages';

/** Starts i18next in the member's language and keeps `<html lang>` in step with it. */
export async function initI18n(
  preferred: readonly string[] = preferredLanguages(),
  root: HTMLElement = document.documentElement,
): Promise<i18n> {
  const instance = i18next.createInstance();
  instance.on('languageChanged', (language) => {
    root.lang = language;
  });
  const language = pickLanguage(preferred);
  await instance.use(initReactI18next).init({
    resources: { [language]: { translation: await loadMessages(language) } },
    lng: language,
    fallbackLng: FALLBACK_LANGUAGE,
    supportedLngs: [...SUPPORTED_LANGUAGES],
    // Every language has every key (locales.test.ts): the fallback is never needed at run time.
    partialBundledLanguages: true,
    interpolation: { escapeValue: false }, // React escapes
  });
  return instance;
}

/** Loads the language's messages if this is its first use, then switches to it. */
export async function switchLanguage(instance: i18n, language: Language): Promise<void> {
  if (!instance.hasResourceBundle(language, 'translation')) {
    instance.addResourceBundle(language, 'translation', await loadMessages(language));
  }
  await instance.changeLanguage(language);
}

export function currentLanguage(instance: i18n): Language {
  return pickLanguage([instance.resolvedLanguage ?? instance.language]);
}
