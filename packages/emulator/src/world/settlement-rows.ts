import { fbaPerUnitFeeCents, referralFeeCents, refundAdminFeeCents } from './fees';
import { hashString } from './hash';
import { parseCents } from './money';
import type { WorldRefund } from './returns';
import { isoSeconds } from './time';
import type { SettlementLine, WorldOrder, WorldOrderItem } from './types';

/** Settlement line without the fields the grouping fills in. */
export type PostedLine = SettlementLine;

/** Amount-description per item proceeds type for `ItemPrice` rows. */
const PRICE_DESCRIPTION: Record<string, string> = {
  ITEM: 'Principal',
  SHIPPING: 'Shipping',
  GIFT_WRAP: 'GiftWrap',
  TAX: 'Tax',
};

function amountsOf(item: WorldOrderItem): Map<string, number> {
  const amounts = new Map<string, number>();
  for (const row of item.proceeds?.breakdowns ?? [])
    amounts.set(row.type, parseCents(row.subtotal.amount));
  return amounts;
}

function baseLine(
  order: WorldOrder,
  item: WorldOrderItem,
  postedMs: number,
  quantity: number,
): PostedLine {
  const isFba = order.fulfillment?.fulfilledBy === 'AMAZON';
  return {
    transactionType: 'Order',
    orderId: order.orderId,
    merchantOrderId: order.orderAliases?.[0]?.aliasId ?? '',
    adjustmentId: '',
    shipmentId: isFba ? `D${hashString(order.orderId, 3).toString(36).toUpperCase()}` : '',
    marketplaceName: (order.salesChannel.marketplaceName ?? '').toLowerCase(),
    amountType: '',
    amountDescription: '',
    amountCents: 0,
    fulfillmentId: isFba ? 'AFN' : 'MFN',
    postedDate: isoSeconds(postedMs),
    postedMs,
    orderItemCode: item.orderItemId,
    merchantOrderItemId: '',
    merchantAdjustmentItemId: '',
    sku: item.product.sellerSku ?? '',
    quantityPurchased: quantity,
    promotionId: '',
  };
}

/** Rows Amazon posts when an order line ships: price, promotion, fees, withheld tax. */
export function orderLineRows(
  order: WorldOrder,
  item: WorldOrderItem,
  postedMs: number,
): PostedLine[] {
  const amounts = amountsOf(item);
  const base = baseLine(order, item, postedMs, item.quantityOrdered);
  const rows: PostedLine[] = [];
  const add = (
    amountType: string,
    amountDescription: string,
    amountCents: number,
    extra: Partial<PostedLine> = {},
  ): void => {
    if (amountCents !== 0)
      rows.push({ ...base, amountType, amountDescription, amountCents, ...extra });
  };

  for (const [type, description] of Object.entries(PRICE_DESCRIPTION))
    add('ItemPrice', description, amounts.get(type) ?? 0);

  const promotionId = item.promotion?.breakdowns?.[0]?.promotionId ?? '';
  add('Promotion', 'Principal', amounts.get('DISCOUNT') ?? 0, { promotionId });

  const salesCents =
    (amounts.get('ITEM') ?? 0) +
    (amounts.get('SHIPPING') ?? 0) +
    (amounts.get('GIFT_WRAP') ?? 0) +
    (amounts.get('DISCOUNT') ?? 0);
  add('ItemFees', 'Commission', referralFeeCents(salesCents));

  if (base.fulfillmentId === 'AFN') {
    const unitCents = Math.floor((amounts.get('ITEM') ?? 0) / item.quantityOrdered);
    add(
      'ItemFees',
      'FBAPerUnitFulfillmentFee',
      -fbaPerUnitFeeCents(unitCents) * item.quantityOrdered,
    );
  }

  // US marketplace-facilitator states: Amazon collects the tax and withholds it again.
  if (item.tax?.taxCollections?.some((c) => c.model === 'MARKETPLACE_FACILITATOR')) {
    add('ItemFees', 'MarketplaceFacilitatorTax-Principal', -(amounts.get('TAX') ?? 0));
  }

  return rows;
}

/** Rows of a refund: reversed price and tax, refunded commission minus the refund admin fee. */
export function refundRows(refund: WorldRefund): PostedLine[] {
  const { order, item } = refund;
  const amounts = amountsOf(item);
  const base: PostedLine = {
    ...baseLine(order, item, refund.postedMs, refund.quantity),
    transactionType: 'Refund',
    adjustmentId: refund.adjustmentId,
    shipmentId: '',
    merchantAdjustmentItemId: '',
  };
  const rows: PostedLine[] = [];
  const add = (amountType: string, amountDescription: string, amountCents: number): void => {
    if (amountCents !== 0) rows.push({ ...base, amountType, amountDescription, amountCents });
  };

  add('ItemPrice', 'Principal', -(amounts.get('ITEM') ?? 0));
  add('ItemPrice', 'Tax', -(amounts.get('TAX') ?? 0));
  add('Promotion', 'Principal', -(amounts.get('DISCOUNT') ?? 0));

  const commission = referralFeeCents((amounts.get('ITEM') ?? 0) + (amounts.get('DISCOUNT') ?? 0));
  add('ItemFees', 'Commission', -commission);
  add('ItemFees', 'RefundCommission', refundAdminFeeCents(-commission));

  if (item.tax?.taxCollections?.some((c) => c.model === 'MARKETPLACE_FACILITATOR')) {
    add('ItemFees', 'MarketplaceFacilitatorTax-Principal', amounts.get('TAX') ?? 0);
  }

  return rows;
}
