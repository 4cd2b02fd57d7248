/**
 * Pure record transitions every store shares, so the memory, SQLite and Postgres stores agree on
 * what an upsert, a resolution and a purge do.
 */
import type { ErrorRecord, ErrorUpsert } from './types';

/**
 * The error record after a failure: a new record, or the existing one (reopened if it was
 * resolved) with one more attempt, the latest error and input, and the earlier purge time.
 */
export function mergeErrorUpsert(
  existing: ErrorRecord | undefined,
  upsert: ErrorUpsert,
): ErrorRecord {
  if (!existing) {
    return {
      id: upsert.id,
      flowId: upsert.flowId,
      traceKey: upsert.traceKey,
      status: 'open',
      input: upsert.input,
      sealedPii: upsert.sealedPii,
      piiDropped: upsert.piiDropped,
      error: upsert.error,
      attempts: 1,
      runId: upsert.runId,
      createdAt: upsert.now,
      updatedAt: upsert.now,
      resolvedAt: null,
      resolution: null,
      purgeAt: upsert.purgeAt,
    };
  }

  return {
    ...existing,
    status: 'open',
    input: upsert.input,
    sealedPii: upsert.sealedPii,
    piiDropped: upsert.piiDropped,
    error: upsert.error,
    attempts: existing.attempts + 1,
    runId: upsert.runId,
    updatedAt: upsert.now,
    resolvedAt: null,
    resolution: null,
    purgeAt: earlier(existing.purgeAt, upsert.purgeAt),
  };
}

/** The record marked resolved. */
export function resolvedError(record: ErrorRecord, resolution: string, now: string): ErrorRecord {
  return { ...record, status: 'resolved', resolution, resolvedAt: now, updatedAt: now };
}

/** The record without its sealed personal data. */
export function purgedPii(record: ErrorRecord, now: string): ErrorRecord {
  return { ...record, sealedPii: null, updatedAt: now };
}

/** The earlier of two ISO instants, ignoring nulls. */
export function earlier(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;

  return a < b ? a : b;
}
