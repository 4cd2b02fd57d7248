/**
 * Flow engine overhead (issue 7): records per second through `integration.run` on the SQLite
 * store (a temp file, WAL) with an in-process no-op target, 500 records a page. Two shapes:
 * 1. `ctx.write` per record (the write gate, outcome counting, one page commit per page);
 * 2. `ctx.links.createOnce` per record (adds a link lookup and a link insert in SQLite).
 * Target for both: ≥ 20,000 records/s on a 2-core machine. Best of ROUNDS runs, after a warm-up.
 * Reported per wall-clock second (the target) and per CPU second of this process, which does
 * not drop when other processes load the machine.
 *
 * Run alone: `node --import tsx bench/flows-core.bench.ts` (FLOWS_BENCH_RECORDS scales it).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

import {
  createIntegration,
  defineFlow,
  definePlugin,
  emptySettings,
  externalId,
  type FlowContext,
} from '@sellerbridge/flows-core';
import { createSqliteStore } from '@sellerbridge/store-sqlite';

type BenchRow = {
  benchmark: string;
  metric: string;
  value: number;
  unit: string;
  target: string;
  pass: boolean;
};
type Shape = 'write' | 'createOnce';

const RECORDS = Number(process.env.FLOWS_BENCH_RECORDS ?? 50_000);
const PAGE_SIZE = 500;
const ROUNDS = 3;
const TARGET_PER_SECOND = 20_000;

/** The no-op target: answers every create at once with a fresh id. */
const noopTarget = { next: 0, create: async (): Promise<string> => String(++noopTarget.next) };

function benchFlow(shape: Shape, total: number) {
  return defineFlow({
    id: `bench-${shape}`,
    edition: 'starter',
    schedule: 'manual',
    traceKey: (n: number) => `n-${n}`,
    async *source(
      _ctx: FlowContext<unknown, unknown, typeof noopTarget>,
      checkpoint: number | undefined,
    ) {
      for (let start = checkpoint ?? 0; start < total; start += PAGE_SIZE) {
        const records = Array.from(
          { length: Math.min(PAGE_SIZE, total - start) },
          (_, i) => start + i + 1,
        );
        yield { records, checkpoint: start + records.length };
      }
    },
    async handle(ctx, n) {
      if (shape === 'write') {
        const intent = { target: 'netsuite' as const, action: 'create', recordType: 'salesOrder' };
        await ctx.write(intent, () => ctx.netsuite.create());

        return 'created';
      }

      await ctx.links.createOnce({
        sourceKey: `n-${n}`,
        recordType: 'salesOrder',
        externalId: externalId('bench', n),
        create: () => ctx.netsuite.create(),
      });

      return 'created';
    },
  });
}

interface Rate {
  wallPerSecond: number;
  cpuPerSecond: number;
}

async function measure(shape: Shape, dir: string, round: number, total: number): Promise<Rate> {
  const plugin = definePlugin({
    name: 'bench',
    settings: emptySettings,
    flows: [benchFlow(shape, total)],
  });
  const integration = createIntegration({
    id: `bench-${round}`,
    amazon: {},
    netsuite: noopTarget,
    store: createSqliteStore({ file: join(dir, `${shape}-${round}.db`) }),
    plugins: [plugin()],
  });

  const startedMs = performance.now();
  const startedCpu = process.cpuUsage();
  const summary = await integration.run(`bench-${shape}`);
  const cpu = process.cpuUsage(startedCpu);
  const elapsedMs = performance.now() - startedMs;
  await integration.close();
  if (summary.created !== total)
    throw new Error(`bench run created ${summary.created} of ${total}`);

  const cpuMs = (cpu.user + cpu.system) / 1000;

  return { wallPerSecond: (total / elapsedMs) * 1000, cpuPerSecond: (total / cpuMs) * 1000 };
}

function row(shape: Shape, metric: string, value: number): BenchRow {
  return {
    benchmark: `flows-core engine, SQLite store, no-op target, ${shape} per record`,
    metric: `${metric} (best of ${ROUNDS} × ${RECORDS})`,
    value,
    unit: 'records/s',
    target: `≥ ${TARGET_PER_SECOND}`,
    pass: value >= TARGET_PER_SECOND,
  };
}

/** Runs both shapes and reports the best rate of each. */
export default async function run(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'sellerbridge-flows-bench-'));

  try {
    const rows: BenchRow[] = [];
    for (const shape of ['write', 'createOnce'] as const) {
      await measure(shape, dir, -1, Math.min(5000, RECORDS));
      const rates: Rate[] = [];
      for (let round = 0; round < ROUNDS; round += 1)
        rates.push(await measure(shape, dir, round, RECORDS));
      const wall = Math.round(Math.max(...rates.map((r) => r.wallPerSecond)));
      const cpu = Math.round(Math.max(...rates.map((r) => r.cpuPerSecond)));
      rows.push(row(shape, 'records per wall-clock second', wall));
      rows.push(row(shape, 'records per CPU second (load-independent)', cpu));
    }

    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) console.table(await run());
