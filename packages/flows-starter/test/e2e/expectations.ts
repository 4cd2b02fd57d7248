/**
 * What the emulated world says NetSuite must end up with, computed independently of the flows
 * (integer cents from Amazon's own proceeds).
 */
import type { RunningEmulators, WorldOrder } from '@sellerbridge/emulator';

const IMPORTABLE = new Set(['UNSHIPPED', 'PARTIALLY_SHIPPED', 'SHIPPED']);

/** Cents of a decimal string. */
export function cents(amount: string | number | undefined): number {
  const [whole = '0', fraction = ''] = String(amount ?? '0')
    .replace('-', '')
    .split('.');
  const value = Number(whole) * 100 + Number((fraction + '00').slice(0, 2));

  return String(amount ?? '').startsWith('-') ? -value : value;
}

/** Amazon's total of an order in cents: every item's proceeds (item, shipping, gift wrap, tax, discount). */
export function amazonTotalCents(order: WorldOrder): number {
  return order.orderItems.reduce(
    (sum, item) =>
      sum +
      (item.proceeds?.breakdowns ?? []).reduce(
        (inner, entry) => inner + cents(entry.subtotal.amount),
        0,
      ),
    0,
  );
}

/** MFN orders that must become sales orders, and those that must fail for a missing item. */
export function eligibleMfnOrders(emulators: RunningEmulators): {
  importable: WorldOrder[];
  missingItem: WorldOrder[];
} {
  const items = emulators.netsuite.inspect.seeded.items;
  const candidates = emulators.world.orders.filter(
    (order) =>
      order.fulfillment?.fulfilledBy === 'MERCHANT' &&
      order.salesChannel.channelName === 'AMAZON' &&
      IMPORTABLE.has(order.fulfillment.fulfillmentStatus) &&
      order.orderItems.every((item) => item.quantityOrdered === 0 || item.proceeds !== undefined),
  );
  const hasItems = (order: WorldOrder) =>
    order.orderItems.every((item) => items[item.product.sellerSku ?? ''] !== undefined);

  return {
    importable: candidates.filter(hasItems),
    missingItem: candidates.filter((order) => !hasItems(order)),
  };
}

/** External id the flow gives the sales order of an order. */
export function salesOrderExternalIdOf(emulators: RunningEmulators, orderId: string): string {
  return `amzn-so-${emulators.amazon.credentials.sellingPartnerId}-${orderId}`;
}
