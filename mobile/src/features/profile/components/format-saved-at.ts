import { MEMBER_TIME_ZONE, swissLocale, type Language } from '../../../lib/i18n';

/** When a kept copy was saved, as the member reads a date and time in Switzerland. */
export function formatSavedAt(date: Date, language: Language): string {
  return new Intl.DateTimeFormat(swissLocale(language), {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: MEMBER_TIME_ZONE,
  }).format(date);
}
