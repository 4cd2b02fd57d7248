import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  AbortedError,
  InvalidInputError,
  ServerError,
  ThrottledError,
  computeBackoffMs,
  runWithRetry,
} from '../src/index';

const throttled = (): ThrottledError =>
  new ThrottledError({ vendor: 'amazon', operation: 'getOrder', status: 429 });

describe('computeBackoffMs', () => {
  it('applies full jitter to an exponential ceiling and respects the floor', () => {
    expect(computeBackoffMs(1, { baseDelayMs: 500, maxDelayMs: 30_000, random: () => 0.5 })).toBe(
      250,
    );
    expect(computeBackoffMs(4, { baseDelayMs: 500, maxDelayMs: 30_000, random: () => 1 })).toBe(
      4000,
    );
    expect(computeBackoffMs(20, { baseDelayMs: 500, maxDelayMs: 30_000, random: () => 1 })).toBe(
      30_000,
    );
    expect(
      computeBackoffMs(1, { baseDelayMs: 500, maxDelayMs: 30_000, floorMs: 2000, random: () => 0 }),
    ).toBe(2000);
  });
});

describe('runWithRetry', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('retries throttling with the floor as the minimum delay, then succeeds', async () => {
    const attemptFn = vi.fn(async (attempt: number) => {
      if (attempt < 3) throw throttled();
      return 'ok';
    });
    const delays: number[] = [];

    const result = runWithRetry(attemptFn, {
      random: () => 0,
      floorMs: () => 2000,
      onRetry: ({ delayMs }) => delays.push(delayMs),
    });
    await vi.runAllTimersAsync();

    await expect(result).resolves.toBe('ok');
    expect(attemptFn).toHaveBeenCalledTimes(3);
    expect(delays).toEqual([2000, 2000]);
  });

  it('stops after maxAttempts with the attempts and total wait on the error', async () => {
    const result = runWithRetry(async () => Promise.reject(throttled()), {
      maxAttempts: 3,
      random: () => 1,
      baseDelayMs: 100,
    });
    const assertion = expect(result).rejects.toMatchObject({
      code: 'THROTTLED',
      attempts: 3,
      totalWaitMs: 300,
    });
    await vi.runAllTimersAsync();

    await assertion;
  });

  it('stops when the next wait would exceed the total wait budget', async () => {
    const attemptFn = vi.fn(async () => Promise.reject(throttled()));

    const result = runWithRetry(attemptFn, {
      maxAttempts: 10,
      maxTotalWaitMs: 5000,
      floorMs: () => 2000,
      random: () => 0,
    });
    const assertion = expect(result).rejects.toMatchObject({ attempts: 3, totalWaitMs: 4000 });
    await vi.runAllTimersAsync();

    await assertion;
    expect(attemptFn).toHaveBeenCalledTimes(3);
  });

  it('never retries a non-retryable error', async () => {
    const attemptFn = vi.fn(async () => {
      throw new InvalidInputError({ vendor: 'netsuite', operation: 'POST customer' });
    });

    await expect(runWithRetry(attemptFn)).rejects.toBeInstanceOf(InvalidInputError);
    expect(attemptFn).toHaveBeenCalledTimes(1);
  });

  it('honours the shouldRetry veto', async () => {
    const attemptFn = vi.fn(async () => {
      throw new ServerError({ vendor: 'netsuite', operation: 'POST customer', status: 502 });
    });

    await expect(runWithRetry(attemptFn, { shouldRetry: () => false })).rejects.toMatchObject({
      attempts: 1,
    });
    expect(attemptFn).toHaveBeenCalledTimes(1);
  });

  it('turns a cancellation during the backoff into an AbortedError', async () => {
    const controller = new AbortController();

    const result = runWithRetry(async () => Promise.reject(throttled()), {
      signal: controller.signal,
      floorMs: () => 10_000,
    });
    const assertion = expect(result).rejects.toBeInstanceOf(AbortedError);
    await vi.advanceTimersByTimeAsync(1000);
    controller.abort();
    await vi.runAllTimersAsync();

    await assertion;
  });

  it('passes attempt numbers 1…n in order across the first attempt and the retries', async () => {
    const seen: number[] = [];
    const result = runWithRetry(
      async (attempt) => {
        seen.push(attempt);
        if (attempt < 4) throw throttled();
        return attempt;
      },
      { random: () => 0 },
    );
    await vi.runAllTimersAsync();

    await expect(result).resolves.toBe(4);
    expect(seen).toEqual([1, 2, 3, 4]);
  });

  it('makes one attempt only when maxAttempts is 1, even for a retryable error', async () => {
    const attemptFn = vi.fn(async () => Promise.reject(throttled()));

    await expect(runWithRetry(attemptFn, { maxAttempts: 1 })).rejects.toMatchObject({
      code: 'THROTTLED',
      attempts: 1,
      totalWaitMs: 0,
    });
    expect(attemptFn).toHaveBeenCalledTimes(1);
  });

  it('does not start an attempt when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const attemptFn = vi.fn(async () => 'never');

    await expect(runWithRetry(attemptFn, { signal: controller.signal })).rejects.toBeInstanceOf(
      AbortedError,
    );
    expect(attemptFn).not.toHaveBeenCalled();
  });

  it('rethrows an error outside the taxonomy as it is, without retrying', async () => {
    const bug = new TypeError('not a vendor error');
    const attemptFn = vi.fn(async () => Promise.reject(bug));

    await expect(runWithRetry(attemptFn)).rejects.toBe(bug);
    expect(attemptFn).toHaveBeenCalledTimes(1);
  });
});
