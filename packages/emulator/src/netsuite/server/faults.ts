/**
 * Fault injection: scripted faults (a queue tests fill) and random faults by probability with a
 * seeded generator. Kinds: 429 (as if over the concurrency limit), 500/503, a connection reset
 * before the request runs, a reset after it committed (for idempotency tests), and slow replies.
 */
import { seededRandom } from './prng';

/** One fault. */
export type FaultKind = '429' | '500' | '503' | 'reset' | 'resetAfterCommit' | 'slow';

/** Fault options of the emulator. */
export interface NetSuiteFaultOptions {
  /** Probability 0..1 of each fault per request (applied in this order). */
  rates?: Partial<Record<FaultKind, number>>;
  /** Bursts of 429: every `every` requests, the next `length` get 429. */
  burst429?: { every: number; length: number };
  /** Extra delay of a slow reply, before timeScale. @default 5000 */
  slowMs?: number;
  /** Seed of the random faults. @default 7 */
  seed?: number;
}

/** Draws the fault (if any) of each request. */
export class FaultInjector {
  private readonly queue: Array<FaultKind | null> = [];
  private requests = 0;
  private readonly random: () => number;

  constructor(private readonly options: NetSuiteFaultOptions = {}) {
    this.random = seededRandom(options.seed ?? 7);
  }

  /** Queues faults for the next requests (null = a normal request). */
  enqueue(kinds: Array<FaultKind | null>): void {
    this.queue.push(...kinds);
  }

  /** The fault of the next request, or null. */
  next(): FaultKind | null {
    this.requests += 1;
    if (this.queue.length > 0) return this.queue.shift() ?? null;

    const burst = this.options.burst429;
    if (burst !== undefined && burst.every > 0) {
      const position = (this.requests - 1) % burst.every;
      if (position >= burst.every - burst.length) return '429';
    }

    for (const [kind, rate] of Object.entries(this.options.rates ?? {})) {
      if (rate !== undefined && this.random() < rate) return kind as FaultKind;
    }
    return null;
  }

  /** Slow-reply delay before timeScale. */
  get slowMs(): number {
    return this.options.slowMs ?? 5000;
  }
}
