import { useEffect, useState } from 'react';
import { editQueue, type QueuedEdit } from '../../../lib/offline';
import { PROFILE_RESOURCE } from '../api/update-profile';

/**
 * The member's pending profile edit, kept up to date as this tab or another queues, sends or
 * drops it: undefined while it is being read, null when there is none.
 */
export function usePendingEdit(userId: string): QueuedEdit | null | undefined {
  const [edit, setEdit] = useState<QueuedEdit | null | undefined>(undefined);

  useEffect(() => {
    let live = true;
    const read = () => {
      editQueue()
        .pending(userId)
        .then(
          (edits) => {
            if (live) setEdit(edits.find((pending) => pending.resource === PROFILE_RESOURCE) ?? null);
          },
          () => {
            // No IndexedDB (a private window of some browsers): nothing can be pending.
            if (live) setEdit(null);
          },
        );
    };
    read();
    const unsubscribe = editQueue().subscribe((change) => {
      if (change.userId === userId && change.resource === PROFILE_RESOURCE) read();
    });
    return () => {
      live = false;
      unsubscribe();
    };
  }, [userId]);

  return edit;
}
