/** Small builders for store contract tests. */
import type { ErrorUpsert, RunRecord } from '../store/types';

/** An error upsert with sensible defaults. */
export function errorUpsert(overrides: Partial<ErrorUpsert> = {}): ErrorUpsert {
  return {
    id: `err_${Math.random().toString(36).slice(2)}`,
    flowId: 'orders',
    traceKey: '111-0000000-0000001',
    input: { orderId: '111-0000000-0000001', buyerName: '[PII]' },
    sealedPii: 'v1:sealed',
    piiDropped: false,
    error: {
      name: 'InvalidInputError',
      message: 'netsuite POST salesOrder failed with 400',
      code: 'INVALID_INPUT',
    },
    runId: 'run_1',
    now: '2026-01-01T00:00:00.000Z',
    purgeAt: '2026-01-31T00:00:00.000Z',
    ...overrides,
  };
}

/** A run record with sensible defaults. */
export function runRecord(overrides: Partial<RunRecord> = {}): RunRecord {
  return {
    id: 'run_1',
    flowId: 'orders',
    status: 'running',
    trigger: 'manual',
    dryRun: false,
    counts: { read: 0, created: 0, linked: 0, updated: 0, skipped: 0, failed: 0 },
    startedAt: '2026-01-01T00:00:00.000Z',
    finishedAt: null,
    durationMs: null,
    error: null,
    ...overrides,
  };
}
