/**
 * Transaction lines of an Amazon order: items, discounts, gift wrap, shipping and Amazon's taxes
 * (integration-apps §1.7: line-level discount items, tax overwrite with Amazon amounts).
 */
import type { ItemAmounts } from './amounts';
import { MissingSettingError } from './errors';
import type { OrdersSettings } from '../settings/orders';
import type { Amount } from '../support/money';
import { formatAmount, formatRate, sumAmounts, ZERO } from '../support/money';

/** One NetSuite transaction line, money as decimal strings. */
export interface TransactionLine {
  itemId: string;
  quantity?: number;
  rate?: string;
  amount: string;
  description?: string;
  /** Amazon order item the line belongs to (item lines only). */
  orderItemId?: string;
  kind: 'item' | 'discount' | 'giftWrap' | 'shipping' | 'shippingDiscount' | 'tax' | 'shippingTax';
}

/** What the lines need besides the amounts. */
export interface LineContext {
  orderId: string;
  currency: string;
  itemIdBySku: ReadonlyMap<string, string>;
  settings: OrdersSettings;
}

function requireSetting(value: string | undefined, context: LineContext, name: string): string {
  if (value === undefined) {
    throw new MissingSettingError(context.orderId, name);
  }

  return value;
}

function chargeLine(
  itemId: string,
  amount: Amount,
  context: LineContext,
  kind: TransactionLine['kind'],
  description: string,
): TransactionLine {
  return { itemId, amount: formatAmount(amount, context.currency), description, kind };
}

function itemLines(item: ItemAmounts, context: LineContext): TransactionLine[] {
  const { settings, currency } = context;
  const lines: TransactionLine[] = [
    {
      itemId: context.itemIdBySku.get(item.sku) ?? '',
      quantity: item.quantity,
      rate: formatRate(item.unitPrice, currency),
      amount: formatAmount(item.itemPrice, currency),
      orderItemId: item.orderItemId,
      kind: 'item',
    },
  ];

  if (item.itemDiscount.gt(0) && settings.discountLevel === 'line') {
    const discountItemId = requireSetting(
      settings.discountItemId,
      context,
      'orders.discountItemId',
    );
    const description =
      item.promotionIds.length > 0
        ? `Amazon promotion ${item.promotionIds.join(', ')}`
        : 'Amazon promotion';
    lines.push(
      chargeLine(discountItemId, item.itemDiscount.negated(), context, 'discount', description),
    );
  }

  if (item.giftWrap.gt(0)) {
    const giftWrapItemId = requireSetting(
      settings.giftWrapItemId,
      context,
      'orders.giftWrapItemId',
    );
    lines.push(chargeLine(giftWrapItemId, item.giftWrap, context, 'giftWrap', 'Amazon gift wrap'));
  }

  return lines;
}

function orderLevelLines(items: readonly ItemAmounts[], context: LineContext): TransactionLine[] {
  const { settings } = context;
  const lines: TransactionLine[] = [];
  const shipping = sumAmounts(items.map((item) => item.shipping));
  const shippingDiscount = sumAmounts(items.map((item) => item.shippingDiscount));

  if (settings.shippingAs === 'line' && shipping.gt(0)) {
    const shippingItemId = requireSetting(
      settings.shippingItemId,
      context,
      'orders.shippingItemId',
    );
    lines.push(chargeLine(shippingItemId, shipping, context, 'shipping', 'Amazon shipping'));
  }

  if (shippingDiscount.gt(0)) {
    const itemId = settings.shippingDiscountItemId ?? settings.discountItemId;
    lines.push(
      chargeLine(
        requireSetting(itemId, context, 'orders.shippingDiscountItemId'),
        shippingDiscount.negated(),
        context,
        'shippingDiscount',
        'Amazon shipping promotion',
      ),
    );
  }

  if (settings.tax.mode === 'amazon') {
    lines.push(...taxLines(items, context));
  }

  return lines;
}

function taxLines(items: readonly ItemAmounts[], context: LineContext): TransactionLine[] {
  const { tax } = context.settings;
  const itemTax = sumAmounts(items.map((item) => item.itemTax));
  const otherTax = sumAmounts(items.map((item) => item.shippingTax.plus(item.giftWrapTax)));
  const lines: TransactionLine[] = [];

  if (!itemTax.isZero()) {
    lines.push(
      chargeLine(
        requireSetting(tax.taxItemId, context, 'orders.tax.taxItemId'),
        itemTax,
        context,
        'tax',
        'Amazon item tax',
      ),
    );
  }

  if (!otherTax.isZero()) {
    const itemId = requireSetting(
      tax.shippingTaxItemId ?? tax.taxItemId,
      context,
      'orders.tax.shippingTaxItemId',
    );
    lines.push(
      chargeLine(itemId, otherTax, context, 'shippingTax', 'Amazon shipping and gift wrap tax'),
    );
  }

  return lines;
}

/**
 * Builds the lines of an order: per item its line, its discount (line level) and gift wrap;
 * then shipping, shipping discount and Amazon's taxes.
 * @throws MissingSettingError when an amount needs an item setting that is not set.
 */
export function buildTransactionLines(
  items: readonly ItemAmounts[],
  context: LineContext,
): TransactionLine[] {
  return [...items.flatMap((item) => itemLines(item, context)), ...orderLevelLines(items, context)];
}

/** Cart-level discount (`discountLevel: 'cart'`): the summed item discounts, else zero. */
export function cartDiscount(items: readonly ItemAmounts[], settings: OrdersSettings): Amount {
  return settings.discountLevel === 'cart'
    ? sumAmounts(items.map((item) => item.itemDiscount))
    : ZERO;
}
