import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { amazonTotalCents, cents, eligibleMfnOrders, salesOrderExternalIdOf } from './expectations';
import { startEnvironment, type Environment } from './harness';

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

    expect(errors.map((error) => error.traceKey).sort()).toEqual(
      missingItem.map((order) => order.orderId).sort(),
    );
    expect(errors.every((error) => error.error.name === 'MissingItemError')).toBe(true);
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
