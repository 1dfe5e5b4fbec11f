/**
 * Edit conflicts (issue #12 item 8): when a save is refused because someone else saved first, the second editor
 * compares three versions of the record — the base they loaded, theirs (the version now stored) and mine (the
 * form as typed) — to see what the other changed and to re-apply their own changes on top of the new version.
 * Values are compared by their JSON form, so callers pass normalised payloads (the request body shape).
 */

/** How one field moved between the base and the two edits. */
export type FieldChangeKind =
  /** Only the other editor changed it: the new version's value is taken. */
  | 'theirs'
  /** Only I changed it: my value is re-applied on the new version. */
  | 'mine'
  /** Both changed it to the same value: nothing to decide. */
  | 'same'
  /** Both changed it to different values: mine is re-applied unless the editor takes theirs. */
  | 'conflict';

/** One field that at least one editor changed. */
export interface FieldChange<K extends string = string> {
  field: K;
  kind: FieldChangeKind;
  base: unknown;
  theirs: unknown;
  mine: unknown;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The fields that changed since `base`, in the order of `mine`'s keys (then any others), each with who changed it.
 * Fields nobody changed are left out.
 */
export function threeWayDiff<K extends string>(
  base: Readonly<Record<K, unknown>>,
  theirs: Readonly<Record<K, unknown>>,
  mine: Readonly<Record<K, unknown>>,
): FieldChange<K>[] {
  const keys = [...new Set([...Object.keys(mine), ...Object.keys(theirs), ...Object.keys(base)])] as K[];
  const changes: FieldChange<K>[] = [];
  for (const field of keys) {
    const mineChanged = !same(base[field], mine[field]);
    const theirsChanged = !same(base[field], theirs[field]);
    if (!mineChanged && !theirsChanged) continue;
    const kind: FieldChangeKind = !mineChanged
      ? 'theirs'
      : !theirsChanged
        ? 'mine'
        : same(mine[field], theirs[field])
          ? 'same'
          : 'conflict';
    changes.push({ field, kind, base: base[field], theirs: theirs[field], mine: mine[field] });
  }
  return changes;
}

/**
 * The record to continue editing: the new version (`theirs`) with my changes re-applied — every field I changed,
 * including conflicts, except those listed in `takeTheirs`. Works on any shape keyed like the diff (payloads or
 * form values), so a form can merge its own values by the diff of its payloads.
 */
export function reapplyMine<T extends object>(
  changes: readonly FieldChange[],
  theirs: T,
  mine: T,
  takeTheirs: ReadonlySet<string> = new Set(),
): T {
  const merged = { ...theirs };
  for (const change of changes) {
    if (change.kind !== 'mine' && change.kind !== 'conflict') continue;
    if (takeTheirs.has(change.field)) continue;
    const key = change.field as keyof T;
    merged[key] = mine[key];
  }
  return merged;
}
