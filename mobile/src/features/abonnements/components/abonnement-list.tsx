import type { Abonnement } from '../api/abonnement';
import { AbonnementItem } from './abonnement-item';

interface AbonnementListProps {
  readonly abonnements: readonly Abonnement[];
  readonly labelledBy: string;
  readonly online: boolean;
  readonly onChanged: (changed: Abonnement) => void;
}

export function AbonnementList({ abonnements, labelledBy, online, onChanged }: AbonnementListProps) {
  return (
    <ul className="abonnement-list" aria-labelledby={labelledBy}>
      {abonnements.map((abonnement) => (
        <AbonnementItem key={abonnement.id} abonnement={abonnement} online={online} onChanged={onChanged} />
      ))}
    </ul>
  );
}
