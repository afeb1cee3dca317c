import { useSyncExternalStore } from 'react';

/**
 * Whether the browser believes it is online. `navigator.onLine === false` is reliable (no
 * network at all); `true` only means a network is there, so callers still treat a failed
 * request as offline.
 */
export function isOnline(): boolean {
  return typeof navigator !== 'object' || navigator.onLine;
}

/** Calls `listener` when the browser goes offline or comes back online. */
export function subscribeOnline(listener: () => void): () => void {
  window.addEventListener('online', listener);
  window.addEventListener('offline', listener);
  return () => {
    window.removeEventListener('online', listener);
    window.removeEventListener('offline', listener);
  };
}

/** Re-renders when the browser goes offline or comes back. */
export function useOnline(): boolean {
  return useSyncExternalStore(subscribeOnline, isOnline, () => true);
}
