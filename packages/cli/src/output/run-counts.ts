/**
 * The record counts of a run as table columns. Runs stored before flows-core counted `linked`
 * have no such field; they show 0 there, which is what they did (a linked record was counted as
 * created then).
 */
import type { RunCounts } from '@sellerbridge/flows-core';

/** The count columns, in the order every table shows them. */
export const COUNT_HEADERS = ['read', 'created', 'linked', 'updated', 'skipped', 'failed'] as const;

/** Counts as read from a summary or a stored run, where an older run may lack a field. */
export type StoredCounts = Partial<RunCounts>;

/** Every count of a run, a missing one (an older stored run) as 0. */
export function completeCounts(counts: StoredCounts): RunCounts {
  return {
    read: counts.read ?? 0,
    created: counts.created ?? 0,
    linked: counts.linked ?? 0,
    updated: counts.updated ?? 0,
    skipped: counts.skipped ?? 0,
    failed: counts.failed ?? 0,
  };
}

/** The cells under {@link COUNT_HEADERS}. */
export function countCells(counts: StoredCounts): number[] {
  const complete = completeCounts(counts);

  return COUNT_HEADERS.map((header) => complete[header]);
}

/** Two runs' counts added field by field (a run resumed after a transient failure). */
export function addCounts(first: StoredCounts, second: StoredCounts): RunCounts {
  const a = completeCounts(first);
  const b = completeCounts(second);

  return {
    read: a.read + b.read,
    created: a.created + b.created,
    linked: a.linked + b.linked,
    updated: a.updated + b.updated,
    skipped: a.skipped + b.skipped,
    failed: a.failed + b.failed,
  };
}
