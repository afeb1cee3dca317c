import type { ApiClient } from '../../../lib/api';
import type { AbonnementAction } from '../domain/lifecycle';
import { decodeAbonnement, type Abonnement } from './abonnement';

/** Pauses, resumes or cancels one of the member's abonnements; answers it in its new state. */
export async function changeAbonnement(api: ApiClient, id: Abonnement['id'], action: AbonnementAction): Promise<Abonnement> {
  const response = await api.request({ method: 'POST', path: `/subscriptions/${encodeURIComponent(String(id))}/${action}` });
  return decodeAbonnement(response.data);
}
