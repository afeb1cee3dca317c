import { useEffect } from 'react';

/** One entry per mounted form whose changes are not saved yet. */
const dirtyForms = new Set<object>();
const listeners = new Set<() => void>();

function changed(): void {
  for (const listener of [...listeners]) listener();
}

/**
 * Tells the app this form holds changes the member has not saved: while any does, an update of
 * the app waits instead of reloading the page over them. Call it with the form's dirty state.
 */
export function useUnsavedChanges(dirty: boolean): void {
  useEffect(() => {
    if (!dirty) return undefined;
    const form = {};
    dirtyForms.add(form);
    changed();
    return () => {
      dirtyForms.delete(form);
      changed();
    };
  }, [dirty]);
}

export function hasUnsavedChanges(): boolean {
  return dirtyForms.size > 0;
}

export function subscribeUnsavedChanges(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
