import { PROFILE_FIELDS, type ProfileField } from '../api/profile';
import type { ProfileFormValues } from './profile-patch';

/** A message key per field at fault. */
export type ProfileErrors = Partial<Record<ProfileField, string>>;

const MAX_LENGTH: Partial<Record<ProfileField, number>> = { prenom: 100, nom: 100, localite: 100, rue: 255 };
const EARLIEST_BIRTH_DATE = '1900-01-01';
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const NPA = /^\d{4}$/;
// eslint-disable-next-line no-control-regex -- the server refuses Unicode Cc; so does the form.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
/** Loose: the server checks the number itself (libphonenumber); this catches letters and typos. */
const PHONE = /^\+?[\d\s()./-]+$/;

function isCalendarDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function phoneDigits(value: string): number {
  return value.replace(/\D/g, '').length;
}

/**
 * The server's rules (platform/member-profile's ProfileRules), checked before sending so that
 * the member hears about them in their language and offline. `today` is the Swiss calendar's
 * date (`2026-03-01`): a birth date must be before it.
 */
export function validateProfile(values: ProfileFormValues, today: string): ProfileErrors {
  const errors: ProfileErrors = {};
  for (const field of PROFILE_FIELDS) {
    const value = values[field].trim();
    const max = MAX_LENGTH[field];
    if ((field === 'prenom' || field === 'nom') && value === '') errors[field] = `profile.errors.${field}Required`;
    else if (CONTROL.test(value)) errors[field] = 'profile.errors.controlCharacters';
    else if (max !== undefined && value.length > max) errors[field] = `profile.errors.tooLong${max.toString()}`;
  }
  const npa = values.npa.trim();
  if (errors.npa === undefined && npa !== '' && !NPA.test(npa)) errors.npa = 'profile.errors.npaFormat';
  const tel = values.tel.trim();
  if (errors.tel === undefined && tel !== '' && (!PHONE.test(tel) || phoneDigits(tel) < 6 || phoneDigits(tel) > 15)) {
    errors.tel = 'profile.errors.telFormat';
  }
  const birthDate = values.date_naissance.trim();
  if (birthDate !== '') {
    if (!isCalendarDate(birthDate)) errors.date_naissance = 'profile.errors.dateFormat';
    else if (birthDate < EARLIEST_BIRTH_DATE) errors.date_naissance = 'profile.errors.dateTooEarly';
    else if (birthDate >= today) errors.date_naissance = 'profile.errors.dateNotPast';
  }
  return errors;
}

/** Today's date in Switzerland, as `YYYY-MM-DD`. */
export function swissToday(now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Zurich',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const part = (type: string) => parts.find((entry) => entry.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** The first field at fault in the form's order, where the focus goes. */
export function firstInvalidField(errors: ProfileErrors): ProfileField | undefined {
  return PROFILE_FIELDS.find((field) => errors[field] !== undefined);
}
