import { describe, expect, it } from 'vitest';
import { ConfigurationError, defineFlow, externalId, type FlowContext } from '../src/index';
import { FakeNetSuite, integrationWithFlow, orders, testIntegration } from './helpers';

/** Lets other handlers run for `n` event-loop turns (no real time). */
async function turns(n: number): Promise<void> {
  for (let i = 0; i < n; i += 1) await new Promise((resolve) => setImmediate(resolve));
}

/** Tracks handlers in flight; each waits a number of turns that varies with the order number. */
function inFlightProbe() {
  const probe = { current: 0, max: 0, started: [] as string[] };
  const onHandle = async (order: { orderId: string }): Promise<void> => {
    probe.started.push(order.orderId);
    probe.current += 1;
    probe.max = Math.max(probe.max, probe.current);
    await turns(1 + ((Number(order.orderId.slice(6)) * 7) % 5));
    probe.current -= 1;
  };

  return { probe, onHandle };
}

describe('per-page concurrency', () => {
  it('never has more than `concurrency` records in flight and handles each once', async () => {
    const { probe, onHandle } = inFlightProbe();
    const { integration, store, netsuite } = testIntegration(orders(25), {
      pageSize: 10,
      concurrency: 4,
      onHandle,
    });

    const summary = await integration.run('orders');

    expect(summary).toMatchObject({ status: 'completed', read: 25, created: 25, failed: 0 });
    expect(probe.max).toBe(4);
    expect(new Set(probe.started).size).toBe(25);
    expect(netsuite.creates).toBe(25);
    expect(await store.getCheckpoint('acme-test', 'orders')).toBe(25);
  });

  it('keeps today’s one-at-a-time behaviour by default', async () => {
    const { probe, onHandle } = inFlightProbe();
    const { integration } = testIntegration(orders(8), { pageSize: 8, onHandle });

    await integration.run('orders');

    expect(probe.max).toBe(1);
    expect(probe.started).toEqual(orders(8).map((o) => o.orderId));
  });

  it('takes the concurrency from the plugin settings or a run option', async () => {
    const fromSettings = inFlightProbe();
    const bySettings = testIntegration(orders(9), {
      pageSize: 9,
      concurrency: (settings) => settings.pageSize - 6,
      onHandle: fromSettings.onHandle,
    });
    await bySettings.integration.run('orders');
    expect(fromSettings.probe.max).toBe(3);

    const overridden = inFlightProbe();
    const byOption = testIntegration(orders(9), {
      pageSize: 9,
      concurrency: 4,
      onHandle: overridden.onHandle,
    });
    await byOption.integration.run('orders', { concurrency: 2 });
    expect(overridden.probe.max).toBe(2);
  });

  it('rejects an invalid concurrency at definition, start-up and run', async () => {
    const flow = {
      id: 'bad',
      edition: 'starter' as const,
      schedule: 'manual' as const,
      traceKey: (r: string) => r,
      async *source() {},
      handle: async () => 'skipped' as const,
    };
    expect(() => defineFlow({ ...flow, concurrency: 0 })).toThrow(ConfigurationError);
    expect(() => integrationWithFlow(defineFlow({ ...flow, concurrency: () => 1.5 }))).toThrow(
      /concurrency must be an integer from 1 to 1000, got 1.5/,
    );

    const { integration } = integrationWithFlow(defineFlow(flow));
    await expect(integration.run('bad', { concurrency: -1 })).rejects.toThrow(ConfigurationError);
  });

  it('saves a page checkpoint only after every record of the page is written', async () => {
    const finished = new Set<string>();
    const { integration, store } = testIntegration(orders(12), {
      pageSize: 6,
      concurrency: 3,
      // The first record of each page is the slowest, so it finishes last.
      onHandle: async (order) => {
        const n = Number(order.orderId.slice(6));
        await turns(n % 6 === 1 ? 8 : 1);
      },
    });
    integration.on('record', (event) => finished.add(event.traceKey));
    const checkpoints: Array<{ checkpoint: unknown; finished: number }> = [];
    const commitPage = store.commitPage.bind(store);
    store.commitPage = async (ns, commit) => {
      if (commit.checkpoint !== undefined)
        checkpoints.push({ checkpoint: commit.checkpoint, finished: finished.size });

      return commitPage(ns, commit);
    };

    await integration.run('orders');

    expect(checkpoints).toEqual([
      { checkpoint: 6, finished: 6 },
      { checkpoint: 12, finished: 12 },
    ]);
    expect(await integration.links.list()).toHaveLength(12);
  });

  it('isolates failing records: the others of the page are created, errors recorded', async () => {
    const { integration, store } = testIntegration(
      orders(10, (i) => ({ fail: i === 2 || i === 7 })),
      {
        pageSize: 5,
        concurrency: 4,
        onHandle: () => turns(2),
      },
    );

    const summary = await integration.run('orders');

    expect(summary).toMatchObject({ status: 'completed', read: 10, created: 8, failed: 2 });
    expect((await integration.errors.list()).map((e) => e.traceKey).sort()).toEqual([
      'order-2',
      'order-7',
    ]);
    expect(await store.getCheckpoint('acme-test', 'orders')).toBe(10);
  });

  it('on a stop mid-page finishes the records in hand, starts none, keeps the checkpoint', async () => {
    const controller = new AbortController();
    const { probe, onHandle } = inFlightProbe();
    const { integration, store } = testIntegration(orders(14), {
      pageSize: 7,
      concurrency: 3,
      onHandle: async (order) => {
        if (order.orderId === 'order-10') controller.abort();
        await onHandle(order);
      },
    });

    const summary = await integration.run('orders', { signal: controller.signal });

    // Page 1 (1–7) complete; in page 2, 8, 9 and 10 were in hand when the stop came.
    expect(summary.status).toBe('cancelled');
    expect(probe.started.slice(7).sort()).toEqual(['order-10', 'order-8', 'order-9']);
    expect(summary).toMatchObject({ read: 10, created: 10 });
    expect(probe.current).toBe(0);
    expect(await store.getCheckpoint('acme-test', 'orders')).toBe(7);
    expect(await integration.links.list()).toHaveLength(10);
    expect(await store.getLock('acme-test', 'flow:orders')).toBeUndefined();

    const resumed = await integration.run('orders');
    expect(resumed).toMatchObject({ status: 'completed', read: 7, created: 4, skipped: 3 });
  });

  it('a forced stop aborts every record in hand and records no error', async () => {
    const signals: AbortSignal[] = [];
    const host: { shutdown?: (o: { force: boolean }) => Promise<void> } = {};
    type Ctx = FlowContext<unknown, unknown, unknown>;
    const flow = defineFlow({
      id: 'slow',
      edition: 'starter',
      schedule: 'manual',
      concurrency: 3,
      traceKey: (n: number) => `n-${n}`,
      async *source() {
        yield { records: [1, 2, 3, 4, 5, 6], checkpoint: 6 };
      },
      async handle(ctx: Ctx) {
        signals.push(ctx.signal);
        const aborted = new Promise((_, reject) => {
          ctx.signal.addEventListener('abort', () => reject(new Error('aborted')), { once: true });
        });
        if (signals.length === 3) void host.shutdown?.({ force: true });
        await aborted;

        return 'created';
      },
    });
    const { integration, store } = integrationWithFlow(flow);
    host.shutdown = integration.shutdown;

    const summary = await integration.run('slow');

    expect(summary).toMatchObject({ status: 'cancelled', read: 3, created: 0, failed: 0 });
    expect(signals).toHaveLength(3);
    expect(await integration.errors.list()).toHaveLength(0);
    expect(await store.getCheckpoint('acme', 'slow')).toBeUndefined();
  });

  it('two records creating one shared record concurrently: one creates, one links it', async () => {
    const netsuite = new FakeNetSuite();
    type Ctx = FlowContext<unknown, unknown, FakeNetSuite>;
    const flow = defineFlow({
      id: 'shared',
      edition: 'starter',
      schedule: 'manual',
      concurrency: 4,
      traceKey: (order: { id: string; buyer: string }) => order.id,
      async *source() {
        const records = ['a', 'b', 'a', 'c', 'a'].map((buyer, i) => ({ id: `o${i}`, buyer }));
        yield { records, checkpoint: 1 };
      },
      async handle(ctx: Ctx, order) {
        const customer = await ctx.links.createOnce({
          sourceKey: `buyer:${order.buyer}`,
          recordType: 'customer',
          externalId: externalId('cust', order.buyer),
          create: async (eid) => {
            await turns(2);
            return ctx.netsuite.createSalesOrder(eid, '0.00');
          },
        });

        return { outcome: 'created', netsuiteId: customer.netsuiteId };
      },
    });
    const { integration } = integrationWithFlow(flow, { netsuite });

    const summary = await integration.run('shared');

    // o0 and o2 raced for buyer a (one create answered by a ConflictError, so that record counts
    // as linked); o4 found the link.
    expect(summary).toMatchObject({ status: 'completed', created: 4, linked: 1, failed: 0 });
    expect(netsuite.records.size).toBe(3);
    expect(netsuite.creates).toBe(4);
    expect(await integration.links.list({ recordType: 'customer' })).toHaveLength(3);
  });
});
