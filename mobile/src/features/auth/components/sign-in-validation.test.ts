import { describe, expect, it } from 'vitest';
import { validateSignIn } from './sign-in-validation';

describe('validateSignIn', () => {
  it('asks for both fields in the app’s own words', () => {
    expect(validateSignIn({ email: '  ', password: '' })).toEqual({
      email: 'signIn.emailRequired',
      password: 'signIn.passwordRequired',
    });
  });

  it('refuses what is plainly not an address and accepts the rest', () => {
    expect(validateSignIn({ email: 'anna.muster', password: 'x' })).toEqual({ email: 'signIn.emailInvalid' });
    expect(validateSignIn({ email: ' anna@moveacces.ch ', password: 'x' })).toEqual({});
  });
});
