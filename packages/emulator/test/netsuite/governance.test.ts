import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './helpers';

describe('concurrency governance', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.ns.close();
    h = undefined;
  });

  it('admits the account limit of in-flight requests and answers 429 over it', async () => {
    // 20 s of read latency at timeScale 20 keeps each request in flight for one second.
    h = await startHarness({
      concurrencyLimit: 5,
      latencyMs: { read: [20_000, 20_000] },
      timeScale: 20,
    });
    const harness = h;
    const responses = await Promise.all(
      Array.from({ length: 8 }, () => harness.call('GET', '/record/v1/customer')),
    );
    const statuses = responses.map((r) => r.status).sort();

    expect(statuses.filter((s) => s === 200)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(3);

    const rejected = responses.find((r) => r.status === 429) as Response;
    expect(await rejected.json()).toMatchObject({
      status: 429,
      title: 'Too Many Requests',
      'o:errorDetails': [
        {
          'o:errorCode': 'CONCURRENCY_LIMIT_EXCEEDED',
          detail: 'Concurrent request limit exceeded. Request blocked.',
        },
      ],
    });
    expect(harness.ns.inspect.governance()).toMatchObject({
      peakInFlight: 5,
      rejected: 3,
      inFlight: 0,
    });
  });

  it('frees slots when requests finish', async () => {
    h = await startHarness({ concurrencyLimit: 1 });
    for (let i = 0; i < 4; i += 1)
      expect((await h.call('GET', '/record/v1/customer')).status).toBe(200);
  });

  it('can answer the slow 401 INVALID_LOGIN NetSuite gives under TBA overload', async () => {
    h = await startHarness({
      concurrencyLimit: 1,
      concurrencyOverflow: 'invalidLogin',
      invalidLoginDelayMs: 60_000,
      latencyMs: { read: [20_000, 20_000] },
      timeScale: 40,
    });
    const harness = h;
    const started = Date.now();
    const [first, second] = await Promise.all([
      harness.call('GET', '/record/v1/customer'),
      harness.call('GET', '/record/v1/customer'),
    ]);
    expect([first?.status, second?.status].sort()).toEqual([200, 401]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1400); // 60 s / 40
  });

  it('scales write latency by timeScale', async () => {
    h = await startHarness({ latencyMs: { write: [3000, 3000] }, timeScale: 30 });
    const started = Date.now();
    await h.create('department', { name: 'Ops' });
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(95);
    expect(elapsed).toBeLessThan(1500);
  });
});

describe('fault injection', () => {
  let h: Harness;
  afterEach(() => h.ns.close());

  it('serves scripted 500, 503, 429 and resets', async () => {
    h = await startHarness();
    h.ns.inspect.queueFaults(['500', '503', '429', 'reset', null]);

    const first = await h.call('GET', '/record/v1/customer');
    expect(first.status).toBe(500);
    expect(await first.json()).toMatchObject({
      'o:errorDetails': [{ 'o:errorCode': 'UNEXPECTED_ERROR' }],
    });
    expect((await h.call('GET', '/record/v1/customer')).status).toBe(503);
    expect((await h.call('GET', '/record/v1/customer')).status).toBe(429);
    await expect(h.call('GET', '/record/v1/customer')).rejects.toThrow();
    expect((await h.call('GET', '/record/v1/customer')).status).toBe(200);
  });

  it('commits before a reset-after-commit so a client can find the record by external id', async () => {
    h = await startHarness();
    h.ns.inspect.queueFaults(['resetAfterCommit']);
    await expect(
      h.call('POST', '/record/v1/department', { name: 'Lost reply', externalId: 'dep-1' }),
    ).rejects.toThrow();
    expect(h.ns.inspect.count('department', 'dep-1')).toBe(1);
    expect((await h.call('GET', '/record/v1/department/eid:dep-1')).status).toBe(200);
  });

  it('injects 429 bursts and random faults reproducibly', async () => {
    h = await startHarness({ faults: { burst429: { every: 4, length: 2 } } });
    const statuses: number[] = [];
    for (let i = 0; i < 8; i += 1)
      statuses.push((await h.call('GET', '/record/v1/customer')).status);
    expect(statuses).toEqual([200, 200, 429, 429, 200, 200, 429, 429]);
  });

  it('delays slow replies by slowMs / timeScale', async () => {
    h = await startHarness({ faults: { slowMs: 5000 }, timeScale: 25 });
    h.ns.inspect.queueFaults(['slow']);
    const started = Date.now();
    expect((await h.call('GET', '/record/v1/customer')).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
  });
});
