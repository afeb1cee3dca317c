import type { ApiClient } from '../../../lib/api';
import type { Loaded } from '../../../lib/data';

/** The fields a member may change, by their API names (the form's input names too). */
export const PROFILE_FIELDS = ['prenom', 'nom', 'date_naissance', 'rue', 'npa', 'localite', 'tel'] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];

/** Fields a merge patch may remove with null; `nom` and `prenom` cannot be. */
export const OPTIONAL_FIELDS: ReadonlySet<ProfileField> = new Set(['date_naissance', 'rue', 'npa', 'localite', 'tel']);

export type ProfileFields = Readonly<Record<ProfileField, string | null>>;

/** The member's profile as profile-service shows it. */
export interface Profile extends ProfileFields {
  readonly userId: string;
  /** Read-only here: it is the member's sign-in. */
  readonly email: string;
  readonly prenom: string;
  readonly nom: string;
}

/** A merge patch of the profile: only the changed fields; null removes an optional one. */
export type ProfilePatch = Partial<Record<ProfileField, string | null>>;

function isJson(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function optionalText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string') throw new TypeError('Unexpected profile field');
  return value;
}

export function decodeProfile(body: unknown): Profile {
  if (
    !isJson(body) ||
    (typeof body.user_id !== 'number' && typeof body.user_id !== 'string') ||
    typeof body.email !== 'string' ||
    typeof body.prenom !== 'string' ||
    typeof body.nom !== 'string'
  ) {
    throw new TypeError('Unexpected profile');
  }
  return {
    userId: String(body.user_id),
    email: body.email,
    prenom: body.prenom,
    nom: body.nom,
    date_naissance: optionalText(body.date_naissance),
    rue: optionalText(body.rue),
    npa: optionalText(body.npa),
    localite: optionalText(body.localite),
    tel: optionalText(body.tel),
  };
}

export async function loadProfile(api: ApiClient, signal: AbortSignal): Promise<Loaded<Profile>> {
  const { data, etag } = await api.get('/users/me', decodeProfile, signal);
  return { data, etag: etag ?? undefined };
}
