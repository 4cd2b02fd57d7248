import type { RunSummary } from '@sellerbridge/flows-core';
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

interface QuickstartResult {
  world: WorldSpec;
  summary: RunSummary;
  salesOrders: PrintedSalesOrder[];
}

describe('examples/quickstart.ts', () => {
  it('imports every eligible MFN order once, with Amazon totals to the cent', async () => {
    const { code, lines, result, stderr } = await runExample<QuickstartResult>('quickstart');

    expect(code, stderr).toBe(0);
    expect(lines[0]).toMatch(/^mfn-orders completed in \d+ ms$/);
    const { read, created } = result.summary;
    expect(lines[1]).toBe(`  read ${read}, created ${created}, updated 0, skipped 0, failed 0`);
    expect(result.summary.status).toBe('completed');

    const expected = eligibleMfnOrders(rebuildWorld(result.world)).importable;
    const byAmazonId = new Map(result.salesOrders.map((order) => [order.amazonOrderId, order]));

    expect(expected.length).toBeGreaterThan(10);
    expect(result.summary.created).toBe(expected.length);
    expect(result.salesOrders).toHaveLength(expected.length);
    for (const order of expected) {
      const salesOrder = byAmazonId.get(order.orderId);

      expect(salesOrder?.externalId, order.orderId).toMatch(new RegExp(`-${order.orderId}$`));
      expect(cents(salesOrder?.total ?? ''), `total of ${order.orderId}`).toBe(
        amazonTotalCents(order),
      );
    }
  }, 60_000);
});
