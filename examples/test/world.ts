/**
 * What NetSuite must hold after an example, computed independently of the flows from the same
 * deterministic world the example served (integer cents from Amazon's own proceeds).
 */
import { createWorld, type World, type WorldOrder } from '@sellerbridge/emulator';

/** The world spec an example prints. */
export interface WorldSpec {
  seed: number;
  orders: number;
  startTime: string;
}

/** A sales order as an example prints it. */
export interface PrintedSalesOrder {
  id: number;
  externalId: string;
  amazonOrderId: string;
  total: string;
}

const IMPORTABLE = new Set(['UNSHIPPED', 'PARTIALLY_SHIPPED', 'SHIPPED']);

/** Rebuilds the example's world. */
export function rebuildWorld(spec: WorldSpec): World {
  return createWorld({ seed: spec.seed, orders: spec.orders, startTime: spec.startTime });
}

/** Cents of a decimal string, without floating point. */
export function cents(amount: string): number {
  const negative = amount.startsWith('-');
  const [whole = '0', fraction = ''] = amount.replace('-', '').split('.');
  const value = Number(whole) * 100 + Number((fraction + '00').slice(0, 2));

  return negative ? -value : value;
}

/** Amazon's total of an order in cents: every item's proceeds. */
export function amazonTotalCents(order: WorldOrder): number {
  return order.orderItems.reduce(
    (sum, item) =>
      sum +
      (item.proceeds?.breakdowns ?? []).reduce(
        (inner, part) => inner + cents(part.subtotal.amount),
        0,
      ),
    0,
  );
}

/** MFN orders the Starter flows must import, and those that must fail for a SKU not in NetSuite. */
export function eligibleMfnOrders(world: World): {
  importable: WorldOrder[];
  missingItem: WorldOrder[];
} {
  const inNetSuite = new Set(
    world.catalog.filter((item) => item.inNetSuite).map((item) => item.sku),
  );
  const candidates = world.orders.filter(
    (order) =>
      order.fulfillment?.fulfilledBy === 'MERCHANT' &&
      order.salesChannel.channelName === 'AMAZON' &&
      IMPORTABLE.has(order.fulfillment.fulfillmentStatus) &&
      order.orderItems.every((item) => item.quantityOrdered === 0 || item.proceeds !== undefined),
  );
  const hasItems = (order: WorldOrder) =>
    order.orderItems.every((item) => inNetSuite.has(item.product.sellerSku ?? ''));

  return {
    importable: candidates.filter(hasItems),
    missingItem: candidates.filter((order) => !hasItems(order)),
  };
}
