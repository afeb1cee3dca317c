import { describe, expect, it } from 'vitest';
import { formatCalendarDate, formatDateTime, formatMoney, formatPercent, todayInZurich } from './format';

// Intl's Swiss formats use a no-break space (U+00A0) between amount and currency, a narrow
// no-break space (U+202F) for French thousands and an ASCII apostrophe for German ones.
const NBSP = '\u00a0';
const NNBSP = '\u202f';

describe('formatting for the member', () => {
  it('writes calendar dates in the language, the same day whatever the device’s zone', () => {
    expect(formatCalendarDate('2026-03-01', 'de')).toBe('01.03.2026');
    expect(formatCalendarDate('2026-03-01', 'fr')).toBe('1 mars 2026');
    expect(formatCalendarDate('2026-12-31', 'en')).toBe('31 Dec 2026');
    expect(formatCalendarDate('not a date', 'en')).toBe('not a date');
  });

  it('writes instants as Zurich time, summer and winter', () => {
    expect(formatDateTime('2026-07-01T08:05:00Z', 'de')).toBe('01.07.2026, 10:05');
    expect(formatDateTime('2026-01-15T08:05:00Z', 'fr')).toBe('15 janv. 2026, 09:05');
    expect(formatDateTime('2026-07-01T22:30:00Z', 'en')).toBe('2 Jul 2026, 00:30');
    expect(formatDateTime('yesterday', 'en')).toBe('yesterday');
  });

  it('writes Swiss amounts per language', () => {
    expect(formatMoney(590, 'CHF', 'de')).toBe(`CHF${NBSP}590.00`);
    expect(formatMoney(590, 'CHF', 'fr')).toBe(`590,00${NBSP}CHF`);
    expect(formatMoney(590, 'CHF', 'en')).toBe(`CHF${NBSP}590.00`);
    expect(formatMoney(1250.5, 'CHF', 'de')).toBe(`CHF${NBSP}1'250.50`);
    expect(formatMoney(1250.5, 'CHF', 'fr')).toBe(`1${NNBSP}250,50${NBSP}CHF`);
    expect(formatMoney(1250.5, 'CHF', 'en')).toBe(`CHF${NBSP}1'250.50`);
    expect(formatMoney(59, 'EUR', 'de')).toBe(`EUR${NBSP}59.00`);
  });

  it('writes percentages per language', () => {
    expect(formatPercent(10, 'de')).toBe('10%');
    expect(formatPercent(12.5, 'fr')).toBe('12,5%');
    expect(formatPercent(12.5, 'en')).toBe('12.5%');
  });

  it('knows today’s date in Zurich, ahead of UTC at night', () => {
    expect(todayInZurich(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    expect(todayInZurich(new Date('2026-07-01T12:00:00Z'))).toBe('2026-07-01');
  });
});
