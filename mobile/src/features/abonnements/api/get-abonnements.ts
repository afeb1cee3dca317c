import type { ApiClient } from '../../../lib/api';
import type { Loaded } from '../../../lib/data';
import { decodeAbonnements, decodeMemberName, type Abonnement, type MemberName } from './abonnement';

/** The member's abonnements (subscription-service), newest first. */
export async function getAbonnements(api: ApiClient, signal: AbortSignal): Promise<Loaded<readonly Abonnement[]>> {
  const response = await api.get('/subscriptions', decodeAbonnements, signal);
  return { data: response.data, etag: response.etag ?? undefined };
}

/** The member's name for the greeting (profile-service). */
export async function getMemberName(api: ApiClient, signal: AbortSignal): Promise<MemberName> {
  return (await api.get('/users/me', decodeMemberName, signal)).data;
}
