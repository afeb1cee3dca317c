import { useTranslation } from 'react-i18next';
import { StatusChip, type StatusTone } from '../../../components/ui';
import type { AbonnementState } from '../api/abonnement';

const tones: Record<AbonnementState, StatusTone> = {
  active: 'success',
  paused: 'warning',
  pending: 'info',
  expired: 'neutral',
  canceled: 'error',
};

export function AbonnementStateChip({ state }: { readonly state: AbonnementState }) {
  const { t } = useTranslation();
  return <StatusChip tone={tones[state]}>{t(`abonnement.state.${state}`)}</StatusChip>;
}
