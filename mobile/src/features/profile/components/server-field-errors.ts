import type { FieldError } from '../../../lib/api';
import { PROFILE_FIELDS, type ProfileField } from '../api/profile';
import type { ProfileErrors } from './profile-validation';

/** profile-service's messages (ProfileRules, ProfilePatch) → the app's message keys. */
const knownMessages: readonly (readonly [RegExp, (field: ProfileField) => string])[] = [
  [
    /^must not be blank$|^cannot be removed$/,
    (field) => (field === 'nom' || field === 'prenom' ? `profile.errors.${field}Required` : `profile.invalid.${field}`),
  ],
  [/^must be exactly 4 digits$/, () => 'profile.errors.npaFormat'],
  [/^must be a valid phone number$/, () => 'profile.errors.telFormat'],
  [/^must be a date as YYYY-MM-DD$/, () => 'profile.errors.dateFormat'],
  [/^must be in the past$/, () => 'profile.errors.dateNotPast'],
  [/^must not be before 1900-01-01$/, () => 'profile.errors.dateTooEarly'],
  [/^must not contain control characters$/, () => 'profile.errors.controlCharacters'],
  [/^must be at most 100 characters$/, () => 'profile.errors.tooLong100'],
  [/^must be at most 255 characters$/, () => 'profile.errors.tooLong255'],
];

function isProfileField(field: string): field is ProfileField {
  return (PROFILE_FIELDS as readonly string[]).includes(field);
}

function messageKey(field: ProfileField, message: string): string {
  const known = knownMessages.find(([pattern]) => pattern.test(message));
  return known === undefined ? `profile.invalid.${field}` : known[1](field);
}

export interface ServerFieldErrors {
  /** Under the form's fields. */
  readonly fields: ProfileErrors;
  /** Errors about fields the form does not show: the form cannot put them right. */
  readonly unplaced: readonly FieldError[];
}

/** A 422's `errors`, each under its field in the member's language; the first per field wins. */
export function mapServerFieldErrors(errors: readonly FieldError[]): ServerFieldErrors {
  const fields: ProfileErrors = {};
  const unplaced: FieldError[] = [];
  for (const error of errors) {
    if (!isProfileField(error.field)) unplaced.push(error);
    else fields[error.field] ??= messageKey(error.field, error.message);
  }
  return { fields, unplaced };
}
