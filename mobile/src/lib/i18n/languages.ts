export const SUPPORTED_LANGUAGES = ['fr', 'de', 'en'] as const;
export type Language = (typeof SUPPORTED_LANGUAGES)[number];

/** Members are Swiss: French when none of the browser's languages is one of ours. */
export const FALLBACK_LANGUAGE: Language = 'fr';

export function isLanguage(value: string): value is Language {
  return (SUPPORTED_LANGUAGES as readonly string[]).includes(value);
}

/** The first of the browser's languages (`de-CH`, `fr`, …) that the app speaks. */
export function pickLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const primary = tag.split('-')[0]?.toLowerCase() ?? '';
    if (isLanguage(primary)) return primary;
  }
  return FALLBACK_LANGUAGE;
}

/** The Swiss variant of the language, for dates and amounts (`de-CH` writes 1’250.00). */
export function swissLocale(language: Language): string {
  return `${language}-CH`;
}
