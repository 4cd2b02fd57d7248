import { describe, expect, it } from 'vitest';

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
    expect(orders.some((o) => /[^\x00-\x7f]/.test(o.buyer?.buyerName ?? ''))).toBe(true);
  });

  it('lists odd SKUs, kits, matrix and non-inventory items, some missing from NetSuite', () => {
    const catalog = createWorld().catalog;
    const skus = catalog.map((item) => item.sku);

    expect(skus.some((sku) => sku.includes(' '))).toBe(true);
    expect(skus.some((sku) => sku.includes('/'))).toBe(true);
    expect(skus.some((sku) => sku.includes(','))).toBe(true);
    expect(skus.some((sku) => /[^\x00-\x7f]/.test(sku))).toBe(true);
    expect(new Set(catalog.map((item) => item.kind))).toEqual(
      new Set(['inventory', 'kit', 'matrix', 'nonInventory']),
    );
    expect(catalog.filter((item) => !item.inNetSuite).length).toBeGreaterThan(0);
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
