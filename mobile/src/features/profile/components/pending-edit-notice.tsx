import { useTranslation } from 'react-i18next';
import { Alert, Button } from '../../../components/ui';
import { useLanguage } from '../../../lib/i18n';
import type { QueuedEdit } from '../../../lib/offline';
import { formatSavedAt } from './format-saved-at';

/** A profile edit kept on this device until it can be sent. */
export function PendingEditNotice({ edit, onDiscard }: { readonly edit: QueuedEdit; readonly onDiscard: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (edit.state === 'conflict' || edit.state === 'rejected') return null;
  return (
    <div className="profile-pending" data-pending-edit={edit.state}>
      <Alert tone="info">
        <p>{t(edit.state === 'in-flight' ? 'editQueue.sending' : 'editQueue.pending')}</p>
        <p>{t('editQueue.keptOn', { date: formatSavedAt(new Date(edit.queuedAt), language) })}</p>
      </Alert>
      <Button variant="text" onClick={onDiscard}>
        {t('editQueue.discard')}
      </Button>
    </div>
  );
}
