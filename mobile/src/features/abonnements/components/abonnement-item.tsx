import { useTranslation } from 'react-i18next';
import { Card } from '../../../components/ui';
import { formatCalendarDate, formatMoney, formatPercent, useLanguage } from '../../../lib/i18n';
import type { Abonnement } from '../api/abonnement';
import { priceAfterDiscount } from '../domain/price';
import { AbonnementActions } from './abonnement-actions';
import { AbonnementStateChip } from './abonnement-state-chip';

interface AbonnementItemProps {
  readonly abonnement: Abonnement;
  readonly online: boolean;
  readonly onChanged: (changed: Abonnement) => void;
}

export function AbonnementItem({ abonnement, online, onChanged }: AbonnementItemProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const start = formatCalendarDate(abonnement.dateStart, language);
  const price = formatMoney(abonnement.price, abonnement.currency, language);
  return (
    <li className="abonnement-item" data-state={abonnement.state}>
      <Card>
        <div className="abonnement-item__header">
          <h3 className="abonnement-item__name">{abonnement.name}</h3>
          <AbonnementStateChip state={abonnement.state} />
        </div>
        <p className="abonnement-item__period">
          {abonnement.dateStop === null
            ? t('abonnement.openEnded', { start })
            : t('abonnement.period', { start, stop: formatCalendarDate(abonnement.dateStop, language) })}
        </p>
        <p className="abonnement-item__price">
          {abonnement.discount > 0
            ? t('abonnement.priceWithDiscount', {
                discounted: formatMoney(priceAfterDiscount(abonnement.price, abonnement.discount), abonnement.currency, language),
                price,
                discount: formatPercent(abonnement.discount, language),
              })
            : t('abonnement.price', { price })}
          {abonnement.autoRenew && <> · {t('abonnement.autoRenew')}</>}
        </p>
        <AbonnementActions abonnement={abonnement} online={online} onChanged={onChanged} />
      </Card>
    </li>
  );
}
