/** Row ↔ record mapping for the SQLite tables (JSON columns are TEXT). */
import type { ErrorRecord, JsonValue, LinkRecord, RunRecord } from '@sellerbridge/flows-core';

/** A row of `errors`. */
export interface ErrorRow {
  id: string;
  flow_id: string;
  trace_key: string;
  status: string;
  input: string;
  sealed_pii: string | null;
  pii_dropped: number;
  error: string;
  attempts: number;
  run_id: string | null;
  created_at: string;
  updated_at: string;
  resolved_at: string | null;
  resolution: string | null;
  purge_at: string | null;
}

/** A row of `runs`. */
export interface RunRow {
  id: string;
  flow_id: string;
  status: string;
  trigger: string;
  dry_run: number;
  counts: string;
  started_at: string;
  finished_at: string | null;
  duration_ms: number | null;
  error: string | null;
}

/** A row of `links`. */
export interface LinkRow {
  record_type: string;
  source_key: string;
  netsuite_id: string;
  external_id: string;
  created_at: string;
}

/** The record of an error row. */
export function toErrorRecord(row: ErrorRow): ErrorRecord {
  return {
    id: row.id,
    flowId: row.flow_id,
    traceKey: row.trace_key,
    status: row.status as ErrorRecord['status'],
    input: JSON.parse(row.input) as JsonValue,
    sealedPii: row.sealed_pii,
    piiDropped: row.pii_dropped === 1,
    error: JSON.parse(row.error) as ErrorRecord['error'],
    attempts: row.attempts,
    runId: row.run_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    resolvedAt: row.resolved_at,
    resolution: row.resolution,
    purgeAt: row.purge_at,
  };
}

/** The named parameters of an error record. */
export function errorParams(ns: string, record: ErrorRecord): Record<string, unknown> {
  return {
    ns,
    id: record.id,
    flow_id: record.flowId,
    trace_key: record.traceKey,
    status: record.status,
    input: JSON.stringify(record.input),
    sealed_pii: record.sealedPii,
    pii_dropped: record.piiDropped ? 1 : 0,
    error: JSON.stringify(record.error),
    attempts: record.attempts,
    run_id: record.runId,
    created_at: record.createdAt,
    updated_at: record.updatedAt,
    resolved_at: record.resolvedAt,
    resolution: record.resolution,
    purge_at: record.purgeAt,
  };
}

/** The record of a run row. */
export function toRunRecord(row: RunRow): RunRecord {
  return {
    id: row.id,
    flowId: row.flow_id,
    status: row.status as RunRecord['status'],
    trigger: row.trigger as RunRecord['trigger'],
    dryRun: row.dry_run === 1,
    counts: JSON.parse(row.counts) as RunRecord['counts'],
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    durationMs: row.duration_ms,
    error: row.error === null ? null : (JSON.parse(row.error) as RunRecord['error']),
  };
}

/** The named parameters of a run record. */
export function runParams(ns: string, run: RunRecord): Record<string, unknown> {
  return {
    ns,
    id: run.id,
    flow_id: run.flowId,
    status: run.status,
    trigger: run.trigger,
    dry_run: run.dryRun ? 1 : 0,
    counts: JSON.stringify(run.counts),
    started_at: run.startedAt,
    finished_at: run.finishedAt,
    duration_ms: run.durationMs,
    error: run.error === null ? null : JSON.stringify(run.error),
  };
}

/** The record of a link row. */
export function toLinkRecord(row: LinkRow): LinkRecord {
  return {
    sourceKey: row.source_key,
    recordType: row.record_type,
    netsuiteId: row.netsuite_id,
    externalId: row.external_id,
    createdAt: row.created_at,
  };
}
