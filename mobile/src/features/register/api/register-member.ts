import type { ApiClient } from '../../../lib/api';

export const REGISTRATION_FIELDS = ['email', 'password', 'prenom', 'nom', 'date_naissance', 'rue', 'npa', 'localite', 'tel'] as const;
export type RegistrationField = (typeof REGISTRATION_FIELDS)[number];
export type Registration = Readonly<Record<RegistrationField, string>>;

const OPTIONAL: readonly RegistrationField[] = ['date_naissance', 'rue', 'npa', 'localite', 'tel'];

export function isRegistrationField(value: string): value is RegistrationField {
  return (REGISTRATION_FIELDS as readonly string[]).includes(value);
}

/**
 * Creates the member's account (auth-service). It answers no tokens: the member signs in next.
 * Blank optional fields are left out rather than sent empty.
 */
export async function registerMember(api: ApiClient, registration: Registration): Promise<void> {
  const body = Object.fromEntries(
    REGISTRATION_FIELDS.flatMap((field) => {
      const value = field === 'password' ? registration[field] : registration[field].trim();
      return OPTIONAL.includes(field) && value === '' ? [] : [[field, value]];
    }),
  );
  await api.request({ method: 'POST', path: '/auth/register', body });
}
