/**
 * Error records: a failed record's input (personal data sealed or dropped), its typed error,
 * attempts and trace key. Personal data is purged at the earlier of creation + retention and
 * delivery + 30 days (Amazon Data Protection Policy:
 * https://developer-docs.amazon.com/sp-api/docs/data-protection-policy).
 */
import { randomUUID } from 'node:crypto';
import { ErrorRecordError } from './errors';
import { mergePii, maskPii, splitPii, type PiiEntry } from './pii/split';
import type { PiiVault } from './pii/vault';
import { serializeError, stringLeaves } from './serialize-error';
import type { ErrorRecord, JsonValue, SerializedError, StateStore } from './store/types';

const DAY_MS = 86_400_000;
/** Amazon keeps buyer data at most 30 days after delivery. */
export const DELIVERY_RETENTION_MS = 30 * DAY_MS;
/** Default retention of personal data in error records. @default 30 days */
export const DEFAULT_PII_RETENTION_MS = 30 * DAY_MS;

/** What recording a failure needs. */
export interface ErrorRecordEnvironment {
  store: StateStore;
  integrationId: string;
  vault: PiiVault | undefined;
  piiRetentionMs: number;
  /** Called when personal data is dropped for want of a key (to warn once). */
  onPiiDropped: () => void;
}

/** One failure to record. */
export interface Failure {
  flowId: string;
  traceKey: string;
  record: unknown;
  error: unknown;
  runId: string | null;
  nowMs: number;
  deliveredAt: string | undefined;
}

/** Stores (or adds an attempt to) the error record of a failed record. */
export async function recordFailure(
  env: ErrorRecordEnvironment,
  failure: Failure,
): Promise<ErrorRecord> {
  const { plain, pii } = splitPii(failure.record);
  const context = sealContext(env.integrationId, failure.flowId, failure.traceKey);
  const sealedPii =
    pii.length > 0 && env.vault ? env.vault.seal(pii as unknown as JsonValue, context) : null;
  const piiDropped = pii.length > 0 && !env.vault;
  if (piiDropped) env.onPiiDropped();

  return env.store.upsertError(env.integrationId, {
    id: `err_${randomUUID()}`,
    flowId: failure.flowId,
    traceKey: failure.traceKey,
    input: plain,
    sealedPii,
    piiDropped,
    error: serializeError(failure.error, piiStrings(pii)),
    runId: failure.runId,
    now: new Date(failure.nowMs).toISOString(),
    purgeAt: sealedPii ? purgeTime(failure.nowMs, env.piiRetentionMs, failure.deliveredAt) : null,
  });
}

/**
 * A failed record's error scrubbed exactly as its error record stores it (tokens redacted, the
 * record's personal values masked), for log lines, events and run summaries. A record that
 * cannot be copied as JSON gets a placeholder message rather than an unscrubbed one.
 */
export function scrubbedError(record: unknown, error: unknown): SerializedError {
  let pii: PiiEntry[];
  try {
    pii = splitPii(record).pii;
  } catch {
    return { ...serializeError(error), message: '[message withheld: record not serializable]' };
  }

  return serializeError(error, piiStrings(pii));
}

function piiStrings(pii: readonly PiiEntry[]): string[] {
  return stringLeaves(pii.map((entry) => entry.value));
}

/** min(now + retention, delivery + 30 days) as ISO. */
export function purgeTime(
  nowMs: number,
  retentionMs: number,
  deliveredAt: string | undefined,
): string {
  const byRetention = nowMs + retentionMs;
  const deliveredMs = deliveredAt === undefined ? Number.NaN : Date.parse(deliveredAt);
  const byDelivery = Number.isNaN(deliveredMs) ? byRetention : deliveredMs + DELIVERY_RETENTION_MS;

  return new Date(Math.min(byRetention, byDelivery)).toISOString();
}

/**
 * The stored input with its personal data put back, for a retry.
 * @throws {ErrorRecordError} `INPUT_UNAVAILABLE` when personal data was dropped or purged.
 */
export function restoreInput(
  vault: PiiVault | undefined,
  ns: string,
  record: ErrorRecord,
): JsonValue {
  if (record.piiDropped || (hasPiiMask(record) && !record.sealedPii)) {
    throw new ErrorRecordError(
      'INPUT_UNAVAILABLE',
      `Error ${record.id}: the stored input lost its personal data (no encryption key, or purged); ` +
        'the flow needs a load() to retry it',
    );
  }

  if (!record.sealedPii) return record.input;

  return mergePii(record.input, openPii(vault, ns, record));
}

/** The record for display: personal data masked (`J***`) when it can be decrypted. */
export function showErrorRecord(
  vault: PiiVault | undefined,
  ns: string,
  record: ErrorRecord,
): ErrorRecord {
  const input =
    vault && record.sealedPii ? maskPii(record.input, openPii(vault, ns, record)) : record.input;

  return { ...record, input, sealedPii: record.sealedPii ? '[sealed]' : null };
}

function openPii(vault: PiiVault | undefined, ns: string, record: ErrorRecord): PiiEntry[] {
  if (!vault || !record.sealedPii) {
    throw new ErrorRecordError(
      'PII_UNREADABLE',
      `Error ${record.id}: no encryption key to open its input`,
    );
  }

  return vault.open(
    record.sealedPii,
    sealContext(ns, record.flowId, record.traceKey),
  ) as unknown as PiiEntry[];
}

function hasPiiMask(record: ErrorRecord): boolean {
  return JSON.stringify(record.input).includes('"[PII]"');
}

function sealContext(ns: string, flowId: string, traceKey: string): string {
  return `${ns}\u0000${flowId}\u0000${traceKey}`;
}
