/**
 * Per-attempt timeouts for the SP-API requests of one client, enforced by one watchdog timer
 * instead of per-request timers: got's `timeout` option (and an `AbortSignal.timeout` per
 * request) cost 10–15% client CPU on small responses in bench/sp-api-cpu.bench.ts.
 */

/** A request that can be cancelled (got's promise is a p-cancelable). */
interface Cancelable {
  cancel(reason?: string): void;
}

/** Tracks in-flight requests and cancels those past their deadline. */
export interface DeadlineWatch {
  /** Starts tracking; returns a function that stops tracking and tells whether it timed out. */
  track(request: Cancelable, timeoutMs: number): () => boolean;
}

/** Creates a watchdog that checks deadlines every `resolutionMs` while requests are in flight. */
export function createDeadlineWatch(resolutionMs = 250): DeadlineWatch {
  const inFlight = new Map<Cancelable, { deadlineMs: number; expired: boolean }>();
  let timer: ReturnType<typeof setInterval> | undefined;

  function sweep(): void {
    const nowMs = Date.now();

    for (const [request, entry] of inFlight) {
      if (nowMs < entry.deadlineMs) continue;
      entry.expired = true;
      inFlight.delete(request);
      request.cancel('timed out');
    }
    if (inFlight.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  }

  return {
    track(request, timeoutMs) {
      const entry = { deadlineMs: Date.now() + timeoutMs, expired: false };

      inFlight.set(request, entry);
      if (!timer) {
        timer = setInterval(sweep, Math.min(resolutionMs, timeoutMs));
        timer.unref?.();
      }
      return () => {
        inFlight.delete(request);
        return entry.expired;
      };
    },
  };
}
