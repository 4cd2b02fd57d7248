import { describe, expect, it } from 'vitest';
import type { FailureReason, RunRecord, RunSummary } from '@sellerbridge/flows-core';
import { createSqliteStore } from '@sellerbridge/store-sqlite';
import { renderStatus } from '../src/commands/status';
import { renderSummaries } from '../src/demo/report';
import { combineRuns } from '../src/demo/run-demo';
import { renderRunFailures } from '../src/output/run-failures';

function summary(overrides: Partial<RunSummary> = {}): RunSummary {
  return {
    runId: 'run_1',
    integrationId: 'cli-test',
    flowId: 'mfn-orders',
    status: 'completed',
    trigger: 'manual',
    dryRun: false,
    read: 10,
    created: 4,
    linked: 3,
    updated: 1,
    skipped: 2,
    failed: 0,
    startedAt: '2026-12-04T17:00:00.000Z',
    finishedAt: '2026-12-04T17:00:02.000Z',
    durationMs: 2000,
    failures: [],
    writes: [],
    triggered: [],
    ...overrides,
  };
}

function failure(
  index: number,
  message = `no NetSuite item for SKU "SKU-${index}"`,
): FailureReason {
  return {
    traceKey: `114-0000000-${String(index).padStart(7, '0')}`,
    name: 'MissingItemError',
    message,
  };
}

describe('renderSummaries', () => {
  it('shows linked records in their own column, between created and updated', () => {
    const lines = renderSummaries([summary()]).split('\n');

    expect(lines[0]).toMatch(
      /^flow\s+read\s+created\s+linked\s+updated\s+skipped\s+failed\s+time$/,
    );
    expect(lines[2]).toMatch(/^mfn-orders\s+10\s+4\s+3\s+1\s+2\s+0\s+2\.0 s$/);
  });
});

describe('renderRunFailures', () => {
  it('prints each failure as trace key, error name and message, one line each', () => {
    const failures = [failure(1), failure(2, 'first line\n  second line')];

    const text = renderRunFailures([summary({ failed: 2, failures })]);

    expect(text.split('\n')).toEqual([
      'Failed records of mfn-orders (2):',
      '  114-0000000-0000001  MissingItemError: no NetSuite item for SKU "SKU-1"',
      '  114-0000000-0000002  MissingItemError: first line second line',
    ]);
  });

  it('says how many more failed than the summary kept, and where a dry run keeps them', () => {
    const failures = Array.from({ length: 20 }, (_, index) => failure(index + 1));

    const real = renderRunFailures([summary({ failed: 25, failures })]).split('\n');
    const dry = renderRunFailures([summary({ failed: 25, failures, dryRun: true })]).split('\n');

    expect(real).toHaveLength(22);
    expect(real.at(-1)).toBe('  … and 5 more (sellerbridge errors list --flow mfn-orders)');
    expect(dry.at(-1)).toBe('  … and 5 more (each has a "record failed" log line)');
  });

  it('lists triggered flows too and prints nothing when no record failed', () => {
    const triggered = [summary({ flowId: 'payments', failed: 1, failures: [failure(7)] })];

    const text = renderRunFailures([summary({ flowId: 'settlement', triggered })]);

    expect(text).toMatch(/^Failed records of payments \(1\):\n {2}114-0000000-0000007 {2}Missing/);
    expect(renderRunFailures([summary()])).toBe('');
  });
});

describe('combineRuns (the demo resumes a run stopped by a transient failure)', () => {
  it('adds every count, linked too, and keeps the first 20 failures', () => {
    const first = summary({ failed: 15, failures: range(1, 15).map((index) => failure(index)) });
    const next = summary({ failed: 10, failures: range(16, 25).map((index) => failure(index)) });

    const combined = combineRuns(first, next);

    expect(combined).toMatchObject({ read: 20, created: 8, linked: 6, failed: 25 });
    expect(combined.durationMs).toBe(4000);
    expect(combined.failures.map((reason) => reason.traceKey)).toEqual(
      range(1, 20).map((index) => failure(index).traceKey),
    );
  });
});

describe('renderStatus', () => {
  it('shows 0 linked for a run stored before linked was counted', async () => {
    const store = createSqliteStore({ file: ':memory:' });
    const counts = { read: 5, created: 4, updated: 0, skipped: 0, failed: 1 };
    await store.saveRun('cli-test', storedRun(counts as RunRecord['counts']));
    const [lastRun] = await store.listRuns('cli-test', { flowId: 'mfn-orders', limit: 1 });
    await store.close();

    const lines = renderStatus([
      { flowId: 'mfn-orders', lastRun, checkpoint: { after: 'x' }, openErrors: 1 },
      { flowId: 'pricing', lastRun: undefined, checkpoint: undefined, openErrors: 0 },
    ]).split('\n');

    expect(lastRun!.counts).not.toHaveProperty('linked');
    expect(lines[0]).toMatch(/^flow\s+last run\s+took\s+read\s+created\s+linked\s+updated\s/);
    expect(lines[2]).toMatch(
      /^mfn-orders\s+completed \S+\s+5\.0 s\s+5\s+4\s+0\s+0\s+0\s+1\s+\{"after":"x"\}\s+1$/,
    );
    expect(lines[3]).toMatch(/^pricing\s+never\s+—\s+0$/);
  });
});

function storedRun(counts: RunRecord['counts']): RunRecord {
  return {
    id: 'run_old',
    flowId: 'mfn-orders',
    status: 'completed',
    trigger: 'manual',
    dryRun: false,
    counts,
    startedAt: '2026-11-01T00:00:00.000Z',
    finishedAt: '2026-11-01T00:00:05.000Z',
    durationMs: 5000,
    error: null,
  };
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, index) => from + index);
}
