/**
 * Retries a flow's open error records, and only those: each record is reloaded by the flow's
 * `load` (fresh data) or restored from its stored input (personal data decrypted), handled
 * again, and resolved on success; a new failure adds an attempt to the same record.
 */
import { isoNow } from '../clock';
import { restoreInput } from '../error-records';
import { ErrorRecordError } from '../errors';
import { serializeError } from '../serialize-error';
import type { ErrorRecord } from '../store/types';
import type { Engine, FlowEntry, RunOptions, RunSummary } from './engine';
import { failureReason, handleRecord } from './handle-record';
import { commitPending, runLocked } from './run-flow';
import { countFailure, type RunState } from './run-state';

/** The most open error records one retry handles. */
export const MAX_RETRY_BATCH = 10_000;

/** Options of a retry: all open records of the flow, or the given error ids. */
export interface RetryOptions extends RunOptions {
  ids?: readonly string[];
}

/**
 * Re-runs the failed records of a flow under the flow's lock.
 * @throws {LockHeldError} when the flow is running.
 */
export function retryFlowErrors(
  engine: Engine,
  entry: FlowEntry,
  options: RetryOptions,
): Promise<RunSummary> {
  return runLocked(engine, entry, options, 'retry', async (_engine, state) => {
    const records = await openRecords(engine, entry.flow.id, options.ids);
    for (const record of records) {
      if (state.stopRequested) return;
      await retryOne(engine, state, record);
    }
  });
}

async function retryOne(engine: Engine, state: RunState, error: ErrorRecord): Promise<void> {
  const { flow } = state.entry;
  const input = await loadInput(engine, state, error);
  if (input === undefined) return;

  const traceKey = await handleRecord(engine, state, input);
  await commitPending(engine, state);
  if (traceKey !== undefined && !state.dryRun) {
    const keys = traceKey === error.traceKey ? [traceKey] : [traceKey, error.traceKey];
    await engine.store.resolveErrors(
      engine.integrationId,
      flow.id,
      keys,
      'retried',
      isoNow(engine.clock),
    );
  }
}

async function loadInput(engine: Engine, state: RunState, error: ErrorRecord): Promise<unknown> {
  const { flow } = state.entry;

  try {
    if (flow.load) {
      const loaded = await flow.load(state.ctx, error.traceKey);
      if (loaded === undefined)
        throw new ErrorRecordError('NOT_LOADED', `${flow.id} could not reload ${error.traceKey}`);

      return loaded;
    }

    return restoreInput(engine.vault, engine.integrationId, error);
  } catch (cause) {
    // As for a source's error, tokens are redacted but no record is at hand to mask PII against;
    // our own INPUT_UNAVAILABLE / NOT_LOADED messages name the error record only.
    const scrubbed = serializeError(cause);
    state.counts.read += 1;
    countFailure(state, failureReason(error.traceKey, scrubbed));
    engine.logger.warn(
      { flowId: flow.id, traceKey: error.traceKey, errorId: error.id, code: scrubbed.code },
      'retry input unavailable',
    );

    return undefined;
  }
}

async function openRecords(
  engine: Engine,
  flowId: string,
  ids: readonly string[] | undefined,
): Promise<ErrorRecord[]> {
  const ns = engine.integrationId;
  if (ids === undefined)
    return engine.store.listErrors(ns, { flowId, status: 'open', limit: MAX_RETRY_BATCH });

  const found = await Promise.all(ids.map((id) => engine.store.getError(ns, id)));

  return found.filter((r): r is ErrorRecord => r?.flowId === flowId && r.status === 'open');
}
