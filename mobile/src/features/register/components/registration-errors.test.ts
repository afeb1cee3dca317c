import { describe, expect, it } from 'vitest';
import { ApiProblem } from '../../../lib/api';
import type { Registration } from '../api/register-member';
import { registrationErrorsFrom, validateRegistration } from './registration-errors';

const complete: Registration = {
  email: 'anna@moveacces.ch',
  password: 'correct horse battery',
  prenom: 'Anna',
  nom: 'Muster',
  date_naissance: '',
  rue: '',
  npa: '',
  localite: '',
  tel: '',
};

const refused = (errors: { field: string; message: string }[]) =>
  new ApiProblem({ status: 422, type: 'https://moveacces.ch/problems/validation-failed', fieldErrors: errors });

describe('registration errors', () => {
  it('puts every field of a 422 under its field, in the app’s words', () => {
    expect(
      registrationErrorsFrom(
        refused([
          { field: 'password', message: 'must be at least 12 characters long' },
          { field: 'password', message: 'is one of the most common passwords' },
          { field: 'nom', message: 'is required' },
          { field: 'npa', message: 'must be exactly 4 digits' },
          { field: 'tel', message: 'must be a valid phone number' },
          { field: 'date_naissance', message: 'must be in the past' },
          { field: 'rue', message: 'must be at most 255 characters' },
          { field: 'localite', message: 'something new' },
          { field: 'email', message: 'is not a valid email address' },
          { field: 'unknown', message: 'is required' },
        ]),
      ),
    ).toEqual({
      password: { key: 'register.errors.passwordTooShort', values: { min: 12 } },
      nom: { key: 'register.errors.required' },
      npa: { key: 'register.errors.npaInvalid' },
      tel: { key: 'register.errors.telInvalid' },
      date_naissance: { key: 'register.errors.dateFuture' },
      rue: { key: 'register.errors.tooLong', values: { max: 255 } },
      localite: { key: 'register.errors.invalid' },
      email: { key: 'register.errors.emailInvalid' },
    });
  });

  it('puts a 409 email-taken under the email', () => {
    const taken = new ApiProblem({ status: 409, type: 'https://moveacces.ch/problems/email-taken' });
    expect(registrationErrorsFrom(taken)).toEqual({ email: { key: 'register.errors.emailTaken' } });
  });

  it('checks the obvious before asking the server', () => {
    expect(validateRegistration(complete, '2026-12-07')).toEqual({});
    expect(
      validateRegistration(
        { ...complete, email: 'anna', password: 'short', prenom: ' ', npa: '12a4', date_naissance: '2026-12-07' },
        '2026-12-07',
      ),
    ).toEqual({
      email: { key: 'register.errors.emailInvalid' },
      password: { key: 'register.errors.passwordTooShort', values: { min: 12 } },
      prenom: { key: 'register.errors.required' },
      npa: { key: 'register.errors.npaInvalid' },
      date_naissance: { key: 'register.errors.dateFuture' },
    });
  });
});
