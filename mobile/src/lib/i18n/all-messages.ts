import de from '../../locales/de.json';
import en from '../../locales/en.json';
import fr from '../../locales/fr.json';

/** Every language at once, for tests; the app loads one at a time (messages.ts). */
export const resources = {
  fr: { translation: fr },
  de: { translation: de },
  en: { translation: en },
} as const;
