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

/** An instant (`2026-03-01T08:05:00Z`, or a Date) as a date and time in Zurich. */
export function formatDateTime(instant: string | Date, language: Language): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(date.getTime())) return typeof instant === 'string' ? instant : '';
  return new Intl.DateTimeFormat(swissLocale(language), {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: MEMBER_TIME_ZONE,
  }).format(date);
}

/**
 * An amount in its currency, the Swiss way of the language: de-CH `CHF 1'250.50`, fr-CH
 * `1 250,50 CHF`. CLDR gives fr-CH amounts a decimal point, but its other numbers (the discount's
 * `12,5 %` beside it) a comma: amounts take the comma too, as French-speaking members write them.
 */
export function formatMoney(amount: number, currency: string, language: Language): string {
  try {
    const parts = new Intl.NumberFormat(swissLocale(language), { style: 'currency', currency }).formatToParts(amount);
    return parts.map((part) => (language === 'fr' && part.type === 'decimal' ? ',' : part.value)).join('');
  } catch {
    return `${amount.toFixed(2)} ${currency}`;
  }
}

/** A percentage given as its number (`12.5` → fr-CH `12,5%`). */
export function formatPercent(percent: number, language: Language): string {
  return new Intl.NumberFormat(swissLocale(language), { style: 'percent', maximumFractionDigits: 2 }).format(
    percent / 100,
  );
}

/** Today's date in Zurich as `YYYY-MM-DD`, the calendar the API judges dates by. */
export function todayInZurich(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: MEMBER_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
