/**
 * In-flight accounting for the NetSuite concurrency benchmark (issue 4), from two sides:
 * - the server's: from when a request reaches the handler until its answer is flushed (what
 *   NetSuite's concurrency governance counts);
 * - the client's transport boundary: from when Node creates the HTTP request until the response's
 *   last byte is read, through `node:diagnostics_channel` (no hook inside the client under test).
 */
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { ClientRequest, IncomingMessage } from 'node:http';

/** Open intervals [start, end] in `performance.now()` milliseconds. */
export type Interval = [number, number];

/** Fraction of [first start, last end] during which exactly `limit` intervals were open. */
export function fractionAtLimit(
  intervals: Interval[],
  limit: number,
): { fraction: number; maxInFlight: number } {
  const events = intervals.flatMap(([start, end]): Array<[number, number]> => [
    [start, 1],
    [end, -1],
  ]);
  // Ends before starts at the same instant: a slot handed over at once is not counted twice.
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);

  let open = 0;
  let maxInFlight = 0;
  let atLimitMs = 0;
  for (let index = 0; index < events.length; index++) {
    const [time, delta] = events[index] as [number, number];
    open += delta;
    maxInFlight = Math.max(maxInFlight, open);
    const nextTime = events[index + 1]?.[0] ?? time;
    if (open === limit) atLimitMs += nextTime - time;
  }

  const spanMs = (events.at(-1)?.[0] ?? 0) - (events[0]?.[0] ?? 0);
  return { fraction: spanMs > 0 ? atLimitMs / spanMs : 0, maxInFlight };
}

/** Records every HTTP request of this process from creation to the response's end. */
export function recordClientIntervals(): { intervals: Interval[]; stop: () => void } {
  const intervals: Interval[] = [];
  const startedAt = new WeakMap<ClientRequest, number>();

  const onStart = (message: unknown) => {
    startedAt.set((message as { request: ClientRequest }).request, performance.now());
  };
  const onResponse = (message: unknown) => {
    const { request, response } = message as { request: ClientRequest; response: IncomingMessage };
    const startMs = startedAt.get(request);
    if (startMs === undefined) return;

    response.once('end', () => intervals.push([startMs, performance.now()]));
  };

  subscribe('http.client.request.start', onStart);
  subscribe('http.client.response.finish', onResponse);

  return {
    intervals,
    stop: () => {
      unsubscribe('http.client.request.start', onStart);
      unsubscribe('http.client.response.finish', onResponse);
    },
  };
}

/** A minimal semaphore for the baselines (the hand-off is one microtask). */
export function createSemaphore(maxConcurrent: number): <T>(task: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: Array<() => void> = [];

  return async (task) => {
    if (active < maxConcurrent) active += 1;
    else await new Promise<void>((resolve) => waiting.push(resolve));

    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else active -= 1;
    }
  };
}
