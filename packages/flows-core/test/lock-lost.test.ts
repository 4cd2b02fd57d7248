import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../src/index';
import { orders, testIntegration } from './helpers';

describe('run lock', () => {
  it('stops with LockLostError when its lock expired and another holder took it', async () => {
    let nowMs = 0;
    const store = createMemoryStore();
    const { integration } = testIntegration(orders(6), {
      store,
      lockTtlMs: 30,
      clock: { now: () => nowMs },
      onHandle: async (order) => {
        if (order.orderId !== 'order-2') return;
        nowMs += 1000;
        await store.acquireLock('acme-test', 'flow:orders', 'intruder', 60_000, nowMs);
        await new Promise((resolve) => setTimeout(resolve, 50));
      },
    });

    const summary = await integration.run('orders');

    expect(summary.status).toBe('failed');
    expect(summary.error).toMatchObject({ name: 'LockLostError', code: 'LOCK_LOST' });
    expect(summary.read).toBe(2);
    expect(await store.getCheckpoint('acme-test', 'orders')).toBeUndefined();
    expect((await store.getLock('acme-test', 'flow:orders'))?.holder).toBe('intruder');
    expect(await integration.links.list()).toHaveLength(2);
  });
});

describe('recordOnlyTargets', () => {
  it('records writes to a record-only target outside dry runs and sends the others', async () => {
    const { createIntegration, defineFlow, definePlugin, emptySettings } =
      await import('../src/index');
    const sent: string[] = [];
    const flow = defineFlow({
      id: 'listings',
      edition: 'starter',
      schedule: 'manual',
      traceKey: (sku: string) => sku,
      async *source() {
        yield { records: ['SKU-1'], checkpoint: 1 };
      },
      async handle(ctx, sku) {
        const amazon = await ctx.write(
          { target: 'amazon', action: 'patchListingsItem', recordType: 'listing' },
          async () => sent.push(`amazon:${sku}`),
        );
        const netsuite = await ctx.write(
          { target: 'netsuite', action: 'update', recordType: 'item' },
          async () => sent.push(`netsuite:${sku}`),
        );

        return amazon.sent || !netsuite.sent ? 'skipped' : 'updated';
      },
    });
    const plugin = definePlugin({ name: 'p', settings: emptySettings, flows: [flow] });
    const integration = createIntegration({
      id: 'acme-sandbox',
      amazon: {},
      netsuite: {},
      store: createMemoryStore(),
      plugins: [plugin()],
      recordOnlyTargets: ['amazon'],
    });

    const summary = await integration.run('listings');

    expect(summary).toMatchObject({ updated: 1, dryRun: false });
    expect(sent).toEqual(['netsuite:SKU-1']);
    expect(summary.writes).toEqual([
      { target: 'amazon', action: 'patchListingsItem', recordType: 'listing' },
    ]);
  });
});
