/**
 * The order handlers: classify, resolve items and the customer, then create the transaction
 * exactly once (DESIGN §5).
 */
import type { HandleResult } from '@sellerbridge/flows-core';

import type { AmazonOrder } from '../orders/amazon-order';
import { classifyFbaOrder, classifyMfnOrder } from '../orders/classify';
import { buildTransactionBody } from '../orders/sales-order';
import { handleCancellation, orderSourceKey } from './cancellations';
import type { StarterContext } from './context';
import { sellerIdOf } from './context';
import { resolveCustomer } from './customers';
import { lookupItems } from './netsuite-items';

/** A record of the order flows: the order and, when the source looked them up, its item ids. */
export interface OrderRecord {
  order: AmazonOrder;
  /** SKU → NetSuite item id from the page's batched lookup; absent on retries. */
  itemIds?: Record<string, string>;
  /** Where the order came from. */
  via: 'api' | 'report';
}

/** NetSuite record type of an order of a channel. */
export function transactionTypeOf(ctx: StarterContext, channel: 'MFN' | 'FBA'): string {
  return channel === 'MFN' ? 'salesOrder' : ctx.settings.orders.fbaRecordType;
}

function skusOf(order: AmazonOrder): string[] {
  return order.orderItems.map((item) => item.product.sellerSku ?? '').filter(Boolean);
}

async function itemMapOf(ctx: StarterContext, record: OrderRecord): Promise<Map<string, string>> {
  const known = new Map(Object.entries(record.itemIds ?? {}));
  const missing = skusOf(record.order).filter((sku) => !known.has(sku));

  if (missing.length === 0) {
    return known;
  }

  for (const [sku, id] of await lookupItems(ctx, missing)) known.set(sku, id);

  return known;
}

async function createTransaction(
  ctx: StarterContext,
  record: OrderRecord,
  channel: 'MFN' | 'FBA',
): Promise<HandleResult> {
  const { order } = record;
  const recordType = transactionTypeOf(ctx, channel);
  const sourceKey = orderSourceKey(order.orderId);
  const existing = await ctx.links.get(recordType, sourceKey);

  if (existing) {
    return { outcome: 'skipped', netsuiteId: existing.netsuiteId, note: 'already imported' };
  }

  const sellerId = sellerIdOf(ctx);
  const itemIdBySku = await itemMapOf(ctx, record);
  // Built (and so validated) before the customer is created, so a missing item leaves nothing
  // behind; the customer only fills `entity`, which the placeholder holds in place.
  const draft = buildTransactionBody({
    order,
    settings: ctx.settings,
    sellerId,
    customerId: '0',
    itemIdBySku,
    channel,
  });

  const customerId = await resolveCustomer(ctx, order, sellerId);
  const body = { ...draft.body, entity: { id: customerId } };
  const result = await ctx.links.createOnce({
    sourceKey,
    recordType,
    externalId: draft.externalId,
    summary: `${recordType} for Amazon order ${order.orderId} (${draft.total} ${draft.currency})`,
    create: async (externalId) =>
      (
        await ctx.netsuite.records.create(
          recordType,
          { ...body, externalId },
          { signal: ctx.signal },
        )
      ).id,
  });

  return {
    outcome: result.outcome === 'already-linked' ? 'skipped' : 'created',
    netsuiteId: result.netsuiteId,
    note: result.outcome,
  };
}

/** Handles an MFN order: import, hold, cancel or skip. */
export async function handleMfnOrder(
  ctx: StarterContext,
  record: OrderRecord,
): Promise<HandleResult> {
  const action = classifyMfnOrder(record.order);

  if (action.action === 'cancel') {
    return handleCancellation(ctx, record.order);
  }

  if (action.action !== 'import') {
    return {
      outcome: 'skipped',
      note: action.action === 'hold' ? `held: ${action.reason}` : action.reason,
    };
  }

  return createTransaction(ctx, record, 'MFN');
}

/** Handles an FBA order: only shipped ones become a transaction at the FBA location. */
export async function handleFbaOrder(
  ctx: StarterContext,
  record: OrderRecord,
): Promise<HandleResult> {
  const action = classifyFbaOrder(record.order);

  if (action.action !== 'import') {
    return { outcome: 'skipped', note: 'reason' in action ? action.reason : action.action };
  }

  return createTransaction(ctx, record, 'FBA');
}
