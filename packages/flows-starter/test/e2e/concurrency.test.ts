import {
  createIntegration,
  createMemoryStore,
  defineFlow,
  definePlugin,
} from '@sellerbridge/flows-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { getAmazonOrder } from '../../src/flows/amazon-orders';
import type { StarterContext } from '../../src/flows/context';
import { sellerIdOf } from '../../src/flows/context';
import { resolveCustomer } from '../../src/flows/customers';
import type { AmazonOrder } from '../../src/orders/amazon-order';
import { starterSettingsSchema } from '../../src/settings/index';
import { buyerCustomerExternalId } from '../../src/support/ids';
import { eligibleMfnOrders } from './expectations';
import { startEnvironment, type Environment } from './harness';

describe('order handling with per-page concurrency', () => {
  let env: Environment;

  beforeAll(async () => {
    env = await startEnvironment({ orders: 120, seed: 3 });
  });

  afterAll(async () => {
    await env?.close();
  });

  it('four orders of one buyer handled at once create that buyer’s customer once', async () => {
    const orderIds = eligibleMfnOrders(env.emulators)
      .importable.slice(0, 4)
      .map((order) => order.orderId);
    const resolved: string[] = [];
    let email = '';
    const flow = defineFlow({
      id: 'same-buyer',
      edition: 'starter',
      schedule: 'manual',
      concurrency: 4,
      traceKey: (order: AmazonOrder) => order.orderId,
      async *source(ctx: StarterContext) {
        const orders = await Promise.all(orderIds.map((id) => getAmazonOrder(ctx, id)));
        email = orders[0]?.buyer?.buyerEmail ?? '';
        // The same buyer on every order: their customer creates race within the page.
        yield {
          records: orders.map((order) => ({
            ...order,
            buyer: { ...order.buyer, buyerEmail: email },
          })),
          checkpoint: 1,
        };
      },
      async handle(ctx: StarterContext, order: AmazonOrder) {
        resolved.push(await resolveCustomer(ctx, order, sellerIdOf(ctx)));

        return 'created';
      },
    });
    const plugin = definePlugin({ name: 'race', settings: starterSettingsSchema, flows: [flow] });
    const integration = createIntegration({
      id: 'starter-race',
      amazon: env.amazon,
      netsuite: env.netsuite,
      store: createMemoryStore(),
      plugins: [plugin({ ...env.options, customers: { strategy: 'perBuyer' } })],
    });

    const summary = await integration.run('same-buyer');
    const sellerId = env.emulators.amazon.credentials.sellingPartnerId;
    const externalId = buyerCustomerExternalId(sellerId, email);

    expect(email).toMatch(/@/);
    expect(summary).toMatchObject({ status: 'completed', created: 1, linked: 3, failed: 0 });
    expect(env.emulators.netsuite.inspect.count('customer', externalId)).toBe(1);
    expect(new Set(resolved).size).toBe(1);
    expect((await integration.links.get('customer', externalId))?.netsuiteId).toBe(resolved[0]);

    await integration.close();
  });
});
