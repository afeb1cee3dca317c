import type { PatchValue } from '../../../lib/offline';

/**
 * A Swiss or international number reduced to E.164 as far as the app can without
 * libphonenumber: `079 123 45 67`, `0041 79 123 45 67` and `+41791234567` are one number.
 */
function phoneKey(value: string): string {
  const compact = value.replace(/[\s()./-]/g, '');
  if (compact.startsWith('+')) return compact;
  if (compact.startsWith('00')) return `+${compact.slice(2)}`;
  if (compact.startsWith('0')) return `+41${compact.slice(1)}`;
  return compact;
}

/** Whether my value of `field` and the server's mean the same once the server has stored it. */
export function sameProfileValue(field: string, mine: PatchValue, theirs: PatchValue): boolean {
  const a = typeof mine === 'string' ? mine.trim() : mine;
  const b = typeof theirs === 'string' ? theirs.trim() : theirs;
  if (field === 'tel' && typeof a === 'string' && typeof b === 'string') return phoneKey(a) === phoneKey(b);
  return a === b;
}
