import type { MergePatch, PatchValue } from './edit-queue-store';

/** A server version, field by field; an absent field is an empty one. */
export type CurrentFields = Readonly<Record<string, PatchValue | undefined>>;

/** Whether two values of `field` mean the same once stored (e.g. a phone number in two notations). */
export type SameValue = (field: string, mine: PatchValue, theirs: PatchValue) => boolean;

export interface EditConflict {
  /** The fields I changed that the server now holds differently: the member chooses. */
  readonly conflicting: readonly string[];
  /** The fields I changed that the server already holds as I set them. */
  readonly agreed: readonly string[];
  /** "Keep mine": my changed fields and nothing else, to send against the server's new ETag. */
  readonly keepMine: MergePatch;
}

const strictlyEqual: SameValue = (_field, mine, theirs) => mine === theirs;

/**
 * Compares a merge patch refused with a 412 to the server's version now. No conflicting field
 * means the server already holds the edit (a repeat of one that had arrived): nothing to ask.
 */
export function findConflicts(mine: MergePatch, theirs: CurrentFields, same: SameValue = strictlyEqual): EditConflict {
  const conflicting: string[] = [];
  const agreed: string[] = [];
  for (const [field, value] of Object.entries(mine)) {
    if (same(field, value, theirs[field] ?? null)) agreed.push(field);
    else conflicting.push(field);
  }
  return { conflicting, agreed, keepMine: { ...mine } };
}
