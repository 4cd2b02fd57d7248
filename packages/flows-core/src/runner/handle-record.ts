/**
 * Handles one record with error isolation: a throwing handler becomes an error record and a
 * `failed` count, never a stopped run. Only a forced stop (the record's own abort) escapes.
 */
import { recordFailure, scrubbedError } from '../error-records';
import type { RecordEvent } from '../events';
import { toRecordResult } from '../flow';
import type { Engine, FailureReason } from './engine';
import { countedOutcome, takeSlot } from './record-links';
import { countFailure, type RunState } from './run-state';

/** Thrown when a forced stop aborted the record in hand; the run ends as cancelled. */
export class ForcedStop extends Error {
  constructor() {
    super('Run forced to stop');
    this.name = 'ForcedStop';
  }
}

/** Handles a record; resolves to its trace key when it succeeded, undefined when it failed. */
export async function handleRecord(
  engine: Engine,
  state: RunState,
  record: unknown,
): Promise<string | undefined> {
  const { flow } = state.entry;
  state.counts.read += 1;
  let traceKey = `record-${state.counts.read}`;

  const slot = takeSlot(state.freeSlots, state.ctx);

  try {
    traceKey = flow.traceKey(record);
    const result = toRecordResult(await flow.handle(slot.ctx, record));

    const outcome = countedOutcome(result.outcome, slot.tally);
    state.counts[outcome] += 1;
    emitRecord(engine, state, traceKey, outcome);

    return traceKey;
  } catch (error) {
    if (state.hard.signal.aborted) throw new ForcedStop();

    await onFailure(engine, state, record, traceKey, error);

    return undefined;
  } finally {
    state.freeSlots.push(slot);
  }
}

async function onFailure(
  engine: Engine,
  state: RunState,
  record: unknown,
  traceKey: string,
  error: unknown,
): Promise<void> {
  const { flow } = state.entry;
  const scrubbed = scrubbedError(record, error);
  const reason = failureReason(traceKey, scrubbed);
  countFailure(state, reason);
  const log = { flowId: flow.id, runId: state.runId, traceKey, errorCode: scrubbed.code };
  engine.logger.warn({ ...log, error: scrubbed }, 'record failed');

  if (!state.dryRun) {
    await recordFailure(engine, {
      flowId: flow.id,
      traceKey,
      record,
      error,
      runId: state.runId,
      nowMs: engine.clock.now(),
      deliveredAt: safeDeliveredAt(state, record),
    });
  }

  emitRecord(engine, state, traceKey, 'failed', reason);
}

/** The summary's and the event's form of a scrubbed error. */
export function failureReason(
  traceKey: string,
  error: { name: string; message: string; code?: string },
): FailureReason {
  const { name, message, code } = error;

  return code === undefined ? { traceKey, name, message } : { traceKey, name, message, code };
}

function safeDeliveredAt(state: RunState, record: unknown): string | undefined {
  try {
    return state.entry.flow.deliveredAt?.(record);
  } catch {
    return undefined;
  }
}

function emitRecord(
  engine: Engine,
  state: RunState,
  traceKey: string,
  outcome: RecordEvent['outcome'],
  failure?: FailureReason,
): void {
  if (!engine.events.has('record')) return;

  engine.events.emit('record', {
    integrationId: engine.integrationId,
    flowId: state.entry.flow.id,
    runId: state.runId,
    traceKey,
    outcome,
    ...(failure ? eventError(failure) : {}),
  });
}

function eventError(failure: FailureReason): Pick<RecordEvent, 'errorCode' | 'error'> {
  const { traceKey: _traceKey, ...error } = failure;

  return error.code === undefined ? { error } : { errorCode: error.code, error };
}
