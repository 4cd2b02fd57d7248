/**
 * Counts a record whose "created" only linked records that already existed as `linked`. After a
 * crash, the re-run's creates are answered by the external-id conflict (the record reached
 * NetSuite before the crash, its link did not reach the store) and `createOnce` links them; the
 * flow still reports `created`, which would count those records twice across the two runs.
 */
import type { FlowContext } from '../context';
import type { Outcome } from '../flow';

/** What one record's `createOnce` calls did. */
export interface CreateTally {
  created: number;
  linkedExisting: number;
}

/**
 * A record's view of the run's context and its tally. Slots are reused by later records once
 * their record settled (at most `concurrency` per run), so a record costs no context copy.
 */
export interface RecordSlot {
  ctx: FlowContext<unknown, unknown, unknown>;
  tally: CreateTally;
}

/** A free slot (or a new one) with its tally zeroed; give it back with `free.push(slot)`. */
export function takeSlot(
  free: RecordSlot[],
  runCtx: FlowContext<unknown, unknown, unknown>,
): RecordSlot {
  const slot = free.pop() ?? newSlot(runCtx);
  slot.tally.created = 0;
  slot.tally.linkedExisting = 0;

  return slot;
}

function newSlot(runCtx: FlowContext<unknown, unknown, unknown>): RecordSlot {
  const tally = { created: 0, linkedExisting: 0 };

  return { ctx: withCreateTally(runCtx, tally), tally };
}

/** The run's context, but its `createOnce` results are tallied. */
function withCreateTally(
  ctx: FlowContext<unknown, unknown, unknown>,
  tally: CreateTally,
): FlowContext<unknown, unknown, unknown> {
  const { links } = ctx;

  return Object.freeze({
    ...ctx,
    links: {
      get: links.get,
      createOnce: async (options) => {
        const result = await links.createOnce(options);
        if (result.outcome === 'created') tally.created += 1;
        if (result.outcome === 'linked-existing') tally.linkedExisting += 1;

        return result;
      },
    },
  });
}

/** `linked` for a `created` record that created nothing and linked an existing record. */
export function countedOutcome(outcome: Outcome, tally: CreateTally): Outcome {
  const linkedOnly = tally.created === 0 && tally.linkedExisting > 0;

  return outcome === 'created' && linkedOnly ? 'linked' : outcome;
}
