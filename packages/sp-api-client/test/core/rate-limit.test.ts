import { setImmediate as flushIo } from 'node:timers/promises';
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SP_URL, isolateNetwork, mockLwa, testClient } from './helpers';

const ORDER = { order: { orderId: '1', createdTime: 't', lastUpdatedTime: 't' } };

/**
 * Advances fake time in small steps, letting nock deliver responses (real setImmediate) between
 * them, until `until` settles or `totalMs` has passed.
 */
async function advance(totalMs: number, stepMs = 250, until?: Promise<unknown>): Promise<void> {
  let settled = false;
  void until?.then(
    () => (settled = true),
    () => (settled = true),
  );

  for (let elapsed = 0; elapsed < totalMs && !settled; elapsed += stepMs) {
    await vi.advanceTimersByTimeAsync(stepMs);
    for (let tick = 0; tick < 5; tick += 1) await flushIo();
  }
}

/** Fakes timers and Date but not setImmediate, which nock uses to deliver responses. */
function useFakeClock(): void {
  vi.useFakeTimers({
    toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
  });
}

/** Bottleneck's stop waits on the (fake) timers its limiters were created with. */
async function closeUnderFakeClock(client: { close(): Promise<void> }): Promise<void> {
  const closing = client.close();

  await advance(2_000);
  await closing;
}

describe('proactive rate limiting', () => {
  beforeEach(isolateNetwork);
  afterEach(() => {
    vi.useRealTimers();
    nock.cleanAll();
  });

  it('sends 30 calls of a 0.5/s burst-30 operation at once, then one every 2 s, with no 429', async () => {
    useFakeClock();
    const start = Date.now();
    const sentAtMs: number[] = [];
    mockLwa();
    nock(SP_URL)
      .get(/\/orders\/2026-01-01\/orders\/\d+/)
      .times(100)
      .reply(() => {
        sentAtMs.push(Date.now() - start);
        return [200, ORDER];
      });
    const client = testClient({ rateLimits: { enabled: true }, timeoutMs: 10 * 86_400_000 });

    const calls = Array.from({ length: 100 }, (_, index) =>
      client.call('getOrder', { path: { orderId: String(index) } }),
    );
    const all = Promise.all(calls);
    await advance(200_000, 250, all);
    const results = await all;

    expect(results.every((result) => result.status === 200)).toBe(true);
    expect(sentAtMs.filter((atMs) => atMs - sentAtMs[0]! < 1000)).toHaveLength(30);
    const later = sentAtMs.slice(30);
    const gapsMs = later.slice(1).map((atMs, index) => atMs - later[index]!);
    expect(later).toHaveLength(70);
    expect(Math.min(...gapsMs)).toBeGreaterThanOrEqual(1750);
    expect(Math.max(...gapsMs)).toBeLessThanOrEqual(2250);
    expect(later[69]!).toBeGreaterThanOrEqual(139_000);
    await closeUnderFakeClock(client);
  });

  it('corrects the rate from x-amzn-RateLimit-Limit and honours a per-operation override', async () => {
    useFakeClock();
    const start = Date.now();
    const sentAtMs: number[] = [];
    mockLwa();
    nock(SP_URL)
      .get('/sellers/v1/account')
      .times(4)
      .reply(() => {
        sentAtMs.push(Date.now() - start);
        return [200, { payload: {} }, { 'x-amzn-RateLimit-Limit': '1' }];
      });
    const client = testClient({
      rateLimits: { enabled: true, overrides: { getAccount: { ratePerSecond: 0.1, burst: 1 } } },
      timeoutMs: 10 * 86_400_000,
    });

    const calls = [1, 2, 3, 4].map(() => client.call('getAccount'));
    const all = Promise.all(calls);
    await advance(60_000, 50, all);
    await all;

    // The override alone spaces calls 10 s apart (30 s for four); the header (1/s) shortens it to
    // about 3 s. The bound leaves room for fake time that passes while nock delivers on a loaded
    // machine (6.4 s seen), and still fails if the header were ignored.
    expect(sentAtMs).toHaveLength(4);
    expect(sentAtMs[1]! - sentAtMs[0]!).toBeGreaterThanOrEqual(750);
    expect(sentAtMs[3]! - sentAtMs[0]!).toBeLessThan(15_000);
    await closeUnderFakeClock(client);
  }, 10_000);
});
