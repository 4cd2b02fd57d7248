import { ConflictError } from '@sellerbridge/http-core';
import { describe, expect, it } from 'vitest';
import {
  conflictExistingId,
  createIntegration,
  createMemoryStore,
  defineFlow,
  definePlugin,
  emptySettings,
  type FlowContext,
} from '../src/index';

interface Row {
  orderId: string;
  customer: string;
  badOrder?: boolean;
}

function integrationFor(rows: Row[]) {
  const created: string[] = [];
  const netsuite = {
    async create(recordType: string, eid: string, bad = false): Promise<string> {
      if (bad) throw new ConflictError({ vendor: 'netsuite', operation: 'create', status: 400 });
      created.push(`${recordType}:${eid}`);

      return String(created.length);
    },
  };
  const flow = defineFlow({
    id: 'orders',
    edition: 'starter',
    schedule: 'manual',
    traceKey: (row: Row) => row.orderId,
    async *source(_ctx: FlowContext<unknown, unknown, typeof netsuite>) {
      yield { records: rows, checkpoint: rows.length };
    },
    async handle(ctx, row) {
      const customer = await ctx.links.createOnce({
        sourceKey: `buyer:${row.customer}`,
        recordType: 'customer',
        externalId: `amzn-cu-${row.customer}`,
        create: (eid) => ctx.netsuite.create('customer', eid),
      });
      await ctx.links.createOnce({
        sourceKey: `order:${row.orderId}`,
        recordType: 'salesOrder',
        externalId: `amzn-so-${row.orderId}`,
        create: (eid) =>
          ctx.netsuite.create(`salesOrder(entity=${customer.netsuiteId})`, eid, row.badOrder),
      });

      return 'created';
    },
  });
  const plugin = definePlugin({ name: 'p', settings: emptySettings, flows: [flow] });
  const store = createMemoryStore();
  const integration = createIntegration({
    id: 'acme',
    amazon: {},
    netsuite,
    store,
    plugins: [plugin()],
  });

  return { integration, created, store };
}

describe('ctx.links.createOnce', () => {
  it('resolves a dependency once per page even before the page is committed', async () => {
    const { integration, created } = integrationFor([
      { orderId: '1', customer: 'c1' },
      { orderId: '2', customer: 'c1', badOrder: true },
      { orderId: '3', customer: 'c2' },
    ]);

    const summary = await integration.run('orders');

    expect(summary).toMatchObject({ created: 2, failed: 1 });
    expect(created).toEqual([
      'customer:amzn-cu-c1',
      'salesOrder(entity=1):amzn-so-1',
      'customer:amzn-cu-c2',
      'salesOrder(entity=3):amzn-so-3',
    ]);
    expect(
      (await integration.links.list()).map((l) => `${l.recordType}/${l.sourceKey}=${l.netsuiteId}`),
    ).toEqual([
      'customer/buyer:c1=1',
      'customer/buyer:c2=3',
      'salesOrder/order:1=2',
      'salesOrder/order:3=4',
    ]);
    const [error] = await integration.errors.list();
    expect(error?.error).toMatchObject({ name: 'ConflictError', code: 'CONFLICT' });
  });

  it('rejects an invalid external id before any write', async () => {
    const { integration, created } = integrationFor([{ orderId: 'bad id', customer: 'c1' }]);

    const summary = await integration.run('orders');

    expect(summary.failed).toBe(1);
    expect(created).toEqual(['customer:amzn-cu-c1']);
    expect((await integration.errors.list())[0]?.error.message).toMatch(
      /'amzn-so-bad id' is not a valid external id/,
    );
  });
});

describe(conflictExistingId.name, () => {
  it('reads existingId from a ConflictError only', () => {
    const init = { vendor: 'netsuite' as const, operation: 'create' };

    expect(conflictExistingId(new ConflictError({ ...init, existingId: '42' }))).toBe('42');
    expect(conflictExistingId(new ConflictError(init))).toBeUndefined();
    expect(conflictExistingId(new Error('x'))).toBeUndefined();
    expect(conflictExistingId(null)).toBeUndefined();
  });
});
