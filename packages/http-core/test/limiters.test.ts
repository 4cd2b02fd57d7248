import { Redis } from 'ioredis';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isCi, serviceUrl } from '../../../test-support/shared';
import { createLimiterRegistry } from '../src/index';
import type { LimiterRegistry } from '../src/index';

// Bottleneck hands jobs on through chains of zero-delay timers; step the fake clock in 1 ms
// increments so each link of the chain runs.
async function advanceBy(totalMs: number): Promise<void> {
  for (let elapsedMs = 0; elapsedMs < totalMs; elapsedMs += 1) await vi.advanceTimersByTimeAsync(1);
}

describe('createLimiterRegistry (in process)', () => {
  let registry: LimiterRegistry;

  beforeEach(() => {
    vi.useFakeTimers();
    registry = createLimiterRegistry();
  });

  afterEach(async () => {
    vi.useRealTimers();
    await registry.close();
  });

  it('sends a 0.5/s burst-30 plan as 30 at once, then one every 2 s', async () => {
    const limiter = registry.tokenBucket('app:seller:na:getOrders', {
      ratePerSecond: 0.5,
      burst: 30,
    });
    const sentAtMs: number[] = [];
    const startMs = Date.now();

    const calls = Array.from({ length: 100 }, () =>
      limiter.schedule(async () => {
        sentAtMs.push(Date.now() - startMs);
      }),
    );
    await advanceBy(200);
    expect(sentAtMs).toHaveLength(30);

    await advanceBy(70 * 2000);
    await Promise.all(calls);

    expect(sentAtMs).toHaveLength(100);
    expect(sentAtMs.slice(0, 30).every((t) => t < 200)).toBe(true);
    const gapsMs = sentAtMs.slice(30).map((t, i) => t - (i === 0 ? 0 : sentAtMs[29 + i]!));
    expect(gapsMs.slice(1).every((gap) => gap >= 1900 && gap <= 2100)).toBe(true);
  });

  it('returns the same limiter for the same key and separate ones for other keys', () => {
    const a = registry.tokenBucket('k1', { ratePerSecond: 1, burst: 1 });

    expect(registry.tokenBucket('k1', { ratePerSecond: 1, burst: 1 })).toBe(a);
    expect(registry.tokenBucket('k2', { ratePerSecond: 1, burst: 1 })).not.toBe(a);
  });

  it('lowers the refill rate when the vendor reports a lower one', async () => {
    const limiter = registry.tokenBucket('k', { ratePerSecond: 10, burst: 1 });
    const sentAtMs: number[] = [];
    limiter.updateRate(1);

    const calls = [1, 2, 3].map(() => limiter.schedule(async () => sentAtMs.push(Date.now())));
    await advanceBy(3500);
    await Promise.all(calls);

    expect(limiter.ratePerSecond).toBe(1);
    expect(sentAtMs[2]! - sentAtMs[0]!).toBeGreaterThanOrEqual(1900);
  });

  it('refills fast plans at their full rate', async () => {
    const limiter = registry.tokenBucket('fast', { ratePerSecond: 100, burst: 1 });
    let sent = 0;

    const calls = Array.from({ length: 101 }, () => limiter.schedule(async () => (sent += 1)));
    await advanceBy(1100);
    await Promise.all(calls);

    expect(sent).toBe(101);
  });

  it('rejects a non-positive rate', () => {
    expect(() => registry.tokenBucket('bad', { ratePerSecond: 0, burst: 1 })).toThrow(RangeError);
  });

  it('never runs more tasks at once than a semaphore allows', async () => {
    const semaphore = registry.semaphore('netsuite:1234567_SB1', 5);
    let inFlight = 0;
    let maxInFlight = 0;

    const calls = Array.from({ length: 200 }, () =>
      semaphore.schedule(async () => {
        inFlight += 1;
        maxInFlight = Math.max(maxInFlight, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 20));
        inFlight -= 1;
      }),
    );
    await vi.runAllTimersAsync();
    await Promise.all(calls);

    expect(maxInFlight).toBe(5);
  });
});

describe('createLimiterRegistry (clustered through Redis)', () => {
  it('shares one semaphore between two registries', async () => {
    if (!(await isRedisReachable())) {
      if (isCi) throw new Error(`Redis is not reachable at ${serviceUrl('redis')}`);
      return;
    }
    // Bottleneck duplicates the client for its subscriber, so the client must not be lazy.
    const clients = [new Redis(serviceUrl('redis')), new Redis(serviceUrl('redis'))];
    const namespace = `test-${process.pid}-${Date.now()}`;
    const registries = clients.map((client) =>
      createLimiterRegistry({ namespace, redis: { client } }),
    );
    const semaphores = registries.map((registry) => registry.semaphore('netsuite:ACCT', 2));
    let inFlight = 0;
    let maxInFlight = 0;

    const task = async (): Promise<void> => {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 30));
      inFlight -= 1;
    };
    await Promise.all(Array.from({ length: 12 }, (_, i) => semaphores[i % 2]!.schedule(task)));

    expect(maxInFlight).toBe(2);
    await Promise.all(registries.map((registry) => registry.close()));
    clients.forEach((client) => client.disconnect());
  });
});

async function isRedisReachable(): Promise<boolean> {
  const probe = new Redis(serviceUrl('redis'), { lazyConnect: true, maxRetriesPerRequest: 1 });
  const reachable = await probe.connect().then(
    () => true,
    () => false,
  );
  probe.disconnect();
  return reachable;
}
