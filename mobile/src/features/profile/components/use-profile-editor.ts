import { useEffect, useEffectEvent, useState } from 'react';
import { ApiProblem, useApiClient, type FieldError } from '../../../lib/api';
import type { Loaded } from '../../../lib/data';
import { editQueue, findConflicts, useUnsavedChanges, type EditRejection, type QueuedEdit } from '../../../lib/offline';
import { decodeProfile, loadProfile, type Profile, type ProfileField, type ProfileFields, type ProfilePatch } from '../api/profile';
import { PROFILE_PATH, PROFILE_RESOURCE, updateProfile } from '../api/update-profile';
import { buildProfilePatch, formValues, isEmptyPatch, samePatch, type ProfileFormValues } from './profile-patch';
import { firstInvalidField, swissToday, validateProfile, type ProfileErrors } from './profile-validation';
import { sameProfileValue } from './same-profile-value';
import { mapServerFieldErrors } from './server-field-errors';
import { usePendingEdit } from './use-pending-edit';

/** A save refused with a 412: the member's changes against the version saved meanwhile. */
export interface ProfileConflict {
  readonly mine: ProfilePatch;
  readonly theirs: Loaded<Profile>;
  /** The changed fields whose saved value now differs from mine, in the form's order. */
  readonly fields: readonly ProfileField[];
  readonly keepMine: ProfilePatch;
  /** The refused edit is the one kept in the queue (made offline). */
  readonly queued: boolean;
}

export type EditorStatus =
  | { readonly type: 'editing' }
  | { readonly type: 'saving' }
  | { readonly type: 'saved' }
  | { readonly type: 'unchanged' }
  | { readonly type: 'queued' }
  | { readonly type: 'sent-from-queue' }
  | { readonly type: 'invalid'; readonly unplaced: readonly FieldError[] }
  | { readonly type: 'rejected'; readonly rejection: EditRejection }
  | { readonly type: 'failed'; readonly problem: ApiProblem }
  | { readonly type: 'took-theirs' }
  | { readonly type: 'conflict-loading' }
  | { readonly type: 'conflict'; readonly conflict: ProfileConflict }
  | { readonly type: 'conflict-failed'; readonly problem: ApiProblem; readonly mine: ProfilePatch; readonly queued: boolean };

/** Where the focus should go: a new object each time, so the same field can be asked twice. */
export interface FocusRequest {
  readonly field: ProfileField;
}

function asProblem(error: unknown): ApiProblem {
  return error instanceof ApiProblem ? error : new ApiProblem({ status: -1, detail: String(error) });
}

function pendingKey(edit: QueuedEdit | null | undefined): string | null {
  return edit === null || edit === undefined ? null : `${edit.queuedAt.toString()}:${edit.state}`;
}

/**
 * The profile form's state and what saving does: send when online, queue when not (or when the
 * request finds no network), and on a 412 compare with the version saved meanwhile. The form
 * edits `baseline`, the version it was filled from; a newer version loaded in the background
 * replaces it only while the member has changed nothing, so their save meets the 412 it should.
 */
export function useProfileEditor(loaded: Loaded<Profile>, replace: (next: Loaded<Profile>) => void) {
  const api = useApiClient();
  const [baseline, setBaseline] = useState(loaded);
  const [values, setValues] = useState<ProfileFormValues>(() => formValues(loaded.data));
  const [errors, setErrors] = useState<ProfileErrors>({});
  const [status, setStatus] = useState<EditorStatus>({ type: 'editing' });
  const [focusRequest, setFocusRequest] = useState<FocusRequest | null>(null);
  const userId = baseline.data.userId;
  const pending = usePendingEdit(userId);

  // A newer load of the profile: taken as the baseline unless the member is editing the older one.
  const [seenLoaded, setSeenLoaded] = useState(loaded);
  if (loaded.data !== seenLoaded.data || loaded.etag !== seenLoaded.etag) {
    setSeenLoaded(loaded);
    const dirty = !isEmptyPatch(buildProfilePatch(baseline.data, values));
    if (loaded.etag === baseline.etag || !dirty) {
      setBaseline(loaded);
      if (!dirty) setValues(formValues(loaded.data, pending?.changes));
    }
  }

  // A pending edit read from the queue (after a reload, or queued by another tab) fills the form.
  const [seenPending, setSeenPending] = useState<string | null>(null);
  if (pendingKey(pending) !== seenPending) {
    setSeenPending(pendingKey(pending));
    if (pending !== null && pending !== undefined && pending.state !== 'conflict') {
      setValues(formValues(baseline.data, pending.changes));
      if (pending.state === 'rejected' && pending.rejection !== undefined) {
        const mapped = mapServerFieldErrors(pending.rejection.fieldErrors);
        setErrors(mapped.fields);
        setStatus({ type: 'rejected', rejection: pending.rejection });
      }
    }
  }

  // Changes neither sent nor queued: an update of the app waits rather than reload over them.
  const unsaved = buildProfilePatch(baseline.data, values);
  useUnsavedChanges(!isEmptyPatch(unsaved) && !samePatch(unsaved, pending?.changes ?? {}));

  function accept(next: Loaded<Profile>) {
    replace(next);
    setBaseline(next);
    setValues(formValues(next.data));
    setErrors({});
  }

  async function discardPending() {
    await editQueue()
      .discard(userId, PROFILE_RESOURCE)
      .catch(() => undefined);
  }

  function showInvalid(found: ProfileErrors, unplaced: readonly FieldError[] = []) {
    setErrors(found);
    setStatus({ type: 'invalid', unplaced });
    const first = firstInvalidField(found);
    if (first !== undefined) setFocusRequest({ field: first });
  }

  async function queue(patch: ProfilePatch, ifMatch: string | undefined) {
    try {
      await editQueue().enqueue({ userId, resource: PROFILE_RESOURCE, path: PROFILE_PATH, ifMatch: ifMatch ?? null, changes: patch });
      setStatus({ type: 'queued' });
    } catch (error) {
      setStatus({ type: 'failed', problem: asProblem(error) });
    }
  }

  async function openConflict(mine: ProfilePatch, queued: boolean) {
    setStatus({ type: 'conflict-loading' });
    await compareWithSaved(mine, queued);
  }

  async function compareWithSaved(mine: ProfilePatch, queued: boolean) {
    let theirs: Loaded<Profile>;
    try {
      theirs = await loadProfile(api, new AbortController().signal);
    } catch (error) {
      setStatus({ type: 'conflict-failed', problem: asProblem(error), mine, queued });
      return;
    }
    const current: ProfileFields = theirs.data;
    const found = findConflicts(mine, current, sameProfileValue);
    if (found.conflicting.length === 0) {
      // The saved version already says what I said (my edit had arrived before): nothing to ask.
      accept(theirs);
      if (queued) await discardPending();
      setStatus({ type: 'saved' });
      return;
    }
    setStatus({
      type: 'conflict',
      conflict: {
        mine,
        theirs,
        fields: Object.keys(mine).filter((field) => found.conflicting.includes(field)) as ProfileField[],
        keepMine: found.keepMine,
        queued,
      },
    });
  }

  async function send(patch: ProfilePatch, ifMatch: string | undefined) {
    setStatus({ type: 'saving' });
    try {
      accept(await updateProfile(api, patch, ifMatch));
      setStatus({ type: 'saved' });
    } catch (error) {
      const problem = asProblem(error);
      if (problem.kind === 'network') await queue(patch, ifMatch);
      else if (problem.kind === 'precondition-failed') await openConflict(patch, false);
      else if (problem.kind === 'validation') {
        const mapped = mapServerFieldErrors(problem.fieldErrors);
        showInvalid(mapped.fields, mapped.unplaced);
      } else setStatus({ type: 'failed', problem });
    }
  }

  async function save() {
    const found = validateProfile(values, swissToday());
    if (firstInvalidField(found) !== undefined) {
      showInvalid(found);
      return;
    }
    setErrors({});
    const patch = buildProfilePatch(baseline.data, values);
    if (isEmptyPatch(patch)) {
      if (pending !== null && pending !== undefined) await discardPending();
      setStatus({ type: 'unchanged' });
      return;
    }
    if (!navigator.onLine) {
      await queue(patch, baseline.etag);
      return;
    }
    // The form holds the pending edit too: this save sends it, and it must not be sent again.
    if (pending !== null && pending !== undefined) await discardPending();
    await send(patch, baseline.etag);
  }

  async function keepMine(conflict: ProfileConflict) {
    setBaseline(conflict.theirs);
    setValues(formValues(conflict.theirs.data, conflict.mine));
    if (conflict.queued) await discardPending();
    if (!navigator.onLine) {
      await queue(conflict.keepMine, conflict.theirs.etag);
      return;
    }
    await send(conflict.keepMine, conflict.theirs.etag);
  }

  async function takeTheirs(conflict: ProfileConflict) {
    accept(conflict.theirs);
    if (conflict.queued) await discardPending();
    setStatus({ type: 'took-theirs' });
  }

  async function dropPending() {
    await discardPending();
    setValues(formValues(baseline.data));
    setErrors({});
    setStatus({ type: 'editing' });
  }

  // A queued edit the server refused with a 412, here or in another tab: the member chooses.
  const conflictKey = pending?.state === 'conflict' ? pendingKey(pending) : null;
  const onQueuedConflict = useEffectEvent(() => {
    if (pending?.state === 'conflict') void compareWithSaved(pending.changes, true);
  });
  useEffect(() => {
    if (conflictKey !== null) onQueuedConflict();
  }, [conflictKey]);

  // A queued edit sent by this tab or another: its answer is the profile now.
  const onSent = useEffectEvent((data: unknown, etag: string | null) => {
    let next: Profile;
    try {
      next = decodeProfile(data);
    } catch {
      return;
    }
    accept({ data: next, etag: etag ?? undefined });
    setStatus({ type: 'sent-from-queue' });
  });
  useEffect(
    () =>
      editQueue().subscribe((change) => {
        if (change.type === 'sent' && change.userId === userId && change.resource === PROFILE_RESOURCE) {
          onSent(change.data, change.etag);
        }
      }),
    [userId],
  );

  return {
    baseline,
    values,
    status: conflictKey !== null && status.type === 'editing' ? ({ type: 'conflict-loading' } as const) : status,
    setValue: (field: ProfileField, value: string) => setValues((current) => ({ ...current, [field]: value })),
    errors,
    pending,
    focusRequest,
    save,
    keepMine,
    takeTheirs,
    retryConflict: (mine: ProfilePatch, queued: boolean) => openConflict(mine, queued),
    dropPending,
  };
}

export type ProfileEditor = ReturnType<typeof useProfileEditor>;
