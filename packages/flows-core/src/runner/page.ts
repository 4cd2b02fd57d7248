/**
 * Handles the records of one page, up to the run's concurrency at once. Each record keeps its
 * error isolation (handleRecord); a stop request lets the records in hand finish and starts no
 * new one. Every started record settles before this resolves, so nothing writes after the
 * run's commit or after its lock is released.
 */
import type { Engine } from './engine';
import { handleRecord } from './handle-record';
import type { RunState } from './run-state';

/**
 * Handles a page's records; resolves to true when every record was handled (succeeded or
 * recorded as an error), false when a stop left some unstarted.
 * @throws the first escaping error (a forced stop, a store failure) once every started record settled.
 */
export async function handlePage(
  engine: Engine,
  state: RunState,
  records: readonly unknown[],
): Promise<boolean> {
  let next = 0;
  let escaped: { error: unknown } | undefined;

  const worker = async (): Promise<void> => {
    while (next < records.length && !state.stopRequested && escaped === undefined) {
      const record = records[next];
      next += 1;
      try {
        const traceKey = await handleRecord(engine, state, record);
        if (traceKey !== undefined) state.succeeded.push(traceKey);
      } catch (error) {
        escaped ??= { error };
      }
    }
  };

  const workers = Math.min(state.concurrency, records.length);
  await Promise.all(Array.from({ length: workers }, worker));
  if (escaped !== undefined) throw escaped.error;

  return next === records.length;
}
