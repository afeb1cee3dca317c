import { useTranslation } from 'react-i18next';
import { Card } from '../../../components/ui';
import { formatCalendarDate, formatMoney, useLanguage } from '../../../lib/i18n';
import type { Abonnement } from '../api/abonnement';
import { AbonnementStateChip } from './abonnement-state-chip';

export function AbonnementItem({ abonnement }: { readonly abonnement: Abonnement }) {
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
            ? t('abonnement.priceWithDiscount', { price, discount: abonnement.discount })
            : t('abonnement.price', { price })}
          {abonnement.autoRenew && <> · {t('abonnement.autoRenew')}</>}
        </p>
      </Card>
    </li>
  );
}
