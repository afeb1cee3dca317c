import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Snackbar } from '../components/ui';
import { serviceWorkerUpdates, type ServiceWorkerUpdates } from './service-worker';

/** Offers a new version of the app; while a form holds unsaved changes it asks to save them first. */
export function UpdatePrompt({ updates = serviceWorkerUpdates }: { readonly updates?: ServiceWorkerUpdates }) {
  const { t } = useTranslation();
  const state = useSyncExternalStore(
    (listener) => updates.subscribe(listener),
    () => updates.state,
  );
  if (state === 'none' || state === 'updating') return null;
  return (
    <Snackbar
      message={state === 'save-first' ? t('update.saveFirst') : t('update.available')}
      actions={
        <>
          <Button variant="text" onClick={() => updates.dismiss()}>
            {t('update.dismiss')}
          </Button>
          {state === 'available' && (
            <Button variant="text" onClick={() => updates.applyUpdate()}>
              {t('update.reload')}
            </Button>
          )}
        </>
      }
    />
  );
}
