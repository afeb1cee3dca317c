import type { Abonnement } from '../api/abonnement';
import { AbonnementItem } from './abonnement-item';

export function AbonnementList({ abonnements, labelledBy }: { readonly abonnements: readonly Abonnement[]; readonly labelledBy: string }) {
  return (
    <ul className="abonnement-list" aria-labelledby={labelledBy}>
      {abonnements.map((abonnement) => (
        <AbonnementItem key={abonnement.id} abonnement={abonnement} />
      ))}
    </ul>
  );
}
