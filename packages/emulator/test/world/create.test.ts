import { describe, expect, it } from 'vitest';

import { sharedPath } from '../../../../test-support/shared';
import { advanceWorld } from '../../src/world/advance';
import { createWorld } from '../../src/world/create';
import { parseCents } from '../../src/world/money';
import type { WorldOrder } from '../../src/world/types';

function statusesOf(orders: readonly WorldOrder[]): Set<string> {
  return new Set(
    orders.map((o) => `${o.fulfillment?.fulfillmentStatus}/${o.fulfillment?.fulfilledBy}`),
  );
}

describe(createWorld.name, () => {
  it('is deterministic for a seed and differs across seeds', () => {
    const a = createWorld({ seed: 7, orders: 300 });
    const b = createWorld({ seed: 7, orders: 300 });
    const c = createWorld({ seed: 8, orders: 300 });

    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(c.orders[0]?.orderId).not.toBe(a.orders[0]?.orderId);
  });

  it('produces MFN and FBA orders in every status', () => {
    const world = createWorld({ orders: 2000 });
    const statuses = statusesOf(world.orders);

    for (const status of ['PENDING', 'UNSHIPPED', 'SHIPPED', 'CANCELLED', 'PENDING_AVAILABILITY']) {
      expect(statuses).toContain(`${status}/MERCHANT`);
      expect(statuses).toContain(`${status}/AMAZON`);
    }

    expect(statuses).toContain('PARTIALLY_SHIPPED/MERCHANT');
    expect(world.orders).toHaveLength(2000);
  });

  it('leaves pending orders without prices and prices every other live order', () => {
    const world = createWorld({ orders: 1000 });

    for (const order of world.orders) {
      const status = order.fulfillment?.fulfillmentStatus;
      if (status === 'PENDING' || status === 'CANCELLED') {
        expect(order.proceeds).toBeUndefined();
        expect(order.orderItems.every((item) => item.proceeds === undefined)).toBe(true);
      } else {
        expect(order.proceeds?.grandTotal?.amount).toMatch(/^\d+\.\d{2}$/);
      }
    }
  });

  it('makes item proceeds add up to the order grand total to the cent', () => {
    const world = createWorld({ orders: 1000, marketplaces: ['US', 'DE'] });

    for (const order of world.orders.filter((o) => o.proceeds)) {
      const itemsCents = order.orderItems.reduce(
        (sum, item) => sum + parseCents(item.proceeds?.proceedsTotal?.amount ?? '0'),
        0,
      );
      expect(itemsCents).toBe(parseCents(order.proceeds?.grandTotal?.amount ?? ''));
    }
  });

  it('covers multi-line, multi-package, promotions, gift wrap, B2B, Prime and MF tax', () => {
    const orders = createWorld({ orders: 3000 }).orders;
    const items = orders.flatMap((o) => o.orderItems);

    expect(orders.some((o) => o.orderItems.length > 1)).toBe(true);
    expect(orders.some((o) => (o.packages?.length ?? 0) > 1)).toBe(true);
    expect(items.some((i) => i.promotion?.breakdowns?.length)).toBe(true);
    expect(items.some((i) => i.fulfillment?.packing?.giftOption?.giftWrapLevel)).toBe(true);
    expect(
      orders.some((o) => o.programs?.includes('AMAZON_BUSINESS') && o.buyer?.buyerCompanyName),
    ).toBe(true);
    expect(orders.some((o) => o.programs?.includes('PRIME'))).toBe(true);
    expect(items.some((i) => i.tax?.taxCollections?.[0]?.model === 'MARKETPLACE_FACILITATOR')).toBe(
      true,
    );
    expect(orders.some((o) => /[^\u0020-\u007e]/.test(o.buyer?.buyerName ?? ''))).toBe(true);
  });

  it('lists odd SKUs, kits, matrix and non-inventory items, some missing from NetSuite', () => {
    const catalog = createWorld().catalog;
    const skus = catalog.map((item) => item.sku);

    expect(skus.some((sku) => sku.includes(' '))).toBe(true);
    expect(skus.some((sku) => sku.includes('/'))).toBe(true);
    expect(skus.some((sku) => sku.includes(','))).toBe(true);
    expect(skus.some((sku) => /[^\u0020-\u007e]/.test(sku))).toBe(true);
    expect(new Set(catalog.map((item) => item.kind))).toEqual(
      new Set(['inventory', 'kit', 'matrix', 'nonInventory']),
    );
    expect(catalog.filter((item) => !item.inNetSuite).length).toBeGreaterThan(0);
  });

  it('makes the asked share of orders open, all of them recent, when openShare is set', () => {
    const isOpen = (order: WorldOrder) =>
      !['SHIPPED', 'CANCELLED'].includes(order.fulfillment?.fulfillmentStatus ?? '');
    const world = createWorld({ seed: 4, orders: 4_000, openShare: 0.05 });
    const open = world.orders.filter(isOpen);
    const nowMs = Date.parse(world.now);

    expect(open.length / world.orders.length).toBeGreaterThan(0.035);
    expect(open.length / world.orders.length).toBeLessThan(0.065);
    expect(open.every((order) => nowMs - Date.parse(order.createdTime) <= 3 * 86_400_000)).toBe(
      true,
    );
    expect(createWorld({ seed: 4, orders: 4_000 }).orders.filter(isOpen).length).toBeGreaterThan(
      600,
    );
    expect(() => createWorld({ openShare: 1.5 })).toThrow(/worldOptions\.openShare/);
  });

  it('rejects out-of-range sizes with the option name', () => {
    expect(() => createWorld({ orders: 10 })).toThrow(/worldOptions\.orders/);
    expect(() => createWorld({ orders: 100_001 })).toThrow(/worldOptions\.orders/);
  });
});

describe(advanceWorld.name, () => {
  it('adds pending orders and moves open orders forward', () => {
    const world = createWorld({ orders: 200 });
    const before = world.orders.length;

    const changes = advanceWorld(world, 6 * 3_600_000);

    expect(changes.filter((c) => c.type === 'ORDER_CREATED')).toHaveLength(
      world.orders.length - before,
    );
    expect(world.orders.length - before).toBe(24);
    expect(changes.some((c) => c.type === 'ORDER_STATUS_CHANGED' && c.to === 'SHIPPED')).toBe(true);
    expect(world.now).toBe('2026-11-30T18:00:00.000Z');
  });

  it('prices a pending order when it becomes unshipped', () => {
    const world = createWorld({ orders: 500 });
    const pending = world.orders.find((o) => o.fulfillment?.fulfillmentStatus === 'PENDING');

    advanceWorld(world, 4 * 3_600_000);

    expect(pending?.fulfillment?.fulfillmentStatus).toBe('UNSHIPPED');
    expect(pending?.proceeds?.grandTotal?.amount).toMatch(/^\d+\.\d{2}$/);
  });
});

describe('world settlements', () => {
  it('sum their lines to the total, to the cent, in both marketplaces', () => {
    const world = createWorld({ orders: 3000, marketplaces: ['US', 'DE'] });

    expect(world.settlements.length).toBeGreaterThanOrEqual(12);
    for (const settlement of world.settlements) {
      const sum = settlement.lines.reduce((total, line) => total + line.amountCents, 0);
      expect(sum).toBe(settlement.totalCents);
      expect(Number.isInteger(settlement.totalCents)).toBe(true);
    }
  });

  it('contain fees, refunds, reserves and non-order rows', () => {
    const lines = createWorld({ orders: 3000 }).settlements.flatMap((s) => s.lines);
    const pairs = new Set(
      lines.map((l) => `${l.transactionType}/${l.amountType}/${l.amountDescription}`),
    );

    for (const pair of [
      'Order/ItemPrice/Principal',
      'Order/ItemFees/Commission',
      'Order/ItemFees/FBAPerUnitFulfillmentFee',
      'Order/ItemFees/MarketplaceFacilitatorTax-Principal',
      'Order/Promotion/Principal',
      'Refund/ItemPrice/Principal',
      'Refund/ItemFees/RefundCommission',
      'other-transaction/other-transaction/Current Reserve Amount',
      'other-transaction/other-transaction/Previous Reserve Amount Balance',
      'other-transaction/other-transaction/Subscription Fee',
      'ServiceFee/Cost of Advertising/TransactionTotalAmount',
      'other-transaction/FBA Inventory Reimbursement/WAREHOUSE_DAMAGE',
    ]) {
      expect(pairs).toContain(pair);
    }
  });

  it('derives FBA returns, adjustments and inbound shipments', () => {
    const world = createWorld({ orders: 2000 });

    expect(world.returns.length).toBeGreaterThan(5);
    expect(world.returns.every((r) => r.fnsku.startsWith('X00'))).toBe(true);
    expect(world.adjustments.some((a) => a.reason === 'M')).toBe(true);
    expect(new Set(world.inboundShipments.map((s) => s.status))).toContain('RECEIVING');
  });

  it('adds the US orders of the static sandbox examples when asked', () => {
    const dir = sharedPath('amazon/samples/sandbox-static-examples');
    const world = createWorld({ orders: 50, sandboxExamplesDir: dir });
    const ids = world.orders.map((o) => o.orderId);

    expect(ids).toContain('114-9876543-1234567');
    expect(ids).toContain('902-1845936-5435065');
    expect(ids).not.toContain('171-9876543-2109876');
    expect(world.orders).toHaveLength(
      50 + ids.filter((id) => /^(114-9876543|902-)/.test(id)).length,
    );
  });
});

describe('advancing world settlements', () => {
  it('closes the open period when the clock passes its end, keeping sums exact', () => {
    const world = createWorld({ orders: 500 });
    const open = world.settlements.find((s) => s.open);
    const closedBefore = world.settlements.filter((s) => !s.open).length;

    advanceWorld(world, 15 * 86_400_000);
    const reopened = world.settlements.find((s) => s.settlementId === open?.settlementId);

    expect(reopened?.open).toBeUndefined();
    expect(world.settlements.filter((s) => !s.open).length).toBe(closedBefore + 1);
    for (const s of world.settlements) {
      expect(s.lines.reduce((sum, line) => sum + line.amountCents, 0)).toBe(s.totalCents);
    }
  });
});
