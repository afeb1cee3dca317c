import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../../lib/i18n';
import { priceAfterDiscount } from './price';

describe('priceAfterDiscount', () => {
  it('takes the percentage off, to the centime', () => {
    expect(priceAfterDiscount(590, 10)).toBe(531);
    expect(priceAfterDiscount(99.95, 15)).toBe(84.96);
    expect(priceAfterDiscount(1250, 12.5)).toBe(1093.75);
    expect(priceAfterDiscount(0.1, 50)).toBe(0.05);
  });

  it('leaves the price without a discount and never goes below zero', () => {
    expect(priceAfterDiscount(590, 0)).toBe(590);
    expect(priceAfterDiscount(590, 100)).toBe(0);
  });

  it('is written per language', () => {
    expect(formatMoney(priceAfterDiscount(590, 10), 'CHF', 'de')).toBe('CHF\u00a0531.00');
    expect(formatMoney(priceAfterDiscount(590, 10), 'CHF', 'fr')).toBe('531,00\u00a0CHF');
  });
});
