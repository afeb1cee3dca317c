import { describe, expect, it } from 'vitest';
import { sameProfileValue } from './same-profile-value';

describe('sameProfileValue', () => {
  it('reads a phone number the way the server stores it', () => {
    expect(sameProfileValue('tel', '079 123 45 67', '+41791234567')).toBe(true);
    expect(sameProfileValue('tel', '0041 79 123 45 67', '+41791234567')).toBe(true);
    expect(sameProfileValue('tel', '079 123 45 68', '+41791234567')).toBe(false);
  });

  it('compares other fields trimmed, and null only with null', () => {
    expect(sameProfileValue('localite', ' Genève ', 'Genève')).toBe(true);
    expect(sameProfileValue('rue', null, null)).toBe(true);
    expect(sameProfileValue('rue', null, '')).toBe(false);
  });
});
