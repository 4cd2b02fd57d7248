import { afterEach, describe, expect, it } from 'vitest';
import { parseUsagePlanTable } from '../../src/amazon/server/usage-plan-generator';
import { formatRate, lookupUsagePlan, UsagePlanLimiter } from '../../src/amazon/server/usage-plans';
import type { RunningAmazonEmulator } from '../../src/amazon/server/emulator';
import { call, createFakeClock, sellerToken, startTestEmulator } from './helpers';

describe(UsagePlanLimiter.name, () => {
  it('allows exactly the burst, then one call per 1/rate seconds', () => {
    const clock = createFakeClock();
    const limiter = new UsagePlanLimiter(clock.now, 1);
    const plan = { rate: 0.5, burst: 3 };
    const results = Array.from({ length: 4 }, () => limiter.take('k', plan).allowed);
    expect(results).toEqual([true, true, true, false]);

    clock.advance(1999);
    expect(limiter.take('k', plan).allowed).toBe(false);
    clock.advance(1);
    expect(limiter.take('k', plan).allowed).toBe(true);
    expect(limiter.take('k', plan).allowed).toBe(false);
  });

  it('multiplies the rate by timeScale and keeps the burst', () => {
    const clock = createFakeClock();
    const limiter = new UsagePlanLimiter(clock.now, 10);
    const plan = lookupUsagePlan('GET', '/orders/2026-01-01/orders', 'searchOrders');
    expect(plan).toEqual({ operation: 'searchOrders', rate: 0.0056, burst: 20 });

    for (let i = 0; i < 20; i += 1) expect(limiter.take('k', plan).allowed).toBe(true);
    expect(limiter.take('k', plan).allowed).toBe(false);
    // 1 token at 0.056/s takes 17.857 s.
    clock.advance(17_857);
    expect(limiter.take('k', plan).allowed).toBe(false);
    clock.advance(1);
    const taken = limiter.take('k', plan);
    expect(taken.allowed).toBe(true);
    expect(formatRate(taken.rate)).toBe('0.056');
  });

  it('keeps separate buckets per key', () => {
    const limiter = new UsagePlanLimiter(createFakeClock().now, 1);
    const plan = { rate: 1, burst: 1 };
    expect(limiter.take('app|A|na|op', plan).allowed).toBe(true);
    expect(limiter.take('app|B|na|op', plan).allowed).toBe(true);
    expect(limiter.take('app|A|na|op', plan).allowed).toBe(false);
  });
});

describe(parseUsagePlanTable.name, () => {
  it('reads rate and burst from a model description', () => {
    const text =
      'Foo\n\n**Usage Plan:**\n\n| Rate (requests per second) | Burst |\n| ---- | ---- |\n| 0.0167 | 15 |\n\nThe `x-amzn-RateLimit-Limit`';
    expect(parseUsagePlanTable(text)).toEqual({ rate: 0.0167, burst: 15 });
    expect(parseUsagePlanTable('no table')).toBeUndefined();
  });
});

describe('usage plans over HTTP', () => {
  let amazon: RunningAmazonEmulator;
  afterEach(async () => amazon.close());

  it('throttles createRestrictedDataToken at burst 10 with Amazon 429 and refills at the scaled rate', async () => {
    const started = await startTestEmulator({ timeScale: 2 });
    amazon = started.amazon;
    const token = await sellerToken(amazon);
    const body = { restrictedResources: [{ method: 'GET', path: '/orders/v0/orders' }] };
    const statuses: number[] = [];
    for (let i = 0; i < 11; i += 1)
      statuses.push(
        (await call(amazon, token, 'POST', '/tokens/2021-03-01/restrictedDataToken', body)).status,
      );
    expect(statuses).toEqual([...Array(10).fill(200), 429]);

    const throttled = await call(
      amazon,
      token,
      'POST',
      '/tokens/2021-03-01/restrictedDataToken',
      body,
    );
    expect(throttled.body).toEqual({
      errors: [
        { code: 'QuotaExceeded', message: 'You exceeded your quota for the requested resource.' },
      ],
    });
    expect(throttled.headers.get('retry-after')).toBeNull();
    expect(throttled.headers.get('x-amzn-requestid')).toBeTruthy();

    started.clock.advance(500);
    const refilled = await call(
      amazon,
      token,
      'POST',
      '/tokens/2021-03-01/restrictedDataToken',
      body,
    );
    expect(refilled.status).toBe(200);
    expect(refilled.headers.get('x-amzn-ratelimit-limit')).toBe('2');
    expect(amazon.inspect.requestCounts().createRestrictedDataToken).toEqual({
      received: 13,
      throttled: 2,
    });
  });
});
