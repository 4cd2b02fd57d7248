/**
 * One run of one flow: lock → pages → per page, every record handled or recorded as an error
 * (up to the flow's `concurrency` at once), then the page's checkpoint committed → run record →
 * unlock. A stop request (AbortSignal, SIGTERM) finishes the records in hand, starts no new one
 * and leaves the checkpoint at the last complete page.
 */
import { isoNow } from '../clock';
import { LockLostError } from '../errors';
import { serializeError } from '../serialize-error';
import type { JsonValue } from '../store/types';
import type { Engine, FlowEntry, RunOptions, RunSummary } from './engine';
import { ForcedStop } from './handle-record';
import { takeFlowLock } from './lock';
import { handlePage } from './page';
import { createRunState, toRunRecord, toRunSummary, type RunState } from './run-state';

/** What a run body does between taking the lock and releasing it. */
export type RunBody = (engine: Engine, state: RunState) => Promise<void>;

/**
 * Runs a flow's pages from its checkpoint.
 * @throws {LockHeldError} when the flow is already running.
 */
export function runFlow(
  engine: Engine,
  entry: FlowEntry,
  options: RunOptions,
  trigger: 'manual' | 'schedule' | 'trigger',
): Promise<RunSummary> {
  return runLocked(engine, entry, options, trigger, processPages);
}

/** Takes the lock, runs the body with failure capture, records the run and releases the lock. */
export async function runLocked(
  engine: Engine,
  entry: FlowEntry,
  options: RunOptions,
  trigger: RunSummary['trigger'],
  body: RunBody,
): Promise<RunSummary> {
  const state = createRunState(engine, entry, options, trigger);
  const lock = await takeFlowLock(engine, entry.flow.id, state.holder, () => {
    state.lockLost = true;
    state.stopRequested = true;
  });

  const done = executeBody(engine, state, body).finally(() =>
    lock.release().catch(() => undefined),
  );
  const active = {
    flowId: entry.flow.id,
    stop: () => (state.stopRequested = true),
    force: () => {
      state.stopRequested = true;
      state.hard.abort();
    },
    done,
  };
  engine.active.add(active);

  try {
    return await done;
  } finally {
    engine.active.delete(active);
  }
}

async function executeBody(engine: Engine, state: RunState, body: RunBody): Promise<RunSummary> {
  const ns = engine.integrationId;
  await engine.store.saveRun(ns, toRunRecord(engine, state));
  emitRun(engine, state, 'started');

  try {
    await body(engine, state).finally(() => commitPending(engine, state));
    state.status = state.stopRequested ? 'cancelled' : 'completed';
    if (state.lockLost) throw new LockLostError(ns, state.entry.flow.id);
  } catch (error) {
    state.status = error instanceof ForcedStop ? 'cancelled' : 'failed';
    state.error = error instanceof ForcedStop ? null : serializeError(error);
    const log = { flowId: state.entry.flow.id, runId: state.runId, error: state.error };
    if (state.status === 'failed') engine.logger.error(log, 'run failed');
  }

  state.dispose();
  const record = toRunRecord(engine, state);
  await engine.store.saveRun(ns, record);
  emitRun(engine, state, 'finished');

  return toRunSummary(engine, record, state);
}

async function processPages(engine: Engine, state: RunState): Promise<void> {
  const { store, integrationId: ns } = engine;
  const { flow } = state.entry;
  if (!state.dryRun) await store.purgePii(ns, isoNow(engine.clock));

  const checkpoint = await store.getCheckpoint(ns, flow.id);
  let page = 0;
  for await (const { records, checkpoint: next } of flow.source(state.ctx, checkpoint)) {
    if (!(await handlePage(engine, state, records))) return;

    page += 1;
    await commitPending(engine, state, next as JsonValue);
    emitProgress(engine, state, page);
    if (state.stopRequested) return;
  }
}

/**
 * Commits the links and resolutions gathered since the last commit, with the page's checkpoint
 * when the page is complete (none after a stop mid-page). Nothing is saved in a dry run.
 */
export async function commitPending(
  engine: Engine,
  state: RunState,
  checkpoint?: JsonValue,
): Promise<void> {
  const links = [...state.pendingLinks.values()];
  const resolvedTraceKeys = state.succeeded;
  state.pendingLinks.clear();
  state.succeeded = [];
  if (
    state.dryRun ||
    (checkpoint === undefined && links.length === 0 && resolvedTraceKeys.length === 0)
  )
    return;

  const commit = {
    flowId: state.entry.flow.id,
    links,
    resolvedTraceKeys,
    now: isoNow(engine.clock),
  };
  await engine.store.commitPage(
    engine.integrationId,
    checkpoint === undefined ? commit : { ...commit, checkpoint },
  );
}

function emitProgress(engine: Engine, state: RunState, page: number): void {
  if (!engine.events.has('progress')) return;

  const { integrationId } = engine;
  engine.events.emit('progress', {
    integrationId,
    flowId: state.entry.flow.id,
    runId: state.runId,
    page,
    counts: { ...state.counts },
  });
}

function emitRun(engine: Engine, state: RunState, phase: 'started' | 'finished'): void {
  const run = toRunRecord(engine, state);
  engine.events.emit('run', {
    phase,
    integrationId: engine.integrationId,
    flowId: run.flowId,
    runId: run.id,
    run,
  });
  engine.logger.info(
    { flowId: run.flowId, runId: run.id, status: run.status, counts: run.counts },
    `run ${phase}`,
  );
}
