/** The engine's view of time, injectable so tests control it. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now: () => number;
}

/** The system clock. */
export const systemClock: Clock = { now: () => Date.now() };

/** The clock's now as a UTC ISO-8601 string. */
export function isoNow(clock: Clock): string {
  return new Date(clock.now()).toISOString();
}
