export { findConflicts, type CurrentFields, type EditConflict, type SameValue } from './conflict';
export {
  EDIT_QUEUE_CHANNEL,
  EDIT_QUEUE_LOCK,
  EditQueue,
  editQueue,
  MERGE_PATCH,
  type EditQueueChange,
  type EditQueueChannel,
  type EditQueueLocks,
  type EditQueueOptions,
  type FlushOutcome,
  type FlushReport,
} from './edit-queue';
export {
  EDIT_QUEUE_DATABASE,
  EditQueueStore,
  type EditRejection,
  type MergePatch,
  type NewEdit,
  type PatchValue,
  type QueuedEdit,
  type QueuedEditState,
} from './edit-queue-store';
export { EditQueueSync } from './edit-queue-sync';
export { MemberData, memberData, type KeptResource } from './member-data';
export { OfflineBanner } from './offline-banner';
export { isOnline, subscribeOnline, useOnline } from './online';
export { askPersistentStorageOnce } from './storage-persistence';
export { hasUnsavedChanges, subscribeUnsavedChanges, useUnsavedChanges } from './unsaved-changes';
