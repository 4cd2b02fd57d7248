import { fulfillmentCenterFor, hashString } from './hash';
import { parseCents } from './money';
import { parseIso } from './time';
import type { CatalogItem, World, WorldOrder, WorldOrderItem, WorldReturn } from './types';
import { isoSeconds } from './time';

const DAY_MS = 86_400_000;
/** About 4 % of shipped orders come back, a typical e-commerce return rate. */
const RETURN_PERCENT = 4;

const REASONS = [
  'DEFECTIVE',
  'NOT_AS_DESCRIBED',
  'UNWANTED_ITEM',
  'ORDERED_WRONG_ITEM',
  'SWITCHEROO',
];
const DISPOSITIONS: ReadonlyArray<WorldReturn['detailedDisposition']> = [
  'SELLABLE',
  'SELLABLE',
  'CUSTOMER_DAMAGED',
  'DEFECTIVE',
  'DAMAGED',
];
const COMMENTS = ['', 'Zu klein – passt nicht', 'Arrived scratched', 'Wrong colour 😕', ''];

/** True for a shipped FBA order (the subject of FBA shipment and ledger rows). */
export function isShippedFba(order: WorldOrder): boolean {
  return (
    order.fulfillment?.fulfilledBy === 'AMAZON' && order.fulfillment.fulfillmentStatus === 'SHIPPED'
  );
}

/** When an order (or its first package) was handed to the carrier. */
export function shippedAtMs(order: WorldOrder): number {
  const shipTime = order.packages?.[0]?.shipTime;
  return parseIso(shipTime ?? order.lastUpdatedTime);
}

/** A refunded order line, the source of Refund settlement rows and FBA return rows. */
export interface WorldRefund {
  order: WorldOrder;
  item: WorldOrderItem;
  quantity: number;
  postedMs: number;
  adjustmentId: string;
}

/** Derives the refunds that happened up to `nowMs`, oldest first, from shipped orders. */
export function deriveRefunds(orders: readonly WorldOrder[], nowMs: number): WorldRefund[] {
  const refunds: WorldRefund[] = [];

  for (const order of orders) {
    if (order.fulfillment?.fulfillmentStatus !== 'SHIPPED') continue;
    const hash = hashString(order.orderId, 11);
    if (hash % 100 >= RETURN_PERCENT) continue;

    const item = order.orderItems[0];
    if (!item?.proceeds) continue;

    const postedMs = shippedAtMs(order) + (5 + (hash % 15)) * DAY_MS;
    if (postedMs > nowMs) continue;
    refunds.push({
      order,
      item,
      quantity: item.quantityOrdered,
      postedMs,
      adjustmentId: `amzn1.adj.${hash}`,
    });
  }

  return refunds.sort((a, b) => a.postedMs - b.postedMs);
}

/** Builds the FBA customer returns (GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA) of the refunds. */
export function deriveReturns(world: World, refunds: readonly WorldRefund[]): WorldReturn[] {
  const bySku = new Map<string, CatalogItem>(
    world.catalog.map((item) => [`${item.marketplaceId}|${item.sku}`, item]),
  );
  const returns: WorldReturn[] = [];

  for (const refund of refunds) {
    if (refund.order.fulfillment?.fulfilledBy !== 'AMAZON') continue;
    const marketplaceId = refund.order.salesChannel.marketplaceId ?? '';
    const catalog = bySku.get(`${marketplaceId}|${refund.item.product.sellerSku}`);
    const hash = hashString(refund.order.orderId, 13);
    const disposition = DISPOSITIONS[hash % DISPOSITIONS.length] ?? 'SELLABLE';
    const principal = refund.item.proceeds?.breakdowns?.find((row) => row.type === 'ITEM');

    returns.push({
      // The unit reaches the FC a day before the refund is posted.
      returnDate: isoSeconds(refund.postedMs - DAY_MS),
      orderId: refund.order.orderId,
      sku: refund.item.product.sellerSku ?? '',
      asin: refund.item.product.asin ?? '',
      fnsku: catalog?.fnsku ?? '',
      productName: refund.item.product.title ?? '',
      quantity: refund.quantity,
      fulfillmentCenterId: fulfillmentCenterFor(marketplaceId, refund.order.orderId),
      detailedDisposition: disposition,
      reason: REASONS[hash % REASONS.length] ?? 'UNWANTED_ITEM',
      status: disposition === 'SELLABLE' ? 'Unit returned to inventory' : 'Reimbursed',
      licensePlateNumber: `LPN${String(hash).padStart(10, '0')}`,
      customerComments: COMMENTS[hash % COMMENTS.length] ?? '',
      marketplaceId,
      refundCents: principal ? parseCents(principal.subtotal.amount) : 0,
    });
  }

  return returns;
}
