/** Test doubles: an array source, a NetSuite-like target enforcing unique external ids. */
import { ConflictError } from '@sellerbridge/http-core';
import { z } from 'zod';
import {
  createIntegration,
  createMemoryStore,
  defineFlow,
  definePlugin,
  emptySettings,
  externalId,
  type Flow,
  type FlowContext,
  type HandleResult,
  type StateStore,
} from '../src/index';

/** A test order; `buyerName` and `shippingAddress` are personal data. */
export interface TestOrder {
  orderId: string;
  amount: string;
  buyerName?: string;
  shippingAddress?: { city: string; addressLine1: string };
  deliveredAt?: string;
  fail?: boolean;
}

/** Orders `n` numbered from 1. */
export function orders(
  n: number,
  extra: (i: number) => Partial<TestOrder> = () => ({}),
): TestOrder[] {
  return Array.from({ length: n }, (_, index) => ({
    orderId: `order-${index + 1}`,
    amount: '10.00',
    ...extra(index + 1),
  }));
}

/** A NetSuite-like target: creates get ids; a reused external id is a ConflictError with existingId. */
export class FakeNetSuite {
  readonly records = new Map<string, { id: string; amount: string }>();
  creates = 0;

  async createSalesOrder(eid: string, amount: string): Promise<string> {
    this.creates += 1;
    const existing = this.records.get(eid);
    if (existing) {
      throw new ConflictError({
        vendor: 'netsuite',
        operation: 'createRecord',
        status: 400,
        existingId: existing.id,
      });
    }

    const id = String(1000 + this.records.size);
    this.records.set(eid, { id, amount });

    return id;
  }
}

/** The settings of the test plugin. */
export const testSettings = z.object({
  pageSize: z.number().int().positive().default(3),
  prefix: z.string().default('so'),
});

type Ctx = FlowContext<z.output<typeof testSettings>, unknown, FakeNetSuite>;

/** Builds the test plugin over a list of orders. */
export function testPlugin(
  data: TestOrder[],
  hooks: {
    onHandle?: (order: TestOrder) => Promise<void> | void;
    concurrency?: Flow<z.output<typeof testSettings>>['concurrency'];
  } = {},
) {
  const ordersFlow = defineFlow({
    id: 'orders',
    edition: 'starter',
    schedule: { everyMs: 60_000 },
    ...(hooks.concurrency === undefined ? {} : { concurrency: hooks.concurrency }),
    traceKey: (order: TestOrder) => order.orderId,
    deliveredAt: (order: TestOrder) => order.deliveredAt,
    async *source(ctx: Ctx, checkpoint: number | undefined) {
      const size = ctx.settings.pageSize;
      for (let start = checkpoint ?? 0; start < data.length; start += size) {
        yield {
          records: data.slice(start, start + size),
          checkpoint: Math.min(start + size, data.length),
        };
      }
    },
    async handle(ctx: Ctx, order: TestOrder): Promise<HandleResult> {
      await hooks.onHandle?.(order);
      if (order.fail)
        throw new Error(`cannot map order ${order.orderId} for ${order.buyerName ?? 'nobody'}`);

      const result = await ctx.links.createOnce({
        sourceKey: `order:${order.orderId}`,
        recordType: 'salesOrder',
        externalId: externalId('amzn', ctx.settings.prefix, order.orderId),
        create: (eid) => ctx.netsuite.createSalesOrder(eid, order.amount),
        summary: `sales order for ${order.orderId}`,
      });

      return result.outcome === 'already-linked'
        ? 'skipped'
        : { outcome: 'created', netsuiteId: result.netsuiteId };
    },
  });

  return definePlugin({ name: 'test', settings: testSettings, flows: [ordersFlow] });
}

/** An integration over the test plugin with an in-memory store by default. */
export function testIntegration(
  data: TestOrder[],
  options: {
    store?: StateStore;
    netsuite?: FakeNetSuite;
    id?: string;
    encryptionKey?: string;
    onHandle?: (o: TestOrder) => Promise<void> | void;
    clock?: { now: () => number };
    lockTtlMs?: number;
    pageSize?: number;
    concurrency?: Flow<z.output<typeof testSettings>>['concurrency'];
  } = {},
) {
  const store = options.store ?? createMemoryStore();
  const netsuite = options.netsuite ?? new FakeNetSuite();
  const plugin = testPlugin(data, { onHandle: options.onHandle, concurrency: options.concurrency });
  const integration = createIntegration({
    id: options.id ?? 'acme-test',
    amazon: {},
    netsuite,
    store,
    plugins: [plugin({ pageSize: options.pageSize ?? 3 })],
    encryptionKey: options.encryptionKey ?? '',
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.lockTtlMs ? { lockTtlMs: options.lockTtlMs } : {}),
  });

  return { integration, store, netsuite };
}

/** A 32-byte test key (hex). */
export const TEST_KEY = '000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f';

/** An integration `acme` running one flow (no settings), with no clients, on a memory store. */
export function integrationWithFlow(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  flow: Flow<unknown, unknown, any, any, any>,
  options: { store?: StateStore; id?: string; netsuite?: unknown } = {},
) {
  const plugin = definePlugin({ name: 'single', settings: emptySettings, flows: [flow] });
  const store = options.store ?? createMemoryStore();
  const integration = createIntegration({
    id: options.id ?? 'acme',
    amazon: {},
    netsuite: options.netsuite ?? {},
    store,
    plugins: [plugin()],
  });

  return { integration, store };
}
