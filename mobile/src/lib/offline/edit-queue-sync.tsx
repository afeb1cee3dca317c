import { useEffect } from 'react';
import { useApiClient } from '../api';
import { useSessionState } from '../auth';
import { editQueue } from './edit-queue';

/**
 * Sends the member's pending edits while they are signed in: at once, when the browser says it
 * is back online, and when the app returns to the foreground (a failed send has no `online`
 * event to wait for). Renders nothing.
 */
export function EditQueueSync() {
  const api = useApiClient();
  const signedIn = useSessionState().status === 'signed-in';

  useEffect(() => {
    if (!signedIn) return;
    const flush = () => {
      if (!navigator.onLine) return;
      editQueue()
        .flush(api)
        .catch((error: unknown) => {
          console.error('Pending edits could not be sent', error);
        });
    };
    const onVisibilityChange = () => {
      if (document.visibilityState === 'visible') flush();
    };
    flush();
    window.addEventListener('online', flush);
    document.addEventListener('visibilitychange', onVisibilityChange);
    return () => {
      window.removeEventListener('online', flush);
      document.removeEventListener('visibilitychange', onVisibilityChange);
    };
  }, [api, signedIn]);

  return null;
}
