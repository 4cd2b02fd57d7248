/** A create answered by the external-id conflict counts as `linked`, never as `created`. */
import { describe, expect, it } from 'vitest';
import {
  createMemoryStore,
  defineFlow,
  externalId,
  type FlowContext,
  type RecordEvent,
} from '../src/index';
import { FakeNetSuite, integrationWithFlow, orders, testIntegration } from './helpers';

describe('linked count', () => {
  it('counts a createOnce whose create conflicts as linked, in the summary, event and run record', async () => {
    const netsuite = new FakeNetSuite();
    await netsuite.createSalesOrder('amzn-so-order-2', '10.00');
    const { integration } = testIntegration(orders(3), { netsuite });
    const outcomes: RecordEvent['outcome'][] = [];
    integration.on('record', (event) => outcomes.push(event.outcome));

    const summary = await integration.run('orders');

    expect(summary).toMatchObject({ read: 3, created: 2, linked: 1, failed: 0 });
    expect(outcomes).toEqual(['created', 'linked', 'created']);
    expect((await integration.runs.get(summary.runId))?.counts).toEqual({
      read: 3,
      created: 2,
      linked: 1,
      updated: 0,
      skipped: 0,
      failed: 0,
    });
    expect((await integration.links.get('salesOrder', 'order:order-2'))?.netsuiteId).toBe('1000');
  });

  it('after a crash before the page commit, created over both runs equals the records made', async () => {
    const netsuite = new FakeNetSuite();
    const store = createMemoryStore();
    const commitPage = store.commitPage.bind(store);
    let commits = 0;
    store.commitPage = async (ns, commit) => {
      commits += 1;
      if (commits === 2) throw new Error('process killed before the commit of page 2');
      await commitPage(ns, commit);
    };
    const { integration } = testIntegration(orders(6), { netsuite, store });

    const crashed = await integration.run('orders');
    const rerun = await integration.run('orders');

    expect(crashed).toMatchObject({ status: 'failed', created: 6, linked: 0 });
    expect(rerun).toMatchObject({ status: 'completed', read: 3, created: 0, linked: 3 });
    expect(crashed.created + rerun.created).toBe(netsuite.records.size);
    expect(await integration.links.list()).toHaveLength(6);
  });

  it('counts a record as created when it created its own record and only linked a dependency', async () => {
    const netsuite = new FakeNetSuite();
    await netsuite.createSalesOrder('cust-a', '0.00');
    await netsuite.createSalesOrder('so-o2', '10.00');
    type Ctx = FlowContext<unknown, unknown, FakeNetSuite>;
    const flow = defineFlow({
      id: 'orders',
      edition: 'starter',
      schedule: 'manual',
      traceKey: (order: { id: string; buyer: string }) => order.id,
      async *source() {
        yield {
          records: [
            { id: 'o1', buyer: 'a' },
            { id: 'o2', buyer: 'a' },
          ],
          checkpoint: 2,
        };
      },
      async handle(ctx: Ctx, order) {
        const createOnce = (recordType: string, sourceKey: string, eid: string) =>
          ctx.links.createOnce({
            recordType,
            sourceKey,
            externalId: eid,
            create: (id) => ctx.netsuite.createSalesOrder(id, '10.00'),
          });
        await createOnce('customer', `buyer:${order.buyer}`, externalId('cust', order.buyer));
        await createOnce('salesOrder', `order:${order.id}`, externalId('so', order.id));

        return 'created';
      },
    });
    const { integration } = integrationWithFlow(flow, { netsuite });

    const summary = await integration.run('orders');

    // o1: customer linked (conflict), its sales order created; o2: customer already linked, its
    // sales order linked (conflict) — nothing created for o2.
    expect(summary).toMatchObject({ read: 2, created: 1, linked: 1, failed: 0 });
    expect(netsuite.records.size).toBe(3);
  });

  it('counts a handler that returns linked as linked', async () => {
    const flow = defineFlow({
      id: 'found',
      edition: 'starter',
      schedule: 'manual',
      traceKey: (n: number) => `n-${n}`,
      async *source() {
        yield { records: [1, 2], checkpoint: 2 };
      },
      handle: async () => ({ outcome: 'linked' as const, netsuiteId: '7' }),
    });
    const { integration } = integrationWithFlow(flow);

    expect(await integration.run('found')).toMatchObject({ created: 0, linked: 2 });
  });
});
