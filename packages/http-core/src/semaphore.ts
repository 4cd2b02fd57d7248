/**
 * The in-process concurrency semaphore (NetSuite's account limit when no Redis is configured).
 * p-limit hands a freed slot to the next waiting task at once, without Bottleneck's timer hops,
 * so the account's slots stay busy and the per-request overhead stays small.
 */
import pLimit, { type LimitFunction } from 'p-limit';
import type { RateLimiter } from './limiters';

/** A semaphore limiter: at most `maxConcurrent` tasks run at once. */
export class LocalSemaphore implements RateLimiter {
  readonly key: string;
  readonly ratePerSecond = undefined;
  readonly #limit: LimitFunction;

  constructor(key: string, maxConcurrent: number) {
    if (!Number.isInteger(maxConcurrent) || maxConcurrent < 1) {
      throw new RangeError(
        `Semaphore maxConcurrent must be a whole number ≥ 1, got ${maxConcurrent}`,
      );
    }

    this.key = key;
    this.#limit = pLimit(maxConcurrent);
  }

  /** Runs the task when a slot is free (first come, first served; `priority` is not used). */
  schedule<T>(task: () => Promise<T>): Promise<T> {
    return this.#limit(task);
  }

  /** No-op: a semaphore has no rate. */
  updateRate(): void {}

  /** Drops the tasks still waiting for a slot. */
  async stop(): Promise<void> {
    this.#limit.clearQueue();
  }
}
