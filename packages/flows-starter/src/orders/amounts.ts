/**
 * Per-item amounts of an Amazon order, from `orderItems[].proceeds.breakdowns` (Orders API
 * 2026-01-01 `ItemProceedsBreakdown`: ITEM, SHIPPING, GIFT_WRAP, TAX, DISCOUNT, with
 * `detailedBreakdowns` subtypes telling which charge a tax or discount belongs to).
 */
import type { AmazonOrder, AmazonOrderItem, ProceedsBreakdown } from './amazon-order';
import { InvalidOrderError } from './amazon-order';
import type { Amount } from '../support/money';
import { parseAmount, sumAmounts, ZERO } from '../support/money';

/** Amounts of one order item; discounts are positive magnitudes. */
export interface ItemAmounts {
  orderItemId: string;
  sku: string;
  quantity: number;
  unitPrice: Amount;
  itemPrice: Amount;
  itemTax: Amount;
  shipping: Amount;
  shippingTax: Amount;
  giftWrap: Amount;
  giftWrapTax: Amount;
  itemDiscount: Amount;
  shippingDiscount: Amount;
  promotionIds: string[];
}

function breakdownsOf(item: AmazonOrderItem, type: string): ProceedsBreakdown[] {
  return (item.proceeds?.breakdowns ?? []).filter((entry) => entry.type === type);
}

function subtotalOf(item: AmazonOrderItem, type: string, where: string): Amount {
  return sumAmounts(
    breakdownsOf(item, type).map((entry) => parseAmount(entry.subtotal.amount, `${where}.${type}`)),
  );
}

/** Splits a breakdown by its detailed subtypes; the undetailed rest goes to `fallback`. */
function splitBySubtype(
  entries: ProceedsBreakdown[],
  fallback: string,
  where: string,
): Map<string, Amount> {
  const parts = new Map<string, Amount>();

  for (const entry of entries) {
    const total = parseAmount(entry.subtotal.amount, where);
    let detailed = ZERO;

    for (const detail of entry.detailedBreakdowns ?? []) {
      const value = parseAmount(detail.value.amount, `${where}.${detail.subtype}`);
      parts.set(detail.subtype, (parts.get(detail.subtype) ?? ZERO).plus(value));
      detailed = detailed.plus(value);
    }

    parts.set(fallback, (parts.get(fallback) ?? ZERO).plus(total.minus(detailed)));
  }

  return parts;
}

/**
 * Reads the amounts of one item. The unit price is `product.price.unitPrice`; the item price is
 * the ITEM breakdown (or unit price × quantity when Amazon sent no breakdown).
 * @throws InvalidOrderError when the item has neither a unit price nor an ITEM breakdown.
 */
export function readItemAmounts(order: AmazonOrder, item: AmazonOrderItem): ItemAmounts {
  const where = `orderItems[${item.orderItemId}].proceeds`;
  const unitPriceText = item.product.price?.unitPrice?.amount;
  const hasItemBreakdown = breakdownsOf(item, 'ITEM').length > 0;

  if (unitPriceText === undefined && !hasItemBreakdown) {
    throw new InvalidOrderError(
      order.orderId,
      `orderItems[${item.orderItemId}].product.price`,
      'no price',
    );
  }

  const itemPrice = hasItemBreakdown
    ? subtotalOf(item, 'ITEM', where)
    : parseAmount(unitPriceText, `${where}.unitPrice`).times(item.quantityOrdered);
  const unitPrice =
    unitPriceText !== undefined
      ? parseAmount(unitPriceText, `${where}.unitPrice`)
      : item.quantityOrdered > 0
        ? itemPrice.dividedBy(item.quantityOrdered)
        : itemPrice;

  const taxes = splitBySubtype(breakdownsOf(item, 'TAX'), 'ITEM', `${where}.TAX`);
  const discounts = splitBySubtype(breakdownsOf(item, 'DISCOUNT'), 'ITEM', `${where}.DISCOUNT`);

  return {
    orderItemId: item.orderItemId,
    sku: item.product.sellerSku ?? '',
    quantity: item.quantityOrdered,
    unitPrice,
    itemPrice,
    itemTax: (taxes.get('ITEM') ?? ZERO).plus(taxes.get('DISCOUNT') ?? ZERO),
    shipping: subtotalOf(item, 'SHIPPING', where),
    shippingTax: taxes.get('SHIPPING') ?? ZERO,
    giftWrap: subtotalOf(item, 'GIFT_WRAP', where),
    giftWrapTax: taxes.get('GIFT_WRAP') ?? ZERO,
    itemDiscount: (discounts.get('ITEM') ?? ZERO).abs(),
    shippingDiscount: (discounts.get('SHIPPING') ?? ZERO).abs(),
    promotionIds: (item.promotion?.breakdowns ?? []).flatMap((entry) =>
      entry.promotionId ? [entry.promotionId] : [],
    ),
  };
}

/** The order's currency (first money field found), or the fallback. */
export function orderCurrency(order: AmazonOrder, fallback = 'USD'): string {
  const fromTotal = order.proceeds?.grandTotal?.currencyCode;
  const fromItem = order.orderItems.find((item) => item.product.price?.unitPrice)?.product.price
    ?.unitPrice?.currencyCode;

  return fromTotal ?? fromItem ?? fallback;
}

/** Gross total the NetSuite transaction must reach: charges + taxes − discounts. */
export function expectedOrderTotal(items: readonly ItemAmounts[], includeTax: boolean): Amount {
  return sumAmounts(
    items.map((item) => {
      const charges = item.itemPrice
        .plus(item.shipping)
        .plus(item.giftWrap)
        .minus(item.itemDiscount)
        .minus(item.shippingDiscount);
      const taxes = includeTax ? item.itemTax.plus(item.shippingTax).plus(item.giftWrapTax) : ZERO;

      return charges.plus(taxes);
    }),
  );
}
