import type { ApiProblem } from '../../../lib/api';

export const PASSWORD_MIN_LENGTH = 12;

export type PasswordField = 'currentPassword' | 'newPassword' | 'confirmation';

export interface FieldMessage {
  readonly key: string;
  readonly values?: Readonly<Record<string, string | number>>;
}

export type PasswordErrors = Partial<Record<PasswordField, FieldMessage>>;

export interface PasswordValues {
  readonly currentPassword: string;
  readonly newPassword: string;
  readonly confirmation: string;
}

/** Counted as auth-service counts: code points after NFKC. */
function codePoints(password: string): number {
  return Array.from(password.normalize('NFKC')).length;
}

export function validatePasswordChange(values: PasswordValues): PasswordErrors {
  const errors: Partial<Record<PasswordField, FieldMessage>> = {};
  if (values.currentPassword === '') errors.currentPassword = { key: 'security.password.errors.required' };
  if (values.newPassword === '') errors.newPassword = { key: 'security.password.errors.required' };
  else if (codePoints(values.newPassword) < PASSWORD_MIN_LENGTH) {
    errors.newPassword = { key: 'security.password.errors.tooShort', values: { min: PASSWORD_MIN_LENGTH } };
  }
  if (values.newPassword !== '' && values.confirmation !== values.newPassword) {
    errors.confirmation = { key: 'security.password.errors.mismatch' };
  }
  return errors;
}

/** auth-service's field names and messages (PasswordController, ChangePassword, PasswordPolicy). */
const serverFields: Readonly<Record<string, PasswordField>> = {
  current_password: 'currentPassword',
  new_password: 'newPassword',
};

const serverMessages: readonly [RegExp, (match: RegExpExecArray) => FieldMessage][] = [
  [/^is required$/, () => ({ key: 'security.password.errors.required' })],
  [/^is not the current password$/, () => ({ key: 'security.password.errors.currentWrong' })],
  [/^must be at least (\d+) characters long$/, (m) => ({ key: 'security.password.errors.tooShort', values: { min: Number(m[1]) } })],
  [/^must be at most (\d+) characters long$/, (m) => ({ key: 'security.password.errors.tooLong', values: { max: Number(m[1]) } })],
  [/^is one of the most common passwords$/, () => ({ key: 'security.password.errors.common' })],
  [/^must not contain the email address$/, () => ({ key: 'security.password.errors.containsEmail' })],
];

function messageFor(serverMessage: string): FieldMessage {
  for (const [pattern, toMessage] of serverMessages) {
    const match = pattern.exec(serverMessage);
    if (match !== null) return toMessage(match);
  }
  return { key: 'security.password.errors.invalid' };
}

/** A refused change's fields at fault, the first message of each. */
export function passwordErrorsFrom(problem: ApiProblem): PasswordErrors {
  const errors: Partial<Record<PasswordField, FieldMessage>> = {};
  for (const { field, message } of problem.fieldErrors) {
    const mapped = serverFields[field];
    if (mapped !== undefined) errors[mapped] ??= messageFor(message);
  }
  return errors;
}
