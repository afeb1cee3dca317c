import type { Language } from './languages';

export type Messages = typeof import('../../locales/fr.json');

/** Each language is its own chunk: the start-up bundle carries only the one the member reads. */
const loaders: Readonly<Record<Language, () => Promise<{ default: Messages }>>> = {
  fr: () => import('../../locales/fr.json'),
  de: () => import('../../locales/de.json'),
  en: () => import('../../locales/en.json'),
};

export async function loadMessages(language: Language): Promise<Messages> {
  return (await loaders[language]()).default;
}
