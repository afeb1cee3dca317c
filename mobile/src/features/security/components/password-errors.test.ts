import { describe, expect, it } from 'vitest';
import { ApiProblem } from '../../../lib/api';
import { passwordErrorsFrom, validatePasswordChange } from './password-errors';

const refused = (errors: { field: string; message: string }[]) =>
  new ApiProblem({ status: 422, type: 'https://moveacces.ch/problems/validation-failed', fieldErrors: errors });

describe('password change errors', () => {
  it('maps a 422 to its fields', () => {
    expect(passwordErrorsFrom(refused([{ field: 'current_password', message: 'is not the current password' }]))).toEqual({
      currentPassword: { key: 'security.password.errors.currentWrong' },
    });
    expect(
      passwordErrorsFrom(
        refused([
          { field: 'new_password', message: 'is one of the most common passwords' },
          { field: 'new_password', message: 'must not contain the email address' },
        ]),
      ),
    ).toEqual({ newPassword: { key: 'security.password.errors.common' } });
    expect(passwordErrorsFrom(refused([{ field: 'new_password', message: 'must be at most 128 characters long' }]))).toEqual({
      newPassword: { key: 'security.password.errors.tooLong', values: { max: 128 } },
    });
  });

  it('checks length and confirmation first', () => {
    expect(validatePasswordChange({ currentPassword: '', newPassword: 'short', confirmation: 'short' })).toEqual({
      currentPassword: { key: 'security.password.errors.required' },
      newPassword: { key: 'security.password.errors.tooShort', values: { min: 12 } },
    });
    expect(validatePasswordChange({ currentPassword: 'old', newPassword: 'long enough at last', confirmation: 'long enough at least' })).toEqual({
      confirmation: { key: 'security.password.errors.mismatch' },
    });
  });
});
