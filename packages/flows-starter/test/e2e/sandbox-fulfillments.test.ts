/**
 * Shipment confirmations recorded but not sent (the CLI's sandbox without `amazon.sendWrites`,
 * flows-core `recordOnlyTargets: ['amazon']`): the fulfillments flow confirms nothing on Amazon,
 * fails nothing and remembers no package as confirmed, so the first run with writes sent confirms
 * every package, once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { join } from 'node:path';

import { createIntegration, type Integration, type RunSummary } from '@sellerbridge/flows-core';
import { createSqliteStore } from '@sellerbridge/store-sqlite';

import { starter } from '../../src/index';
import { salesOrderExternalIdOf } from './expectations';
import { startEnvironment, type Environment } from './harness';

/** One shipped item fulfillment made in NetSuite, with the tracking numbers of its packages. */
interface Shipped {
  orderId: string;
  tracking: string[];
}

/** An integration over the environment's SQLite file (one checkpoint and links for both modes). */
function integrationOf(env: Environment, sendWrites: boolean): Integration {
  return createIntegration({
    id: 'starter-e2e',
    amazon: env.amazon,
    netsuite: env.netsuite,
    store: createSqliteStore({ file: join(env.dir, 'state.db') }),
    plugins: [starter(env.options)],
    encryptionKey: 'a'.repeat(64),
    recordOnlyTargets: sendWrites ? [] : ['amazon'],
  });
}

/** Runs the fulfillments flow, with the open error records left after it. */
async function runFulfillments(
  env: Environment,
  sendWrites: boolean,
): Promise<{ summary: RunSummary; errors: string[] }> {
  const integration = integrationOf(env, sendWrites);
  const summary = await integration.run('fulfillments');
  const errors = await integration.errors.list({ flowId: 'fulfillments', status: 'open' });
  await integration.close();

  return { summary, errors: errors.map((error) => error.error.message) };
}

/** Ships up to four imported open MFN orders in NetSuite (the first with two packages). */
async function shipImportedOrders(env: Environment): Promise<Shipped[]> {
  const { world, netsuite: ns } = env.emulators;
  const salesOrderOf = (orderId: string) =>
    ns.inspect.findByExternalId('salesOrder', salesOrderExternalIdOf(env.emulators, orderId));
  const units = (order: (typeof world.orders)[number]) =>
    order.orderItems.reduce((sum, item) => sum + item.quantityOrdered, 0);
  const imported = world.orders.filter(
    (order) =>
      order.fulfillment?.fulfilledBy === 'MERCHANT' &&
      order.fulfillment.fulfillmentStatus === 'UNSHIPPED' &&
      salesOrderOf(order.orderId) !== undefined,
  );
  const multi = imported.find((order) => units(order) > 1);
  const chosen = [
    ...(multi ? [multi] : []),
    ...imported.filter((order) => order !== multi).slice(0, 3),
  ];
  const shipped: Shipped[] = [];

  for (const [index, order] of chosen.entries()) {
    const tracking = order === multi ? ['1ZSANDBOX001', '1ZSANDBOX002'] : [`9400SANDBOX${index}`];
    await env.netsuite.records.transform(
      'salesOrder',
      String(salesOrderOf(order.orderId)?.id),
      'itemFulfillment',
      {
        shipStatus: { id: 'C' },
        shipMethod: { id: String(ns.inspect.seeded.shipItems.standard) },
        package: { items: tracking.map((packageTrackingNumber) => ({ packageTrackingNumber })) },
      },
    );
    shipped.push({ orderId: order.orderId, tracking });
  }

  return shipped;
}

/** The tracking numbers Amazon holds per shipped order, sorted (one entry per confirmation). */
function confirmedTracking(env: Environment, shipped: readonly Shipped[]): string[][] {
  const confirmed = env.emulators.amazon.inspect.confirmedShipments();

  return shipped.map(({ orderId }) =>
    confirmed
      .filter((entry) => entry.orderId === orderId)
      .map((entry) => entry.trackingNumber)
      .sort(),
  );
}

describe('fulfillments with Amazon writes not sent', () => {
  let env: Environment;
  let shipped: Shipped[];
  let packageCount: number;

  beforeAll(async () => {
    env = await startEnvironment({ orders: 120, seed: 5 });
    const integration = env.integration();
    await integration.run('mfn-orders');
    await integration.close();

    shipped = await shipImportedOrders(env);
    packageCount = shipped.reduce((sum, entry) => sum + entry.tracking.length, 0);
  });

  afterAll(async () => {
    await env?.close();
  });

  it('confirms nothing on Amazon, fails nothing and remembers no package as confirmed', async () => {
    expect(shipped.length).toBeGreaterThan(1);
    expect(packageCount).toBeGreaterThan(shipped.length);

    const confirmedBefore = env.emulators.amazon.inspect.confirmedShipments().length;
    const callsBefore = env.emulators.amazon.inspect.requestCounts().confirmShipment?.received;

    for (let run = 1; run <= 2; run += 1) {
      const { summary, errors } = await runFulfillments(env, false);
      const recorded = summary.writes.filter((write) => write.action === 'confirmShipment');

      expect(errors).toEqual([]);
      expect(summary, `run ${run}`).toMatchObject({ status: 'completed', failed: 0 });
      // Counted as a run with writes sent would count them; the second run finds them again.
      expect(summary.created, `run ${run}`).toBe(shipped.length);
      expect(recorded.map((write) => write.target)).toEqual(Array(packageCount).fill('amazon'));
    }

    expect(env.emulators.amazon.inspect.confirmedShipments()).toHaveLength(confirmedBefore);
    expect(env.emulators.amazon.inspect.requestCounts().confirmShipment?.received).toBe(
      callsBefore,
    );
  });

  it('then, with writes sent, confirms every package exactly once', async () => {
    const { summary, errors } = await runFulfillments(env, true);

    expect(errors).toEqual([]);
    expect(summary).toMatchObject({ status: 'completed', failed: 0, created: shipped.length });
    expect(summary.writes).toEqual([]);
    expect(confirmedTracking(env, shipped)).toEqual(
      shipped.map((entry) => [...entry.tracking].sort()),
    );

    const confirmedAfter = env.emulators.amazon.inspect.confirmedShipments().length;
    const again = await runFulfillments(env, true);

    expect(again.errors).toEqual([]);
    expect(again.summary).toMatchObject({ status: 'completed', failed: 0, created: 0 });
    expect(env.emulators.amazon.inspect.confirmedShipments()).toHaveLength(confirmedAfter);
  });
});
