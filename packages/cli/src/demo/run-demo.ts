/**
 * `sellerbridge demo`: the whole Starter integration on the embedded default — both emulators in
 * process over one seeded, frozen world, the SQLite store, every flow in dependency order with a
 * progress bar, then a summary per flow and a reconciliation. State lives in the demo folder, so
 * a second run is incremental and creates nothing new.
 */
import type { Logger } from '@sellerbridge/http-core';
import type { Integration, RunSummary } from '@sellerbridge/flows-core';
import { addCounts } from '../output/run-counts';
import { watchShutdown, type ShutdownWatch, type StopSignal } from '../runtime/shutdown';
import { demoHistoryStart, type DemoEnvironment } from './environment';
import { createFlowProgress } from './progress';
import { reconcile, type ReconciliationCheck } from './reconcile';
import { startDemoSession } from './session';
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
  /**
   * Stop gracefully on SIGINT/SIGTERM (the command sets it; a library host keeps its own
   * signal handling). @default false
   */
  stopOnSignals?: boolean;
}

/** What the demo did. */
export interface DemoResult {
  summaries: RunSummary[];
  checks: ReconciliationCheck[];
  shippedNow: number;
  passed: boolean;
  /** The signal that stopped the demo (the flows after it did not run, no reconciliation). */
  stoppedBy?: StopSignal;
}

// Orders first (customers are resolved inside them), the warehouse ships, then fulfillments are
// confirmed; inventory after orders (sales orders commit stock), pricing last.
const ORDER_FLOWS = ['mfn-orders', 'fba-orders'];
const OUTBOUND_FLOWS = ['fulfillments', 'inventory', 'pricing'];

/** Runs the demo. */
export async function runDemo(options: DemoOptions): Promise<DemoResult> {
  const state = openDemoState(options.dir, options);
  const { env, integration, close } = await startDemoSession({
    dir: options.dir,
    state,
    timeScale: options.timeScale,
    faultRate: options.faultRate,
    logger: options.logger,
  });
  options.output.write(describeStart(env, state, options));

  const shutdown = options.stopOnSignals ? watchShutdown(integration) : undefined;
  try {
    const progress = createFlowProgress(integration, options.output);
    const summaries = await runFlows(integration, env, ORDER_FLOWS, progress, shutdown);
    const shippedNow = shutdown?.signal ? 0 : await shipFromWarehouse(env.emulators, env.netsuite);
    summaries.push(...(await runFlows(integration, env, OUTBOUND_FLOWS, progress, shutdown)));
    progress.stop();

    if (shutdown?.signal)
      return { summaries, checks: [], shippedNow, passed: false, stoppedBy: shutdown.signal };

    const checks = await reconcile(env.emulators, integration, demoHistoryStart(env.emulators));
    return {
      summaries,
      checks,
      shippedNow,
      passed:
        checks.every((check) => check.passed) && summaries.every((s) => s.status === 'completed'),
    };
  } finally {
    shutdown?.dispose();
    await close();
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

async function runFlows(
  integration: Integration,
  env: DemoEnvironment,
  flowIds: string[],
  progress: ReturnType<typeof createFlowProgress>,
  shutdown: ShutdownWatch | undefined,
): Promise<RunSummary[]> {
  const installed = new Set(integration.flows.map((flow) => flow.id));
  const summaries: RunSummary[] = [];

  for (const flowId of flowIds.filter((id) => installed.has(id))) {
    if (shutdown?.signal) break;

    progress.start(flowId, expectedRecords(env, flowId));
    const summary = await runUntilSettled(integration, flowId, shutdown);
    progress.finish(flowId);
    if (summary) summaries.push(summary);
  }

  return summaries;
}

// A run stopped by a transient failure (after the client's own retries) resumes from its last
// checkpoint on the next scheduled run; the demo does that at once, a bounded number of times.
const MAX_RUNS_PER_FLOW = 4;

async function runUntilSettled(
  integration: Integration,
  flowId: string,
  shutdown: ShutdownWatch | undefined,
): Promise<RunSummary | undefined> {
  const runOnce = (): Promise<RunSummary | undefined> =>
    shutdown ? shutdown.runUnlessStopped(() => integration.run(flowId)) : integration.run(flowId);
  let summary = await runOnce();
  if (!summary) return undefined;

  for (
    let run = 2;
    run <= MAX_RUNS_PER_FLOW && summary.status === 'failed' && summary.error?.retryable;
    run += 1
  ) {
    const next = await runOnce();
    if (!next) break;
    summary = combineRuns(summary, next);
  }

  return summary;
}

// As many failure reasons as flows-core keeps in one run's summary (its MAX_SUMMARY_FAILURES,
// not exported); `failed` still counts them all.
const FAILURES_KEPT = 20;

/** A resumed run's summary over both runs: counts and times added, the first failures kept. */
export function combineRuns(first: RunSummary, next: RunSummary): RunSummary {
  return {
    ...next,
    ...addCounts(first, next),
    durationMs: first.durationMs + next.durationMs,
    failures: [...first.failures, ...next.failures].slice(0, FAILURES_KEPT),
  };
}

function expectedRecords(env: DemoEnvironment, flowId: string): number {
  const { orders, catalog } = env.emulators.world;
  if (flowId === 'mfn-orders')
    return orders.filter((order) => order.fulfillment?.fulfilledBy === 'MERCHANT').length;
  if (flowId === 'fba-orders')
    return orders.filter((order) => order.fulfillment?.fulfilledBy === 'AMAZON').length;

  return catalog.length;
}
