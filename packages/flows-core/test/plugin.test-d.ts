/** Compile-only checks: plugin options, ctx.settings and client types are enforced by tsc. */
import { describe, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import {
  Money,
  createIntegration,
  createMemoryStore,
  defineFlow,
  definePlugin,
  type FlowContext,
} from '../src/index';

interface OrdersClient {
  searchOrders: (after: string) => Promise<string[]>;
}
interface RecordsClient {
  createRecord: (type: string, body: object) => Promise<string>;
}

const starterSettings = z.object({
  orders: z
    .object({ fbaRecordType: z.enum(['invoice', 'cashSale']).default('invoice') })
    .default({ fbaRecordType: 'invoice' }),
  safetyStock: z.number().default(0),
});
type StarterSettings = z.output<typeof starterSettings>;

const orders = defineFlow({
  id: 'mfn-orders',
  edition: 'starter',
  schedule: { everyMs: 900_000 },
  traceKey: (orderId: string) => orderId,
  async *source(
    ctx: FlowContext<StarterSettings, OrdersClient, RecordsClient>,
    checkpoint: string | undefined,
  ) {
    expectTypeOf(ctx.settings.orders.fbaRecordType).toEqualTypeOf<'invoice' | 'cashSale'>();
    // @ts-expect-error settings are typed: there is no such key
    void ctx.settings.ordrs;
    yield { records: await ctx.amazon.searchOrders(checkpoint ?? ''), checkpoint: 'next' };
  },
  async handle(ctx, orderId) {
    expectTypeOf(orderId).toEqualTypeOf<string>();
    // @ts-expect-error the Amazon client type has no createRecord
    void ctx.amazon.createRecord;
    await ctx.write({ target: 'netsuite', action: 'create', recordType: 'salesOrder' }, () =>
      ctx.netsuite.createRecord('salesOrder', {}),
    );

    return 'created';
  },
});

const starter = definePlugin({ name: 'starter', settings: starterSettings, flows: [orders] });

const amazon: OrdersClient = { searchOrders: async () => [] };
const netsuite: RecordsClient = { createRecord: async () => '1' };

describe('plugin typing', () => {
  it('accepts valid options and omitted options', () => {
    createIntegration({
      id: 'a',
      amazon,
      netsuite,
      store: createMemoryStore(),
      plugins: [starter({ orders: { fbaRecordType: 'cashSale' } }), starter()],
    });
  });

  it('rejects typos and wrong values in options', () => {
    // @ts-expect-error unknown option key
    starter({ ordrs: {} });
    // @ts-expect-error value outside the enum
    starter({ orders: { fbaRecordType: 'bogus' } });
    // @ts-expect-error wrong type
    starter({ safetyStock: '5' });
  });

  it('rejects clients that lack what the flows need', () => {
    const store = createMemoryStore();
    const plugins = [starter()];
    // @ts-expect-error the Amazon client lacks searchOrders
    createIntegration({ id: 'a', amazon: {}, netsuite, store, plugins });
    // @ts-expect-error the NetSuite client lacks createRecord
    createIntegration({ id: 'a', amazon, netsuite: { other: 1 }, store, plugins });
  });

  it('rejects a flow whose settings type differs from the schema', () => {
    const other = defineFlow({
      id: 'other',
      edition: 'starter',
      schedule: 'manual',
      traceKey: String,
      async *source(_ctx: FlowContext<{ unrelated: boolean }>) {},
      handle: async () => 'skipped' as const,
    });
    // @ts-expect-error flows must read the plugin's own settings
    definePlugin({ name: 'x', settings: starterSettings, flows: [other] });
  });

  it('types run options and money input', async () => {
    const integration = createIntegration({
      id: 'a',
      amazon,
      netsuite,
      store: createMemoryStore(),
      plugins: [starter()],
    });
    // @ts-expect-error dryRun is a boolean
    void integration.run('mfn-orders', { dryRun: 'yes' });
    // @ts-expect-error no float money
    Money.of(1.5, 'USD');
    expectTypeOf(Money.of('1.50', 'USD').toFixed()).toEqualTypeOf<string>();
  });
});
