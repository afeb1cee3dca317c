import { isLanguage, type Language } from './languages';

/** The member's choice in the settings; a preference, not a secret, so localStorage will do. */
const STORAGE_KEY = 'moveacces.language';

export function storedLanguage(storage: Pick<Storage, 'getItem'> | undefined = safeLocalStorage()): Language | null {
  const value = storage?.getItem(STORAGE_KEY) ?? null;
  return value !== null && isLanguage(value) ? value : null;
}

export function storeLanguage(language: Language, storage: Pick<Storage, 'setItem'> | undefined = safeLocalStorage()): void {
  try {
    storage?.setItem(STORAGE_KEY, language);
  } catch {
    // Storage full or refused (private mode): the choice holds until the app is closed.
  }
}

/** The member's own choice first, then the browser's languages. */
export function preferredLanguages(): readonly string[] {
  const chosen = storedLanguage();
  return chosen === null ? navigator.languages : [chosen, ...navigator.languages];
}

function safeLocalStorage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}
