/**
 * What the order flows do with an Amazon order, decided from its status alone.
 */
import type { AmazonOrder } from './amazon-order';

/** Outcome of {@link classifyOrder}. */
export type OrderAction =
  | { action: 'import' }
  | { action: 'cancel' }
  | { action: 'hold'; reason: 'pending' | 'preorder' | 'unpriced' }
  | { action: 'skip'; reason: string };

const IMPORTABLE_MFN = new Set(['UNSHIPPED', 'PARTIALLY_SHIPPED', 'SHIPPED']);

/** True for an order Amazon fulfils (FBA / AFN). */
export function isFbaOrder(order: AmazonOrder): boolean {
  return order.fulfillment?.fulfilledBy === 'AMAZON';
}

function isPreorder(order: AmazonOrder): boolean {
  return (
    order.orderItems.some((item) => item.product.condition?.conditionType === 'PREORDER') ||
    order.programs?.includes('PREORDER') === true
  );
}

function isUnpriced(order: AmazonOrder): boolean {
  return order.orderItems.some(
    (item) =>
      item.quantityOrdered > 0 &&
      item.product.price?.unitPrice === undefined &&
      !(item.proceeds?.breakdowns ?? []).some((entry) => entry.type === 'ITEM'),
  );
}

/**
 * Classifies an MFN order. Pending orders (`PENDING`, `PENDING_AVAILABILITY`) and pre-orders
 * are held: Amazon has not priced them yet, and their next status change brings them back in a
 * later window (integration-apps §1.3: "picks orders that moved Pending → Not Shipped").
 */
export function classifyMfnOrder(order: AmazonOrder): OrderAction {
  const status = order.fulfillment?.fulfillmentStatus ?? 'PENDING';

  if (isFbaOrder(order)) {
    return { action: 'skip', reason: 'fulfilled by Amazon' };
  }

  if (order.salesChannel.channelName !== 'AMAZON') {
    return { action: 'skip', reason: 'not an Amazon sales channel order' };
  }

  if (status === 'CANCELLED') {
    return { action: 'cancel' };
  }

  if (status === 'PENDING' || status === 'PENDING_AVAILABILITY') {
    return { action: 'hold', reason: status === 'PENDING' ? 'pending' : 'preorder' };
  }

  if (!IMPORTABLE_MFN.has(status)) {
    return { action: 'skip', reason: `status ${status}` };
  }

  if (isPreorder(order) && isUnpriced(order)) {
    return { action: 'hold', reason: 'preorder' };
  }

  return isUnpriced(order) ? { action: 'hold', reason: 'unpriced' } : { action: 'import' };
}

/** Classifies an FBA order: only shipped ones are imported (integration-apps §1.4). */
export function classifyFbaOrder(order: AmazonOrder): OrderAction {
  if (!isFbaOrder(order)) {
    return { action: 'skip', reason: 'merchant fulfilled' };
  }

  const status = order.fulfillment?.fulfillmentStatus;

  if (status !== 'SHIPPED') {
    return { action: 'skip', reason: `status ${status ?? 'unknown'}` };
  }

  return isUnpriced(order) ? { action: 'hold', reason: 'unpriced' } : { action: 'import' };
}
