import type { ApiClient } from '../../../lib/api';
import { decodeAbonnements, decodeMemberName, type Abonnement, type MemberName } from './abonnement';

export interface Home {
  readonly member: MemberName;
  readonly abonnements: readonly Abonnement[];
}

/** The member's name (profile-service) and abonnements (subscription-service), fetched together. */
export async function getHome(api: ApiClient, signal: AbortSignal): Promise<Home> {
  const [profile, abonnements] = await Promise.all([
    api.get('/users/me', decodeMemberName, signal),
    api.get('/subscriptions', decodeAbonnements, signal),
  ]);
  return { member: profile.data, abonnements: abonnements.data };
}
