import { describe, expect, it } from 'vitest';
import { formatCalendarDate, formatMoney } from './format';

describe('formatting for the member', () => {
  it('writes calendar dates in the language, the same day whatever the device’s zone', () => {
    expect(formatCalendarDate('2026-03-01', 'de')).toBe('01.03.2026');
    expect(formatCalendarDate('2026-03-01', 'fr')).toBe('1 mars 2026');
    expect(formatCalendarDate('2026-12-31', 'en')).toBe('31 Dec 2026');
    expect(formatCalendarDate('not a date', 'en')).toBe('not a date');
  });

  it('writes Swiss amounts', () => {
    expect(formatMoney(1250, 'CHF', 'de')).toMatch(/^CHF\s1['’]250\.00$/);
  });
});
