import type { ErrorRecord } from '@sellerbridge/flows-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { join } from 'node:path';

import { createIntegration, defineFlow, definePlugin } from '@sellerbridge/flows-core';
import { createSqliteStore } from '@sellerbridge/store-sqlite';

import type { OrderRecord } from '../../src/flows/order-handler';
import { handleMfnOrder } from '../../src/flows/order-handler';
import { parseAmazonOrder, starterSettingsSchema } from '../../src/index';
import { salesOrderExternalIdOf } from './expectations';
import { startEnvironment, type Environment } from './harness';

type Row = Record<string, unknown>;

describe('fulfillments, inventory and pricing end to end', () => {
  let env: Environment;

  beforeAll(async () => {
    env = await startEnvironment({ orders: 120, seed: 5 });
    const integration = env.integration();
    await integration.run('mfn-orders');
    await integration.close();
  });

  afterAll(async () => {
    await env?.close();
  });

  it('confirms every package of shipped fulfillments once, with tracking and order items', async () => {
    const { world, netsuite: ns } = env.emulators;
    const open = world.orders.filter(
      (order) =>
        order.fulfillment?.fulfilledBy === 'MERCHANT' &&
        order.fulfillment.fulfillmentStatus === 'UNSHIPPED',
    );
    const imported = open.filter((order) =>
      ns.inspect.findByExternalId(
        'salesOrder',
        salesOrderExternalIdOf(env.emulators, order.orderId),
      ),
    );
    const units = (order: (typeof imported)[number]) =>
      order.orderItems.reduce((sum, item) => sum + item.quantityOrdered, 0);
    const multi = imported.find((order) => units(order) > 1);
    const chosen = [
      ...(multi ? [multi] : []),
      ...imported.filter((order) => order !== multi).slice(0, 3),
    ];

    expect(chosen.length).toBeGreaterThan(1);

    const sent: Array<{ orderId: string; tracking: string[] }> = [];

    for (const [index, order] of chosen.entries()) {
      const salesOrder = ns.inspect.findByExternalId(
        'salesOrder',
        salesOrderExternalIdOf(env.emulators, order.orderId),
      );
      const tracking =
        index === 0 && multi ? ['1ZTRACK0001', '1ZTRACK0002'] : [`9400TRACK${index}`];
      await env.netsuite.records.transform(
        'salesOrder',
        String(salesOrder?.id),
        'itemFulfillment',
        {
          shipStatus: { id: 'C' },
          shipMethod: { id: String(ns.inspect.seeded.shipItems.standard) },
          package: { items: tracking.map((packageTrackingNumber) => ({ packageTrackingNumber })) },
        },
      );
      sent.push({ orderId: order.orderId, tracking });
    }

    const first = env.integration();
    const summary = await first.run('fulfillments');
    const errors = await first.errors.list({ flowId: 'fulfillments' });
    await first.close();

    expect(errors.map((error: ErrorRecord) => error.error.message)).toEqual([]);

    expect(summary.failed).toBe(0);

    const confirmed = env.emulators.amazon.inspect.confirmedShipments();

    for (const { orderId, tracking } of sent) {
      const packages = confirmed.filter((entry) => entry.orderId === orderId);
      const order = world.orders.find((candidate) => candidate.orderId === orderId);
      const shippedUnits = packages
        .flatMap((entry) => entry.items)
        .reduce((sum, item) => sum + item.quantity, 0);
      const fulfillable = order?.orderItems
        .filter((item) => ns.inspect.seeded.items[item.product.sellerSku ?? ''] !== undefined)
        .reduce((sum, item) => sum + item.quantityOrdered, 0);

      expect(packages.map((entry) => entry.trackingNumber).sort()).toEqual([...tracking].sort());
      expect(packages.every((entry) => entry.carrierCode !== '')).toBe(true);
      expect(shippedUnits).toBeLessThanOrEqual(fulfillable ?? 0);
      expect(shippedUnits).toBeGreaterThan(0);
    }

    const again = env.integration();
    const second = await again.run('fulfillments');
    await again.close();

    expect(second.created).toBe(0);
    expect(env.emulators.amazon.inspect.confirmedShipments()).toHaveLength(confirmed.length);
  });

  it('closes the lines of a cancelled pending order and reports a cancelled shipped one', async () => {
    const { world, netsuite: ns } = env.emulators;
    const imported = world.orders.filter(
      (order) =>
        order.fulfillment?.fulfilledBy === 'MERCHANT' &&
        order.fulfillment.fulfillmentStatus === 'UNSHIPPED' &&
        ns.inspect.findByExternalId(
          'salesOrder',
          salesOrderExternalIdOf(env.emulators, order.orderId),
        ),
    );
    const shipped = imported.find((order) =>
      env.emulators.amazon.inspect
        .confirmedShipments()
        .some((entry) => entry.orderId === order.orderId),
    );
    const pending = imported.filter((order) => order !== shipped).at(-1);

    expect(shipped && pending).toBeTruthy();

    const cancelled = [pending, shipped].map((order) => ({
      order: parseAmazonOrder({
        ...order,
        fulfillment: { ...order?.fulfillment, fulfillmentStatus: 'CANCELLED' },
      }),
      via: 'api' as const,
    }));
    const replay = defineFlow({
      id: 'cancel-replay',
      edition: 'starter',
      schedule: 'manual',
      traceKey: (record: OrderRecord) => record.order.orderId,
      source: async function* () {
        yield { records: cancelled, checkpoint: { done: true } };
      },
      handle: handleMfnOrder,
    });
    const plugin = definePlugin({
      name: 'cancel-test',
      settings: starterSettingsSchema,
      flows: [replay],
    });
    const integration = createIntegration({
      id: 'starter-e2e',
      amazon: env.amazon,
      netsuite: env.netsuite,
      store: createSqliteStore({ file: join(env.dir, 'state.db') }),
      plugins: [plugin(env.options)],
      encryptionKey: 'a'.repeat(64),
    });
    const summary = await integration.run('cancel-replay');
    const errors = await integration.errors.list({ flowId: 'cancel-replay', status: 'open' });
    await integration.close();

    const pendingOrder = ns.inspect.findByExternalId(
      'salesOrder',
      salesOrderExternalIdOf(env.emulators, pending?.orderId ?? ''),
    );
    const lines =
      (pendingOrder?.body.item as { items?: Array<{ isClosed?: boolean }> }).items ?? [];

    expect(summary.updated).toBe(1);
    expect(lines.every((line) => line.isClosed === true)).toBe(true);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.error.name).toBe('CancelledAfterFulfilmentError');
    expect(errors[0]?.error.message).toContain(
      String(
        ns.inspect.findByExternalId(
          'salesOrder',
          salesOrderExternalIdOf(env.emulators, shipped?.orderId ?? ''),
        )?.id,
      ),
    );
  });

  it('pushes MFN quantities that match NetSuite availability, then nothing when unchanged', async () => {
    const integration = env.integration();
    const summary = await integration.run('inventory');

    expect(summary.status).toBe('completed');
    expect(summary.failed).toBe(0);

    const { inspect, seeded } = {
      inspect: env.emulators.netsuite.inspect,
      seeded: env.emulators.netsuite.inspect.seeded,
    };
    const warehouse = seeded.locations.warehouse;
    const mfn = env.emulators.world.catalog.filter(
      (item) => item.channels.includes('MFN') && item.inNetSuite && item.kind === 'inventory',
    );

    expect(mfn.length).toBeGreaterThan(3);

    for (const item of mfn) {
      const available = inspect
        .inventory({ item: item.sku, locationId: warehouse })
        .reduce((sum, row) => sum + Math.max(0, row.available), 0);

      expect(env.emulators.amazon.inspect.listing(item.sku)?.quantity, item.sku).toBe(available);
    }

    const again = await integration.run('inventory');

    expect(again.read).toBe(0);
    await integration.close();
  });

  it('pushes the chosen price level and verifies it on the listing', async () => {
    const level = String(env.emulators.netsuite.inspect.seeded.priceLevels.amazon);
    const integration = env.integration({
      ...env.options,
      pricing: { priceLevelId: level, feedThreshold: 1000 },
    });
    const summary = await integration.run('pricing');

    expect(summary.failed).toBe(0);
    expect(summary.updated).toBeGreaterThan(0);

    const mfn = env.emulators.world.catalog.filter(
      (item) =>
        item.channels.includes('MFN') && item.inNetSuite && item.netsuite.priceLevel2 !== undefined,
    );

    for (const item of mfn) {
      expect(env.emulators.amazon.inspect.listing(item.sku)?.price, item.sku).toBe(
        item.netsuite.priceLevel2,
      );
    }

    expect((await integration.run('pricing')).read).toBe(0);
    await integration.close();
  });
});

export type { Row };
