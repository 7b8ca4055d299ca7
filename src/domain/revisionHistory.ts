/**
 * A record's history as readers see it: each version with who made it, when, through what and
 * why, and what it changed from the version before. Pure: built from the stored versions
 * (Revision snapshots and the record as it stands, oldest first).
 */

/** One field that differs from the previous version; values are JSON (null when absent). */
export interface FieldChange {
  readonly field: string;
  readonly before: string | null;
  readonly after: string | null;
}

/** One version of a record. */
export interface RevisionView {
  readonly revision: number;
  readonly current: boolean;
  readonly madeBy: string;
  readonly madeAt: string;
  readonly madeVia: string;
  /** Why: the correction's or retraction's reason; null for the original and for loads without one. */
  readonly reason: string | null;
  readonly changes: readonly FieldChange[];
}

/**
 * Bookkeeping, not content: left out of the changes. (Derived fingerprints are never snapshotted
 * and would only show as noise.)
 */
const bookkeeping = new Set([
  'id',
  'key',
  'linkId',
  'contentHash',
  'revision',
  'revisionOf',
  'supersededAt',
  'supersededBy',
  'linkType',
  'linkFrom',
  'linkTo',
  'enteredBy',
  'enteredVia',
  'enteredAt',
  'extractedBy',
  'updatedBy',
  'updatedVia',
  'updatedAt',
  'correctionReason',
  'fingerprintText',
  'fingerprintCount',
  'fingerprintScheme',
]);

/** The versions as revisions, oldest first; `current` marks the last when the record stands. */
export function revisionHistory(
  versions: readonly Record<string, unknown>[],
  recordStands: boolean,
): RevisionView[] {
  return versions.map((version, index) => {
    const previous = index > 0 ? versions[index - 1] : undefined;
    const first = index === 0 && version.updatedAt === undefined;
    return {
      revision: typeof version.revision === 'number' ? version.revision : index + 1,
      current: recordStands && index === versions.length - 1,
      madeBy: text(first ? version.enteredBy : (version.updatedBy ?? version.enteredBy)),
      madeAt: text(first ? version.enteredAt : (version.updatedAt ?? version.enteredAt)),
      madeVia: text(first ? version.enteredVia : (version.updatedVia ?? version.enteredVia)),
      reason:
        first || typeof version.correctionReason !== 'string' ? null : version.correctionReason,
      changes: previous ? fieldChanges(previous, version) : [],
    };
  });
}

/** Fields whose value differs between two versions, sorted by name. */
export function fieldChanges(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): FieldChange[] {
  const fields = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...fields]
    .filter((field) => !bookkeeping.has(field) && !field.startsWith('_'))
    .sort()
    .map((field) => ({ field, before: json(before[field]), after: json(after[field]) }))
    .filter((change) => change.before !== change.after);
}

function json(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
