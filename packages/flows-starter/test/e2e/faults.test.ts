import type { ErrorRecord } from '@sellerbridge/flows-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { amazonTotalCents, cents, eligibleMfnOrders, salesOrderExternalIdOf } from './expectations';
import { startEnvironment, type Environment } from './harness';

/** Runs a flow until a run completes (a run whose source gave up is run again, as a scheduler would). */
async function runUntilCompleted(env: Environment, flowId: string): Promise<void> {
  for (let attempt = 0; attempt < 6; attempt += 1) {
    const integration = env.integration();
    const summary = await integration.run(flowId);
    await integration.close();

    if (summary.status === 'completed') return;
  }

  throw new Error(`${flowId} did not complete`);
}

/** Retries a flow's open errors a few times (what an operator or a schedule does); returns those left. */
async function retryUntilSettled(env: Environment, flowId: string) {
  const integration = env.integration();

  for (let round = 0; round < 4; round += 1) {
    const open = await integration.errors.list({ flowId, status: 'open' });
    if (
      open.every(
        (error: ErrorRecord) => error.error.retryable === false && error.error.code === undefined,
      )
    )
      break;

    await integration.retryErrors(flowId);
  }

  const open = await integration.errors.list({ flowId, status: 'open' });
  await integration.close();

  return open;
}

describe('10% injected faults and a run killed midway', () => {
  let env: Environment;

  beforeAll(async () => {
    env = await startEnvironment({
      orders: 120,
      seed: 11,
      faults: {
        amazon: {
          seed: 5,
          throttleRate: 0.04,
          internalErrorRate: 0.02,
          serviceUnavailableRate: 0.01,
          resetRate: 0.03,
          operations: [
            'searchOrders',
            'getOrder',
            'confirmShipment',
            'getReport',
            'createReport',
            'getReportDocument',
            'patchListingsItem',
            'getListingsItem',
            'searchListingsItems',
          ],
        },
        netsuite: {
          seed: 9,
          rates: { '429': 0.03, '500': 0.02, reset: 0.02, resetAfterCommit: 0.03 },
        },
      },
    });
  });

  afterAll(async () => {
    await env?.close();
  });

  it('still imports every eligible order exactly once with the right totals', async () => {
    const killer = new AbortController();
    const first = env.integration();
    let handled = 0;
    first.on('record', () => {
      handled += 1;
      if (handled === 12) killer.abort();
    });
    const killed = await first.run('mfn-orders', { signal: killer.signal });
    await first.close();

    expect(killed.status).not.toBe('completed');

    await runUntilCompleted(env, 'mfn-orders');

    const open = await retryUntilSettled(env, 'mfn-orders');

    const { importable, missingItem } = eligibleMfnOrders(env.emulators);
    const { inspect } = env.emulators.netsuite;

    expect(open.map((error: ErrorRecord) => error.traceKey).sort()).toEqual(
      missingItem.map((order) => order.orderId).sort(),
    );

    for (const order of importable) {
      const externalId = salesOrderExternalIdOf(env.emulators, order.orderId);

      expect(inspect.count('salesOrder', externalId), order.orderId).toBe(1);
      expect(cents(inspect.findByExternalId('salesOrder', externalId)?.body.total as string)).toBe(
        amazonTotalCents(order),
      );
    }

    expect(inspect.count('salesOrder')).toBe(importable.length);
  });

  it('keeps inventory in step with NetSuite despite the faults', async () => {
    await runUntilCompleted(env, 'inventory');

    await retryUntilSettled(env, 'inventory');

    const { inspect } = env.emulators.netsuite;
    const warehouse = inspect.seeded.locations.warehouse;
    const mfn = env.emulators.world.catalog.filter(
      (item) => item.channels.includes('MFN') && item.inNetSuite && item.kind === 'inventory',
    );

    for (const item of mfn) {
      const available = inspect
        .inventory({ item: item.sku, locationId: warehouse })
        .reduce((sum, row) => sum + Math.max(0, row.available), 0);

      expect(env.emulators.amazon.inspect.listing(item.sku)?.quantity, item.sku).toBe(available);
    }
  });
});
