import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { ServerError } from '@sellerbridge/http-core';
import { LockHeldError, createMemoryStore, defineFlow } from '../src/index';
import { FakeNetSuite, integrationWithFlow, orders, testIntegration } from './helpers';

describe('integration.run', () => {
  it('handles every page, creates each record once and returns the summary', async () => {
    const { integration, store, netsuite } = testIntegration(orders(7));

    const summary = await integration.run('orders');

    expect(summary).toMatchObject({
      status: 'completed',
      flowId: 'orders',
      read: 7,
      created: 7,
      updated: 0,
      skipped: 0,
      failed: 0,
    });
    expect(summary.durationMs).toBeGreaterThanOrEqual(0);
    expect(netsuite.records.size).toBe(7);
    expect(await store.getCheckpoint('acme-test', 'orders')).toBe(7);
    expect(await integration.links.get('salesOrder', 'order:order-3')).toMatchObject({
      netsuiteId: '1002',
      externalId: 'amzn-so-order-3',
    });
    expect((await integration.runs.list()).map((r) => r.status)).toEqual(['completed']);
  });

  it('isolates a failing record: the page completes, the error is recorded, the checkpoint moves on', async () => {
    const { integration, store } = testIntegration(orders(6, (i) => ({ fail: i === 2 })));

    const summary = await integration.run('orders');
    const errors = await integration.errors.list();

    expect(summary).toMatchObject({ read: 6, created: 5, failed: 1, status: 'completed' });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      flowId: 'orders',
      traceKey: 'order-2',
      attempts: 1,
      status: 'open',
    });
    expect(errors[0]?.error).toMatchObject({
      name: 'Error',
      message: 'cannot map order order-2 for nobody',
    });
    expect(await store.getCheckpoint('acme-test', 'orders')).toBe(6);
  });

  it('resumes from the checkpoint and skips linked records on a second run', async () => {
    const data = orders(4);
    const { integration, netsuite } = testIntegration(data);
    await integration.run('orders');

    data.push(...orders(6).slice(4));
    const second = await integration.run('orders');

    expect(second).toMatchObject({ read: 2, created: 2, skipped: 0 });
    expect(netsuite.records.size).toBe(6);
  });

  it('links the existing record when a crash left a created record without its link', async () => {
    const netsuite = new FakeNetSuite();
    await netsuite.createSalesOrder('amzn-so-order-1', '10.00');
    const { integration } = testIntegration(orders(2), { netsuite });

    const summary = await integration.run('orders');

    expect(summary).toMatchObject({ created: 1, linked: 1, failed: 0 });
    expect(netsuite.records.size).toBe(2);
    expect((await integration.links.get('salesOrder', 'order:order-1'))?.netsuiteId).toBe('1000');
  });

  it('keeps state of two integrations on one store apart', async () => {
    const store = createMemoryStore();
    const sandbox = testIntegration(orders(3), { store, id: 'acme-sandbox' });
    const production = testIntegration(orders(5), { store, id: 'acme-production' });

    await sandbox.integration.run('orders');
    const summary = await production.integration.run('orders');

    expect(summary.created).toBe(5);
    expect(await store.getCheckpoint('acme-sandbox', 'orders')).toBe(3);
    expect(await store.getCheckpoint('acme-production', 'orders')).toBe(5);
    expect(await sandbox.integration.links.list()).toHaveLength(3);
  });

  it('records writes in a dry run and changes no state', async () => {
    const { integration, store, netsuite } = testIntegration(orders(4, (i) => ({ fail: i === 4 })));
    const writeEvents: boolean[] = [];
    integration.on('write', (event) => writeEvents.push(event.sent));

    const summary = await integration.run('orders', { dryRun: true });

    expect(summary).toMatchObject({ dryRun: true, read: 4, created: 3, failed: 1 });
    expect(summary.writes).toEqual(
      [1, 2, 3].map((i) => ({
        target: 'netsuite',
        action: 'create',
        recordType: 'salesOrder',
        externalId: `amzn-so-order-${i}`,
        summary: `sales order for order-${i}`,
      })),
    );
    expect(writeEvents).toEqual([false, false, false]);
    expect(netsuite.creates).toBe(0);
    expect(await store.getCheckpoint('acme-test', 'orders')).toBeUndefined();
    expect(await integration.links.list()).toEqual([]);
    expect(await integration.errors.list()).toEqual([]);
  });

  it('lets one run per flow hold the lock at a time', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { integration } = testIntegration(orders(2), { onHandle: () => gate });

    const first = integration.run('orders');
    await new Promise((resolve) => setImmediate(resolve));

    await expect(integration.run('orders')).rejects.toBeInstanceOf(LockHeldError);
    release();
    expect((await first).status).toBe('completed');
    expect((await integration.run('orders')).status).toBe('completed');
  });

  it('takes over a lock whose holder died once it expires', async () => {
    let nowMs = 1_000_000;
    const store = createMemoryStore();
    await store.acquireLock('acme-test', 'flow:orders', 'dead-process', 30_000, nowMs);
    const { integration } = testIntegration(orders(1), { store, clock: { now: () => nowMs } });

    await expect(integration.run('orders')).rejects.toBeInstanceOf(LockHeldError);
    nowMs += 30_000;

    expect((await integration.run('orders')).status).toBe('completed');
    expect(await store.getLock('acme-test', 'flow:orders')).toBeUndefined();
  });

  it('stops after the record in hand when its signal aborts, keeping the last full page checkpoint', async () => {
    const controller = new AbortController();
    const handled: string[] = [];
    const { integration, store } = testIntegration(orders(9), {
      onHandle: (order) => {
        handled.push(order.orderId);
        if (order.orderId === 'order-5') controller.abort();
      },
    });

    const summary = await integration.run('orders', { signal: controller.signal });

    expect(summary.status).toBe('cancelled');
    expect(handled).toEqual(['order-1', 'order-2', 'order-3', 'order-4', 'order-5']);
    expect(summary).toMatchObject({ read: 5, created: 5 });
    expect(await store.getCheckpoint('acme-test', 'orders')).toBe(3);
    expect(await store.getLock('acme-test', 'flow:orders')).toBeUndefined();
    expect(await integration.links.list()).toHaveLength(5);

    const resumed = await integration.run('orders');
    expect(resumed).toMatchObject({ status: 'completed', read: 6, created: 4, skipped: 2 });
  });

  it('fails the run (not the process) when the source throws, and releases the lock', async () => {
    const store = createMemoryStore();
    const broken = defineFlow({
      id: 'broken',
      edition: 'starter',
      schedule: 'manual',
      traceKey: (record: string) => record,
      // eslint-disable-next-line require-yield
      async *source() {
        throw new ServerError({
          vendor: 'amazon',
          operation: 'searchOrders',
          status: 503,
          requestId: 'req-1',
        });
      },
      handle: async () => 'skipped' as const,
    });
    const { integration } = integrationWithFlow(broken, { store });

    const summary = await integration.run('broken');

    expect(summary.status).toBe('failed');
    expect(summary.error).toMatchObject({
      name: 'ServerError',
      code: 'SERVER',
      status: 503,
      requestId: 'req-1',
      vendor: 'amazon',
    });
    expect(await store.getLock('acme', 'flow:broken')).toBeUndefined();
    expect((await integration.runs.get(summary.runId))?.status).toBe('failed');
  });

  it('emits run, progress and record events without record contents', async () => {
    const { integration } = testIntegration(
      orders(4, (i) => ({ buyerName: `Buyer Person ${i}`, fail: i === 1 })),
    );
    const events: string[] = [];
    integration.on('run', (e) => events.push(`run:${e.phase}:${e.run.status}`));
    integration.on('progress', (e) => events.push(`progress:${e.page}:${e.counts.read}`));
    integration.on('record', (e) => events.push(`record:${e.traceKey}:${e.outcome}`));

    await integration.run('orders');

    expect(events).toEqual([
      'run:started:running',
      'record:order-1:failed',
      'record:order-2:created',
      'record:order-3:created',
      'progress:1:3',
      'record:order-4:created',
      'progress:2:4',
      'run:finished:completed',
    ]);
  });

  it('leaves no listener on a signal reused across runs (the scheduler reuses one)', async () => {
    const { integration } = testIntegration(orders(2));
    const controller = new AbortController();

    for (let i = 0; i < 3; i += 1) await integration.run('orders', { signal: controller.signal });

    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });
});
