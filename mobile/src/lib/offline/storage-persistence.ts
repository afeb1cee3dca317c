/** Marks that the browser was asked, so the member is asked once per device, not at every sign-in. */
const ASKED_KEY = 'moveacces.storage-persistence-asked';

type PersistentStorage = Pick<StorageManager, 'persist' | 'persisted'>;

/**
 * Asks the browser to keep the app's storage (the member's kept data, pending edits) under
 * storage pressure instead of evicting it. Once per device, after a sign-in; the answer is the
 * browser's (Chromium decides from engagement, Firefox asks the member).
 */
export async function askPersistentStorageOnce(
  storage: PersistentStorage | undefined = typeof navigator === 'object' ? navigator.storage : undefined,
  marks: Pick<Storage, 'getItem' | 'setItem'> = localStorage,
): Promise<boolean> {
  if (storage === undefined || marks.getItem(ASKED_KEY) !== null) return false;
  marks.setItem(ASKED_KEY, new Date().toISOString());
  try {
    return (await storage.persisted()) || (await storage.persist());
  } catch {
    return false;
  }
}
