import { describe, expect, it } from 'vitest';
import { defineFlow } from '../src/index';
import { integrationWithFlow, orders, testIntegration } from './helpers';

describe('integration.installSignalHandlers', () => {
  it('on SIGTERM finishes the record in hand, saves the run, releases the lock', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const handled: string[] = [];
    const { integration, store } = testIntegration(orders(6), {
      onHandle: async (order) => {
        handled.push(order.orderId);
        if (order.orderId === 'order-4') await gate;
      },
    });
    const uninstall = integration.installSignalHandlers({
      signals: ['SIGTERM'],
      exitAfterShutdown: false,
    });
    const listenersBefore = process.listenerCount('SIGTERM');

    const run = integration.run('orders');
    while (handled.length < 4) await new Promise((resolve) => setImmediate(resolve));
    process.emit('SIGTERM', 'SIGTERM');
    release();
    const summary = await run;
    await new Promise((resolve) => setImmediate(resolve));

    expect(summary).toMatchObject({ status: 'cancelled', read: 4, created: 4 });
    expect(handled).toEqual(['order-1', 'order-2', 'order-3', 'order-4']);
    expect(await store.getCheckpoint('acme-test', 'orders')).toBe(3);
    expect(await store.getLock('acme-test', 'flow:orders')).toBeUndefined();
    expect((await integration.runs.get(summary.runId))?.status).toBe('cancelled');
    expect(process.listenerCount('SIGTERM')).toBe(listenersBefore - 1);
    await expect(integration.run('orders')).rejects.toThrow(/shut down/);
    uninstall();
  });
});

describe('integration.shutdown({ force: true })', () => {
  it('aborts ctx.signal for the record in hand, records no error, and ends the run cancelled', async () => {
    let started!: () => void;
    const inFlight = new Promise<void>((resolve) => (started = resolve));
    const flow = defineFlow({
      id: 'slow',
      edition: 'starter',
      schedule: 'manual',
      traceKey: (n: number) => `n-${n}`,
      async *source() {
        yield { records: [1, 2], checkpoint: 2 };
      },
      async handle(ctx) {
        started();
        await new Promise((_, reject) =>
          ctx.signal.addEventListener('abort', () => reject(new Error('aborted'))),
        );

        return 'created' as const;
      },
    });
    const { integration, store } = integrationWithFlow(flow);

    const run = integration.run('slow');
    await inFlight;
    await integration.shutdown({ force: true });
    const summary = await run;

    expect(summary).toMatchObject({ status: 'cancelled', read: 1, created: 0, failed: 0 });
    expect(summary.error).toBeUndefined();
    expect(await integration.errors.list()).toEqual([]);
    expect(await store.getCheckpoint('acme', 'slow')).toBeUndefined();
    expect(await store.getLock('acme', 'flow:slow')).toBeUndefined();
  });
});
