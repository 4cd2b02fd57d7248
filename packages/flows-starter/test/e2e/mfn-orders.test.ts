import type { ErrorRecord } from '@sellerbridge/flows-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { amazonTotalCents, cents, eligibleMfnOrders, salesOrderExternalIdOf } from './expectations';
import { createAlias, startEnvironment, type Environment } from './harness';

describe('mfn-orders end to end', () => {
  let env: Environment;

  beforeAll(async () => {
    env = await startEnvironment({ orders: 120, seed: 3 });
  });

  afterAll(async () => {
    await env?.close();
  });

  it('imports every eligible MFN order exactly once with Amazon totals to the cent', async () => {
    const integration = env.integration();
    const summary = await integration.run('mfn-orders');
    const { importable, missingItem } = eligibleMfnOrders(env.emulators);
    const { inspect } = env.emulators.netsuite;

    expect(summary.status).toBe('completed');
    expect(importable.length).toBeGreaterThan(10);

    for (const order of importable) {
      const externalId = salesOrderExternalIdOf(env.emulators, order.orderId);
      const record = inspect.findByExternalId('salesOrder', externalId);

      expect(inspect.count('salesOrder', externalId), order.orderId).toBe(1);
      expect(record?.body.otherRefNum).toBe(order.orderId);
      expect(cents(record?.body.total as string), `total of ${order.orderId}`).toBe(
        amazonTotalCents(order),
      );
    }

    const errors = await integration.errors.list({ flowId: 'mfn-orders', status: 'open' });

    expect(errors.map((error: ErrorRecord) => error.traceKey).sort()).toEqual(
      missingItem.map((order) => order.orderId).sort(),
    );
    expect(errors.every((error: ErrorRecord) => error.error.name === 'MissingItemError')).toBe(
      true,
    );
    expect(inspect.count('salesOrder')).toBe(importable.length);

    await integration.close();
  });

  it('creates nothing on a second run', async () => {
    const before = env.emulators.netsuite.inspect.count('salesOrder');
    const integration = env.integration();
    const summary = await integration.run('mfn-orders');

    expect(summary.created).toBe(0);
    expect(env.emulators.netsuite.inspect.count('salesOrder')).toBe(before);

    await integration.close();
  });
});

describe('order retries and FBA end to end', () => {
  let env: Environment;

  beforeAll(async () => {
    env = await startEnvironment({ orders: 120, seed: 3 });
  });

  afterAll(async () => {
    await env?.close();
  });

  it('turns a missing item into an error record that succeeds on retry once the item exists', async () => {
    const integration = env.integration();
    await integration.run('mfn-orders');
    const { missingItem } = eligibleMfnOrders(env.emulators);
    const open = await integration.errors.list({ flowId: 'mfn-orders', status: 'open' });

    expect(open.length).toBe(missingItem.length);
    expect(open.length).toBeGreaterThan(0);

    const skus = new Set(
      missingItem
        .flatMap((order) => order.orderItems.map((item) => item.product.sellerSku ?? ''))
        .filter((sku) => env.emulators.netsuite.inspect.seeded.items[sku] === undefined),
    );

    for (const sku of skus) {
      const created = await env.netsuite.records.create('nonInventorySaleItem', {
        itemId: `fixed-${Buffer.from(sku).toString('hex')}`,
        basePrice: '1.00',
      });
      await createAlias(env.netsuite, sku, created.id);
    }

    const retried = await integration.retryErrors('mfn-orders');

    expect(retried.failed).toBe(0);
    expect(await integration.errors.list({ flowId: 'mfn-orders', status: 'open' })).toEqual([]);

    for (const order of missingItem) {
      const record = env.emulators.netsuite.inspect.findByExternalId(
        'salesOrder',
        salesOrderExternalIdOf(env.emulators, order.orderId),
      );

      expect(cents(record?.body.total as string)).toBe(amazonTotalCents(order));
    }

    await integration.close();
  });

  it('imports shipped FBA orders as invoices at the FBA location', async () => {
    const integration = env.integration();
    const summary = await integration.run('fba-orders');
    const { seeded } = env.emulators.netsuite.inspect;
    const shipped = env.emulators.world.orders.filter(
      (order) =>
        order.fulfillment?.fulfilledBy === 'AMAZON' &&
        order.fulfillment.fulfillmentStatus === 'SHIPPED' &&
        order.orderItems.every((item) => seeded.items[item.product.sellerSku ?? ''] !== undefined),
    );

    expect(summary.status).toBe('completed');
    expect(shipped.length).toBeGreaterThan(3);

    // NetSuite refuses an invoice that would take the FBA location below zero; that order stays
    // an error record naming the shortage (the world's FBA stock is not always enough).
    const errors = await integration.errors.list({ flowId: 'fba-orders', status: 'open' });
    const shortages = new Set(
      errors
        .filter((error: ErrorRecord) =>
          JSON.stringify(error.error.details ?? '').includes('Insufficient quantity'),
        )
        .map((error: ErrorRecord) => error.traceKey),
    );

    expect(shortages.size).toBeLessThan(shipped.length / 4);

    for (const order of shipped.filter((candidate) => !shortages.has(candidate.orderId))) {
      const invoice = env.emulators.netsuite.inspect.findByExternalId(
        'invoice',
        salesOrderExternalIdOf(env.emulators, order.orderId),
      );

      expect(invoice, order.orderId).toBeDefined();
      expect(
        env.emulators.netsuite.inspect.count(
          'invoice',
          salesOrderExternalIdOf(env.emulators, order.orderId),
        ),
      ).toBe(1);
      expect((invoice?.body.location as { id?: string } | undefined)?.id).toBe(
        String(seeded.locations.fba),
      );
      expect(cents(invoice?.body.total as string)).toBe(amazonTotalCents(order));
    }

    await integration.close();
  });
});

describe('buyer personal data', () => {
  it('never reaches the logs of a full sync at debug level', async () => {
    const lines: string[] = [];
    const capture = (level: string) => (context: object, message?: string) => {
      lines.push(`${level} ${message ?? ''} ${JSON.stringify(context)}`);
    };
    const logger = {
      debug: capture('debug'),
      info: capture('info'),
      warn: capture('warn'),
      error: capture('error'),
    };
    const env = await startEnvironment({ orders: 60, seed: 13, logger });

    try {
      const integration = env.integration();
      await integration.run('mfn-orders');
      await integration.run('fba-orders');
      await integration.close();

      const text = lines.join('\n');
      const pii = env.emulators.world.orders
        .flatMap((order) => [
          order.buyer?.buyerName,
          order.buyer?.buyerEmail,
          order.recipient?.deliveryAddress?.addressLine1,
          order.recipient?.deliveryAddress?.phone,
        ])
        .filter((value): value is string => typeof value === 'string' && value.length > 3);

      expect(lines.length).toBeGreaterThan(10);
      expect(pii.length).toBeGreaterThan(10);
      expect(pii.filter((value) => text.includes(value))).toEqual([]);
    } finally {
      await env.close();
    }
  });
});
