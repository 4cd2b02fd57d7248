import { advanceWorld } from '@sellerbridge/emulator';
import { describe, expect, it } from 'vitest';

import { runExample } from './child';
import {
  amazonTotalCents,
  cents,
  eligibleMfnOrders,
  rebuildWorld,
  type PrintedSalesOrder,
  type WorldSpec,
} from './world';

interface WorkerResult {
  world: WorldSpec;
  worldStepsMs: number[];
  notifications: number;
  handled: number;
  salesOrders: PrintedSalesOrder[];
  errors: string[];
}

describe('examples/notifications-worker.ts', () => {
  it('imports exactly the MFN orders whose ORDER_CHANGE arrived, once each', async () => {
    const { code, lines, result, stderr } = await runExample<WorkerResult>('notifications-worker');

    expect(code, stderr).toBe(0);

    // The same world, moved by the same steps, says which orders changed and how they ended.
    const world = rebuildWorld(result.world);
    const changed = new Set(
      result.worldStepsMs.flatMap((ms) => advanceWorld(world, ms)).map((change) => change.orderId),
    );
    const { importable, missingItem } = eligibleMfnOrders(world);
    const expected = importable.filter((order) => changed.has(order.orderId));

    expect(result.notifications).toBeGreaterThan(0);
    expect(result.handled).toBe(result.notifications);
    expect(expected.length).toBeGreaterThan(3);
    expect(result.salesOrders.map((order) => order.amazonOrderId).sort()).toEqual(
      expected.map((order) => order.orderId).sort(),
    );
    for (const order of expected) {
      const salesOrder = result.salesOrders.find((so) => so.amazonOrderId === order.orderId);

      expect(cents(salesOrder?.total ?? ''), order.orderId).toBe(amazonTotalCents(order));
    }
    expect(result.errors.sort()).toEqual(
      missingItem
        .filter((order) => changed.has(order.orderId))
        .map((order) => order.orderId)
        .sort(),
    );
    expect(lines.filter((line) => line.startsWith('ORDER_CHANGE ')).length).toBeGreaterThan(0);
  }, 60_000);
});
