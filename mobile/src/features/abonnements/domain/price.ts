/**
 * The price once the discount (a percentage) is taken off, to the centime. Worked in centimes so
 * that binary fractions never round a half the wrong way.
 */
export function priceAfterDiscount(price: number, discountPercent: number): number {
  if (discountPercent <= 0) return price;
  const centimes = Math.round(price * 100);
  return Math.round((centimes * (100 - Math.min(discountPercent, 100))) / 100) / 100;
}
