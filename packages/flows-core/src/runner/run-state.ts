/**
 * The mutable state of one run (counts, stop flags, recorded writes) and the `ctx` its flow sees.
 */
import { randomUUID } from 'node:crypto';
import { isoNow } from '../clock';
import type { FlowContext, WriteIntent, WriteResult } from '../context';
import { checkConcurrency } from '../flow';
import { createLinks } from '../links';
import type { LinkRecord, RunCounts, RunRecord, SerializedError } from '../store/types';
import type { Engine, FailureReason, FlowEntry, RunOptions, RunSummary } from './engine';
import type { RecordSlot } from './record-links';

/** Most failure reasons a summary keeps; the log has a line for every failure. */
export const MAX_SUMMARY_FAILURES = 20;

/** One run's state. */
export interface RunState {
  runId: string;
  holder: string;
  entry: FlowEntry;
  dryRun: boolean;
  trigger: RunRecord['trigger'];
  /** Records of one page handled at once. */
  concurrency: number;
  counts: RunCounts;
  writes: WriteIntent[];
  /** The first failures, for the summary (capped at {@link MAX_SUMMARY_FAILURES}). */
  failures: FailureReason[];
  /** Per-record contexts not in use (see record-links). */
  freeSlots: RecordSlot[];
  /** Links created and trace keys succeeded since the last commit. */
  pendingLinks: Map<string, LinkRecord>;
  succeeded: string[];
  startedAtMs: number;
  startedAt: string;
  status: RunRecord['status'];
  error: SerializedError | null;
  stopRequested: boolean;
  lockLost: boolean;
  hard: AbortController;
  /** Removes the run's listener from the caller's signal (a scheduler reuses one signal). */
  dispose: () => void;
  ctx: FlowContext<unknown, unknown, unknown>;
}

/**
 * A fresh run state and context.
 * @throws {ConfigurationError} for an invalid `concurrency` option.
 */
export function createRunState(
  engine: Engine,
  entry: FlowEntry,
  options: RunOptions,
  trigger: RunRecord['trigger'],
): RunState {
  const runId = `run_${randomUUID()}`;
  const dryRun = options.dryRun ?? false;
  const concurrency =
    options.concurrency === undefined
      ? entry.concurrency
      : checkConcurrency(options.concurrency, `run of '${entry.flow.id}'`);
  const state = {
    runId,
    holder: `${engine.instanceId}:${runId}`,
    entry,
    dryRun,
    trigger,
    concurrency,
    counts: { read: 0, created: 0, linked: 0, updated: 0, skipped: 0, failed: 0 },
    writes: [],
    failures: [],
    freeSlots: [],
    pendingLinks: new Map(),
    succeeded: [],
    startedAtMs: engine.clock.now(),
    startedAt: isoNow(engine.clock),
    status: 'running',
    error: null,
    stopRequested: options.signal?.aborted ?? false,
    lockLost: false,
    hard: new AbortController(),
    dispose: () => undefined,
  } as Omit<RunState, 'ctx'> as RunState;

  const onAbort = (): void => {
    state.stopRequested = true;
  };
  options.signal?.addEventListener('abort', onAbort, { once: true });
  state.dispose = () => options.signal?.removeEventListener('abort', onAbort);
  state.ctx = createContext(engine, state);

  return state;
}

function createContext(engine: Engine, state: RunState): FlowContext<unknown, unknown, unknown> {
  const flowId = state.entry.flow.id;
  const write = async <T>(
    intent: WriteIntent,
    perform: () => Promise<T>,
  ): Promise<WriteResult<T>> => {
    const recordOnly = state.dryRun || engine.recordOnlyTargets.has(intent.target);
    if (recordOnly) {
      if (state.writes.length < engine.maxRecordedWrites) state.writes.push(intent);
    }

    if (engine.events.has('write')) {
      const event = {
        integrationId: engine.integrationId,
        flowId,
        runId: state.runId,
        sent: !recordOnly,
        intent,
      };
      engine.events.emit('write', event);
    }

    return recordOnly ? { sent: false, intent } : { sent: true, value: await perform() };
  };

  return Object.freeze({
    integrationId: engine.integrationId,
    flowId,
    runId: state.runId,
    dryRun: state.dryRun,
    amazon: engine.amazon,
    netsuite: engine.netsuite,
    settings: state.entry.settings,
    clock: engine.clock,
    logger: engine.logger,
    signal: state.hard.signal,
    links: createLinks({
      store: engine.store,
      integrationId: engine.integrationId,
      now: () => isoNow(engine.clock),
      write,
      pending: state.pendingLinks,
    }),
    write,
  });
}

/** Counts a failed record and keeps its reason while the summary has room. */
export function countFailure(state: RunState, reason: FailureReason): void {
  state.counts.failed += 1;
  if (state.failures.length < MAX_SUMMARY_FAILURES) state.failures.push(reason);
}

/** The stored form of the run. */
export function toRunRecord(engine: Engine, state: RunState): RunRecord {
  const finished = state.status !== 'running';
  const nowMs = engine.clock.now();

  return {
    id: state.runId,
    flowId: state.entry.flow.id,
    status: state.status,
    trigger: state.trigger,
    dryRun: state.dryRun,
    counts: { ...state.counts },
    startedAt: state.startedAt,
    finishedAt: finished ? new Date(nowMs).toISOString() : null,
    durationMs: finished ? nowMs - state.startedAtMs : null,
    error: state.error,
  };
}

/** The summary returned to the caller. */
export function toRunSummary(engine: Engine, record: RunRecord, state: RunState): RunSummary {
  return {
    runId: record.id,
    integrationId: engine.integrationId,
    flowId: record.flowId,
    status: record.status,
    trigger: record.trigger,
    dryRun: record.dryRun,
    ...record.counts,
    startedAt: record.startedAt,
    finishedAt: record.finishedAt ?? isoNow(engine.clock),
    durationMs: record.durationMs ?? 0,
    ...(record.error ? { error: record.error } : {}),
    failures: state.failures,
    writes: state.writes,
    triggered: [],
  };
}
