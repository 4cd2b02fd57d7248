/**
 * Polls a report or feed until it reaches a final status: exponential backoff between polls,
 * a total wait budget, and an `AbortSignal`. Timers are `setTimeout`, so tests drive them with
 * fake timers.
 */
import { AbortedError } from '@sellerbridge/http-core';

import { ProcessingTimeoutError } from './errors';

/** Polling cadence. Reports take minutes; `getReport` allows 2 req/s, `getFeed` 2 req/s. */
export interface PollOptions {
  /** @default 5_000 */
  initialDelayMs?: number;
  /** @default 60_000 */
  maxDelayMs?: number;
  /** @default 1.5 */
  factor?: number;
  /**
   * Total time to wait for a final status before giving up.
   * @default 3_600_000 (one hour; large reports can take tens of minutes)
   */
  maxWaitMs?: number;
  signal?: AbortSignal;
}

/** The statuses Amazon ends a report or feed with (reports_2021-06-30 / feeds_2021-06-30). */
export const FINAL_STATUSES: ReadonlySet<string> = new Set(['DONE', 'CANCELLED', 'FATAL']);

/**
 * Calls `fetchState` until its `processingStatus` is final.
 * @throws ProcessingTimeoutError when `maxWaitMs` is spent, AbortedError when aborted
 */
export async function pollUntilFinal<T extends { processingStatus: string }>(
  fetchState: () => Promise<T>,
  context: { operation: string; id: string },
  options: PollOptions = {},
): Promise<T> {
  const maxWaitMs = options.maxWaitMs ?? 3_600_000;
  let delayMs = options.initialDelayMs ?? 5_000;
  let waitedMs = 0;

  for (;;) {
    const state = await fetchState();
    if (FINAL_STATUSES.has(state.processingStatus)) return state;

    if (waitedMs + delayMs > maxWaitMs) {
      throw new ProcessingTimeoutError({
        vendor: 'amazon',
        operation: context.operation,
        message: `amazon ${context.operation}: ${context.id} still ${state.processingStatus} after ${waitedMs} ms`,
        totalWaitMs: waitedMs,
      });
    }

    await sleep(delayMs, options.signal, context.operation);
    waitedMs += delayMs;
    delayMs = Math.min(options.maxDelayMs ?? 60_000, Math.round(delayMs * (options.factor ?? 1.5)));
  }
}

/** Waits `delayMs`, rejecting with AbortedError as soon as the signal fires. */
export function sleep(
  delayMs: number,
  signal: AbortSignal | undefined,
  operation: string,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const aborted = () =>
      new AbortedError({ vendor: 'amazon', operation, message: `${operation} was cancelled` });
    if (signal?.aborted === true) return reject(aborted());

    const onAbort = () => {
      clearTimeout(timer);
      reject(aborted());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, delayMs);

    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
