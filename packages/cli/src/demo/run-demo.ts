/**
 * `sellerbridge demo`: the whole Starter integration on the embedded default — both emulators in
 * process over one seeded, frozen world, the SQLite store, every flow in dependency order with a
 * progress bar, then a summary per flow and a reconciliation. State lives in the demo folder, so
 * a second run is incremental and creates nothing new.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '@sellerbridge/http-core';
import { createIntegration, type Integration, type RunSummary } from '@sellerbridge/flows-core';
import { starter } from '@sellerbridge/flows-starter';
import { createSqliteStore } from '@sellerbridge/store-sqlite';
import { demoHistoryStart, startDemoEnvironment, type DemoEnvironment } from './environment';
import { createFlowProgress } from './progress';
import { reconcile, type ReconciliationCheck } from './reconcile';
import { openDemoState } from './state';
import { shipFromWarehouse } from './warehouse';

/** Options of {@link runDemo}. */
export interface DemoOptions {
  /** State folder. @default '.sellerbridge' */
  dir: string;
  seed?: number;
  orders?: number;
  reset?: boolean;
  /** Emulator time scale. @default 200 */
  timeScale: number;
  /** Share of requests failing with 429 / 5xx / resets. @default 0 */
  faultRate: number;
  /** Minutes of world time to advance before the flows run (new orders, status changes). */
  advanceMinutes: number;
  logger: Logger;
  output: NodeJS.WriteStream;
}

/** What the demo did. */
export interface DemoResult {
  summaries: RunSummary[];
  checks: ReconciliationCheck[];
  shippedNow: number;
  passed: boolean;
}

// Orders first (customers are resolved inside them), the warehouse ships, then fulfillments are
// confirmed; inventory after orders (sales orders commit stock), pricing last.
const ORDER_FLOWS = ['mfn-orders', 'fba-orders'];
const OUTBOUND_FLOWS = ['fulfillments', 'inventory', 'pricing'];

/** Runs the demo. */
export async function runDemo(options: DemoOptions): Promise<DemoResult> {
  const state = openDemoState(options.dir, options);
  const env = await startDemoEnvironment({
    dir: options.dir,
    state,
    timeScale: options.timeScale,
    faultRate: options.faultRate,
    logger: options.logger,
  });
  const integration = await createDemoIntegration(env, options).catch(async (error: unknown) => {
    await env.close();
    throw error;
  });
  if ((state.advanceMinutes ?? 0) > 0) advanceWorld(env, state.advanceMinutes ?? 0, options.logger);
  options.output.write(describeStart(env, state, options));

  try {
    const progress = createFlowProgress(integration, options.output);
    const summaries = await runFlows(integration, env, ORDER_FLOWS, progress);
    const shippedNow = await shipFromWarehouse(env.emulators, env.netsuite);
    summaries.push(...(await runFlows(integration, env, OUTBOUND_FLOWS, progress)));
    progress.stop();

    const checks = await reconcile(env.emulators, integration, demoHistoryStart(env.emulators));
    return {
      summaries,
      checks,
      shippedNow,
      passed:
        checks.every((check) => check.passed) && summaries.every((s) => s.status === 'completed'),
    };
  } finally {
    await integration.close();
    await env.close();
  }
}

function describeStart(
  env: DemoEnvironment,
  state: ReturnType<typeof openDemoState>,
  options: DemoOptions,
): string {
  const world = `${state.orders} orders, seed ${state.seed}, frozen at ${env.emulators.world.now}`;
  const examples = env.sandboxExamples
    ? "with Amazon's static sandbox example orders"
    : 'without the sandbox example orders (vendor data folder not found)';

  return [
    `SellerBridge demo — ${state.fresh ? 'new' : 'existing'} world in ${options.dir}/ (${world}), ${examples}`,
    `Amazon emulator   ${env.emulators.amazon.url}`,
    `NetSuite emulator ${env.emulators.netsuite.url} (account ${env.emulators.netsuite.accountId})`,
    `time scale ×${options.timeScale}${options.faultRate > 0 ? `, ${Math.round(options.faultRate * 100)}% injected faults` : ''}`,
    '',
  ].join('\n');
}

async function createDemoIntegration(
  env: DemoEnvironment,
  options: DemoOptions,
): Promise<Integration> {
  return createIntegration({
    id: 'demo',
    amazon: env.amazon,
    netsuite: env.netsuite,
    store: createSqliteStore({ file: join(options.dir, 'state.db') }),
    plugins: [
      starter({
        ...env.starterOptions,
        pricing: { priceLevelId: String(env.emulators.netsuite.inspect.seeded.priceLevels.amazon) },
      }),
    ],
    encryptionKey: demoEncryptionKey(options.dir),
    logger: options.logger,
  });
}

/**
 * Error records keep the failed input (buyer data included) encrypted; the demo keeps its own
 * random key beside its state. Real runs take the key from SELLERBRIDGE_ENCRYPTION_KEY.
 */
function demoEncryptionKey(dir: string): string {
  const file = join(dir, 'demo.key');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });

  return readFileSync(file, 'utf8').trim();
}

async function runFlows(
  integration: Integration,
  env: DemoEnvironment,
  flowIds: string[],
  progress: ReturnType<typeof createFlowProgress>,
): Promise<RunSummary[]> {
  const installed = new Set(integration.flows.map((flow) => flow.id));
  const summaries: RunSummary[] = [];

  for (const flowId of flowIds.filter((id) => installed.has(id))) {
    progress.start(flowId, expectedRecords(env, flowId));
    summaries.push(await runUntilSettled(integration, flowId));
    progress.finish(flowId);
  }

  return summaries;
}

// A run stopped by a transient failure (after the client's own retries) resumes from its last
// checkpoint on the next scheduled run; the demo does that at once, a bounded number of times.
const MAX_RUNS_PER_FLOW = 4;

async function runUntilSettled(integration: Integration, flowId: string): Promise<RunSummary> {
  let summary = await integration.run(flowId);

  for (
    let run = 2;
    run <= MAX_RUNS_PER_FLOW && summary.status === 'failed' && summary.error?.retryable;
    run += 1
  ) {
    const next = await integration.run(flowId);
    summary = {
      ...next,
      read: summary.read + next.read,
      created: summary.created + next.created,
      updated: summary.updated + next.updated,
      skipped: summary.skipped + next.skipped,
      failed: summary.failed + next.failed,
      durationMs: summary.durationMs + next.durationMs,
    };
  }

  return summary;
}

function expectedRecords(env: DemoEnvironment, flowId: string): number {
  const { orders, catalog } = env.emulators.world;
  if (flowId === 'mfn-orders')
    return orders.filter((order) => order.fulfillment?.fulfilledBy === 'MERCHANT').length;
  if (flowId === 'fba-orders')
    return orders.filter((order) => order.fulfillment?.fulfilledBy === 'AMAZON').length;

  return catalog.length;
}

/**
 * Moves the world's clock forward from its start (new orders, status changes). The world is
 * rebuilt from its seed on every run and advanced by the same minutes, so it matches the
 * emulator databases the earlier runs left.
 */
function advanceWorld(env: DemoEnvironment, minutes: number, logger: Logger): void {
  const changes = env.emulators.amazon.inspect.advanceWorld(minutes * 60_000);
  logger.info({ changes: changes.length, minutes }, 'world advanced');
}
