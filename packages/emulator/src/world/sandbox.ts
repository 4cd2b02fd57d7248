import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

import type { FulfillmentStatus, WorldOrder, WorldOrderItem } from './types';

interface ExampleFile {
  examples?: Array<{ status?: number; response?: Record<string, unknown> }>;
}

/** v0 `OrderStatus` → 2026-01-01 `FulfillmentStatus` (https://developer-docs.amazon.com/sp-api/docs/orders-api-migration-guide). */
const V0_STATUS: Record<string, FulfillmentStatus> = {
  Pending: 'PENDING',
  PendingAvailability: 'PENDING_AVAILABILITY',
  Unshipped: 'UNSHIPPED',
  PartiallyShipped: 'PARTIALLY_SHIPPED',
  Shipped: 'SHIPPED',
  Canceled: 'CANCELLED',
  Unfulfillable: 'UNFULFILLABLE',
};

type V0Money = { Amount?: string; CurrencyCode?: string } | undefined;
type V0Record = Record<string, unknown>;

function readExamples(path: string): Array<Record<string, unknown>> {
  if (!existsSync(path)) return [];
  const file = JSON.parse(readFileSync(path, 'utf8')) as ExampleFile;
  return (file.examples ?? []).filter((e) => e.status === 200).map((e) => e.response ?? {});
}

function v0Item(raw: V0Record): WorldOrderItem {
  const price = raw.ItemPrice as V0Money;
  const quantity = Number(raw.QuantityOrdered ?? 1);
  const item: WorldOrderItem = {
    orderItemId: String(raw.OrderItemId),
    quantityOrdered: quantity,
    product: {
      asin: String(raw.ASIN ?? ''),
      title: String(raw.Title ?? ''),
      sellerSku: String(raw.SellerSKU ?? ''),
    },
    fulfillment: {
      quantityFulfilled: Number(raw.QuantityShipped ?? 0),
      quantityUnfulfilled: quantity - Number(raw.QuantityShipped ?? 0),
    },
  };

  if (price?.Amount && price.CurrencyCode) {
    item.proceeds = {
      proceedsTotal: { amount: price.Amount, currencyCode: price.CurrencyCode },
      breakdowns: [
        { type: 'ITEM', subtotal: { amount: price.Amount, currencyCode: price.CurrencyCode } },
      ],
    };
  }

  return item;
}

/** Converts a v0 `Order` of the sandbox examples into the 2026-01-01 shape (fields both carry). */
function v0Order(
  raw: V0Record,
  itemsByOrder: Map<string, WorldOrderItem[]>,
): WorldOrder | undefined {
  const orderId = String(raw.AmazonOrderId ?? '');
  const items = itemsByOrder.get(orderId);
  if (!orderId || !items) return undefined;

  const total = raw.OrderTotal as V0Money;
  const order: WorldOrder = {
    orderId,
    createdTime: String(raw.PurchaseDate),
    lastUpdatedTime: String(raw.LastUpdateDate),
    salesChannel: {
      channelName: 'AMAZON',
      marketplaceId: String(raw.MarketplaceId ?? ''),
      marketplaceName: String(raw.SalesChannel ?? ''),
    },
    fulfillment: {
      fulfillmentStatus: V0_STATUS[String(raw.OrderStatus)] ?? 'PENDING',
      fulfilledBy: raw.FulfillmentChannel === 'AFN' ? 'AMAZON' : 'MERCHANT',
    },
    orderItems: items,
  };

  if (total?.Amount && total.CurrencyCode)
    order.proceeds = { grandTotal: { amount: total.Amount, currencyCode: total.CurrencyCode } };
  return order;
}

/**
 * Loads the orders of Amazon's static sandbox examples (Orders 2026-01-01 `getOrder`/`searchOrders`
 * and v0 `getOrders` with their `getOrderItems`) whose marketplace is enabled. Missing files are
 * skipped; ids already seen are kept once.
 */
export function loadSandboxOrders(dir: string, marketplaceIds: ReadonlySet<string>): WorldOrder[] {
  const found = new Map<string, WorldOrder>();
  const add = (order: WorldOrder | undefined): void => {
    if (
      order &&
      marketplaceIds.has(order.salesChannel.marketplaceId ?? '') &&
      !found.has(order.orderId)
    )
      found.set(order.orderId, order);
  };

  for (const response of readExamples(join(dir, 'orders_2026-01-01', 'getOrder.json')))
    add(response.order as WorldOrder | undefined);
  for (const response of readExamples(join(dir, 'orders_2026-01-01', 'searchOrders.json'))) {
    for (const order of (response.orders as WorldOrder[] | undefined) ?? []) add(order);
  }

  const itemsByOrder = new Map<string, WorldOrderItem[]>();
  for (const response of readExamples(join(dir, 'ordersV0', 'getOrderItems.json'))) {
    const payload = (response.payload ?? {}) as V0Record;
    itemsByOrder.set(
      String(payload.AmazonOrderId),
      ((payload.OrderItems as V0Record[] | undefined) ?? []).map(v0Item),
    );
  }

  for (const response of readExamples(join(dir, 'ordersV0', 'getOrders.json'))) {
    const payload = (response.payload ?? {}) as V0Record;
    for (const raw of (payload.Orders as V0Record[] | undefined) ?? [])
      add(v0Order(raw, itemsByOrder));
  }

  return [...found.values()].map((order) => structuredClone(order));
}
