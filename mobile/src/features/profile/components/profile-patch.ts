import { OPTIONAL_FIELDS, PROFILE_FIELDS, type ProfileField, type ProfileFields, type ProfilePatch } from '../api/profile';

/** What the form's inputs hold: text, '' for an empty field. */
export type ProfileFormValues = Record<ProfileField, string>;

/** The form's starting values: the profile, with the member's pending changes over it. */
export function formValues(profile: ProfileFields, changes: ProfilePatch = {}): ProfileFormValues {
  const values = {} as ProfileFormValues;
  for (const field of PROFILE_FIELDS) {
    const changed = changes[field];
    values[field] = (changed !== undefined ? changed : profile[field]) ?? '';
  }
  return values;
}

/**
 * The merge patch from `baseline` (the version edited) to the form's values: only the fields
 * that differ once trimmed, null for an optional field emptied. `nom` and `prenom` are never
 * emptied by a patch (the validation says so to the member).
 */
export function buildProfilePatch(baseline: ProfileFields, values: ProfileFormValues): ProfilePatch {
  const patch: ProfilePatch = {};
  for (const field of PROFILE_FIELDS) {
    const next = values[field].trim();
    if (next === (baseline[field] ?? '')) continue;
    if (next !== '') patch[field] = next;
    else if (OPTIONAL_FIELDS.has(field) && baseline[field] !== null) patch[field] = null;
  }
  return patch;
}

export function isEmptyPatch(patch: ProfilePatch): boolean {
  return Object.keys(patch).length === 0;
}

/** Whether two patches set the same fields to the same values. */
export function samePatch(a: ProfilePatch, b: ProfilePatch): boolean {
  const fields = new Set([...Object.keys(a), ...Object.keys(b)] as (keyof ProfilePatch)[]);
  return [...fields].every((field) => a[field] === b[field]);
}
