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
});
