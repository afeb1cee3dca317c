import { swissLocale, type Language } from './languages';

/** Members' dates are Swiss dates, wherever the phone happens to be. */
export const MEMBER_TIME_ZONE = 'Europe/Zurich';

/**
 * A calendar date from the API (`2026-03-01`). Taken at noon UTC, which is the same day in
 * Zurich all year round, so no time zone can move it to the day before.
 */
export function formatCalendarDate(isoDate: string, language: Language): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (match === null) return isoDate;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const instant = new Date(Date.UTC(year, month - 1, day, 12));
  return new Intl.DateTimeFormat(swissLocale(language), { dateStyle: 'medium', timeZone: MEMBER_TIME_ZONE }).format(
    instant,
  );
}

export function formatMoney(amount: number, currency: string, language: Language): string {
  try {
    return new Intl.NumberFormat(swissLocale(language), { style: 'currency', currency }).format(amount);
  } catch {
    return `${amount.toFixed(2)} ${currency}`;
  }
}
