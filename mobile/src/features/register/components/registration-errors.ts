import type { ApiProblem } from '../../../lib/api';
import { isRegistrationField, type Registration, type RegistrationField } from '../api/register-member';

/** A message key and its values, turned into words by the form. */
export interface FieldMessage {
  readonly key: string;
  readonly values?: Readonly<Record<string, string | number>>;
}

export type RegistrationErrors = Partial<Record<RegistrationField, FieldMessage>>;

/** Loose on purpose: the server decides; this only catches what is plainly not an address. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const PASSWORD_MIN_LENGTH = 12;

/** Counted as auth-service counts: code points after NFKC. */
function codePoints(password: string): number {
  return Array.from(password.normalize('NFKC')).length;
}

/** What the app can tell before asking the server, in its own words. */
export function validateRegistration(values: Registration, today: string): RegistrationErrors {
  const errors: RegistrationErrors = {};
  const email = values.email.trim();
  if (email === '') errors.email = { key: 'register.errors.required' };
  else if (!EMAIL.test(email)) errors.email = { key: 'register.errors.emailInvalid' };
  if (values.password === '') errors.password = { key: 'register.errors.required' };
  else if (codePoints(values.password) < PASSWORD_MIN_LENGTH) {
    errors.password = { key: 'register.errors.passwordTooShort', values: { min: PASSWORD_MIN_LENGTH } };
  }
  if (values.prenom.trim() === '') errors.prenom = { key: 'register.errors.required' };
  if (values.nom.trim() === '') errors.nom = { key: 'register.errors.required' };
  const npa = values.npa.trim();
  if (npa !== '' && !/^\d{4}$/.test(npa)) errors.npa = { key: 'register.errors.npaInvalid' };
  const birth = values.date_naissance.trim();
  if (birth !== '') {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(birth)) errors.date_naissance = { key: 'register.errors.dateInvalid' };
    else if (birth >= today) errors.date_naissance = { key: 'register.errors.dateFuture' };
  }
  return errors;
}

/** auth-service's validation messages (RegistrationValidation, PasswordPolicy, ProfileRules). */
const serverMessages: readonly [RegExp, (match: RegExpExecArray) => FieldMessage][] = [
  [/^is required$|^must not be blank$/, () => ({ key: 'register.errors.required' })],
  [/^is not a valid email address$/, () => ({ key: 'register.errors.emailInvalid' })],
  [/^must be at least (\d+) characters long$/, (m) => ({ key: 'register.errors.passwordTooShort', values: { min: Number(m[1]) } })],
  [/^must be at most (\d+) characters( long)?$/, (m) => ({ key: 'register.errors.tooLong', values: { max: Number(m[1]) } })],
  [/^is one of the most common passwords$/, () => ({ key: 'register.errors.passwordCommon' })],
  [/^must not contain the email address$/, () => ({ key: 'register.errors.passwordContainsEmail' })],
  [/^must be exactly 4 digits$/, () => ({ key: 'register.errors.npaInvalid' })],
  [/^must be a valid phone number$/, () => ({ key: 'register.errors.telInvalid' })],
  [/^must be a date as YYYY-MM-DD$/, () => ({ key: 'register.errors.dateInvalid' })],
  [/^must be in the past$/, () => ({ key: 'register.errors.dateFuture' })],
  [/^must not be before 1900-01-01$/, () => ({ key: 'register.errors.dateTooEarly' })],
  [/^must not contain control characters$/, () => ({ key: 'register.errors.invalidCharacters' })],
];

function messageFor(serverMessage: string): FieldMessage {
  for (const [pattern, toMessage] of serverMessages) {
    const match = pattern.exec(serverMessage);
    if (match !== null) return toMessage(match);
  }
  return { key: 'register.errors.invalid' };
}

/**
 * The fields at fault in a refused registration, each under its field: a 422 names every one
 * (the first message per field is shown), a 409 `email-taken` is the email's.
 */
export function registrationErrorsFrom(problem: ApiProblem): RegistrationErrors {
  if (problem.problemName === 'email-taken') return { email: { key: 'register.errors.emailTaken' } };
  const errors: RegistrationErrors = {};
  for (const { field, message } of problem.fieldErrors) {
    if (isRegistrationField(field) && errors[field] === undefined) errors[field] = messageFor(message);
  }
  return errors;
}
