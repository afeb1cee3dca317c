import type { ApiClient } from '../../../lib/api';
import type { Loaded } from '../../../lib/data';
import { MERGE_PATCH } from '../../../lib/offline';
import { decodeProfile, type Profile, type ProfilePatch } from './profile';

export const PROFILE_PATH = '/users/me';
export const PROFILE_RESOURCE = 'profile';

/**
 * Sends the member's changes as a merge patch, on the condition that the profile is still the
 * version they edited (`If-Match`): a 412 means someone changed it meanwhile.
 */
export async function updateProfile(api: ApiClient, patch: ProfilePatch, ifMatch: string | undefined): Promise<Loaded<Profile>> {
  const response = await api.request({
    method: 'PATCH',
    path: PROFILE_PATH,
    body: patch,
    headers: { 'Content-Type': MERGE_PATCH, ...(ifMatch !== undefined ? { 'If-Match': ifMatch } : {}) },
  });
  return { data: decodeProfile(response.data), etag: response.etag ?? undefined };
}
