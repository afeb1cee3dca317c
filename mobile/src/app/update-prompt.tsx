import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Snackbar } from '../components/ui';
import { serviceWorkerUpdates } from './service-worker';

export function UpdatePrompt() {
  const { t } = useTranslation();
  const waiting = useSyncExternalStore(
    (listener) => serviceWorkerUpdates.subscribe(listener),
    () => serviceWorkerUpdates.updateWaiting,
  );
  if (!waiting) return null;
  return (
    <Snackbar
      message={t('update.available')}
      actions={
        <>
          <Button variant="text" onClick={() => serviceWorkerUpdates.dismiss()}>
            {t('update.dismiss')}
          </Button>
          <Button variant="text" onClick={() => serviceWorkerUpdates.applyUpdate()}>
            {t('update.reload')}
          </Button>
        </>
      }
    />
  );
}
