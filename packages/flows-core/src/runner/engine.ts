/**
 * The resolved, shared state of one integration that every run uses. Built once by
 * `createIntegration`; the hot path trusts it.
 */
import type { Logger } from '@sellerbridge/http-core';
import type { Clock } from '../clock';
import type { WriteIntent } from '../context';
import type { EventHub } from '../events';
import type { Flow } from '../flow';
import type { PiiVault } from '../pii/vault';
import type { RunCounts, RunRecord, SerializedError, StateStore } from '../store/types';

/** A flow with the settings of the plugin that contributed it. */
export interface FlowEntry {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  flow: Flow<any, any, any, any, any>;
  settings: unknown;
  plugin: string;
  /** Records of one page handled at once (the flow's `concurrency` with these settings). */
  concurrency: number;
}

/** A run in progress, as the engine sees it (for shutdown). */
export interface ActiveRun {
  flowId: string;
  /** Stop after the records in hand. */
  stop: () => void;
  /** Abort the records in hand too (its client calls see `ctx.signal` aborted). */
  force: () => void;
  done: Promise<unknown>;
}

/** Everything a run needs from its integration. */
export interface Engine {
  integrationId: string;
  instanceId: string;
  store: StateStore;
  logger: Logger;
  clock: Clock;
  events: EventHub;
  vault: PiiVault | undefined;
  piiRetentionMs: number;
  lockTtlMs: number;
  maxRecordedWrites: number;
  recordOnlyTargets: ReadonlySet<WriteIntent['target']>;
  amazon: unknown;
  netsuite: unknown;
  flows: ReadonlyMap<string, FlowEntry>;
  active: Set<ActiveRun>;
  onPiiDropped: () => void;
}

/** Options of `integration.run`. */
export interface RunOptions {
  /** Aborting stops the run after the records in hand; the checkpoint stays at the last full page. */
  signal?: AbortSignal;
  /**
   * Records of one page handled at once, overriding the flow's `concurrency` for this run (not
   * for the flows it triggers; `retryErrors` always handles one record at a time).
   * @default the flow's `concurrency`, else 1
   */
  concurrency?: number;
  /** Record writes instead of sending them; no checkpoint, link or error is saved. @default false */
  dryRun?: boolean;
}

/**
 * Why one record failed: its trace key and its error's class name, code and message, scrubbed as
 * error records are (tokens redacted, the record's personal values masked).
 */
export interface FailureReason {
  traceKey: string;
  name: string;
  message: string;
  code?: string;
}

/** The result of a run. */
export interface RunSummary extends RunCounts {
  runId: string;
  integrationId: string;
  flowId: string;
  status: RunRecord['status'];
  trigger: RunRecord['trigger'];
  dryRun: boolean;
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  /** Why the run failed (a source error, a lost lock, a store failure). */
  error?: SerializedError;
  /**
   * The first failed records of the run (at most `MAX_SUMMARY_FAILURES`; `failed` counts them
   * all). In a dry run, which saves no error record, this is where the reasons are.
   */
  failures: FailureReason[];
  /** Writes recorded instead of sent (dry run, or a record-only target); capped. */
  writes: WriteIntent[];
  /** Summaries of the flows this run triggered. */
  triggered: RunSummary[];
}
