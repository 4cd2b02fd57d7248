import { formatCents, parseCents, percentOfCents } from './money';
import type { Prng } from './prng';
import type { CatalogItem, ItemProceedsBreakdown, Money, WorldOrderItem } from './types';

/** Flat shipping charge for non-Prime MFN lines, in cents. */
const SHIPPING_CENTS = 499;
/** Gift-wrap charge per line, in cents. */
const GIFT_WRAP_CENTS = 399;
/** Amazon Business price: 10 % below the list price. */
const BUSINESS_DISCOUNT_BP = 1000;
/** US sales tax on marketplace sales is collected by Amazon (marketplace facilitator laws). */
const MF_RESPONSIBLE_PARTY = 'Amazon Services, Inc.';

// Shared, read-only sub-objects: a 100k-order world would otherwise allocate them ~130k times.
const NEW_CONDITION = Object.freeze({ conditionType: 'NEW', conditionSubtype: 'NEW' });
const MF_TAX: NonNullable<WorldOrderItem['tax']> = Object.freeze({
  taxCollections: Object.freeze([
    Object.freeze({ model: 'MARKETPLACE_FACILITATOR', responsibleParty: MF_RESPONSIBLE_PARTY }),
  ]) as NonNullable<WorldOrderItem['tax']>['taxCollections'],
});

/** How one order line is priced. */
export interface LineContext {
  currency: string;
  taxBp: number;
  isPriced: boolean;
  isBusiness: boolean;
  chargesShipping: boolean;
  isMarketplaceFacilitator: boolean;
  promotionId?: string;
  giftMessage?: string;
}

function money(cents: number, currencyCode: string): Money {
  return { amount: formatCents(cents), currencyCode };
}

function breakdownsFor(
  item: CatalogItem,
  quantity: number,
  ctx: LineContext,
): ItemProceedsBreakdown[] {
  const listCents = parseCents(item.price);
  const unitCents = ctx.isBusiness
    ? listCents - percentOfCents(listCents, BUSINESS_DISCOUNT_BP)
    : listCents;
  const itemCents = unitCents * quantity;
  const shippingCents = ctx.chargesShipping ? SHIPPING_CENTS : 0;
  const giftCents = ctx.giftMessage ? GIFT_WRAP_CENTS : 0;
  const discountCents = ctx.promotionId ? -percentOfCents(itemCents, 1000) : 0;
  const taxCents = percentOfCents(itemCents + shippingCents + giftCents + discountCents, ctx.taxBp);

  const rows: ItemProceedsBreakdown[] = [
    { type: 'ITEM', subtotal: money(itemCents, ctx.currency) },
  ];
  if (shippingCents) rows.push({ type: 'SHIPPING', subtotal: money(shippingCents, ctx.currency) });
  if (giftCents) rows.push({ type: 'GIFT_WRAP', subtotal: money(giftCents, ctx.currency) });
  if (discountCents) rows.push({ type: 'DISCOUNT', subtotal: money(discountCents, ctx.currency) });
  if (taxCents) rows.push({ type: 'TAX', subtotal: money(taxCents, ctx.currency) });
  return rows;
}

/** Sums breakdown subtotals in cents. */
export function sumBreakdownCents(rows: ReadonlyArray<{ subtotal: Money }>): number {
  let total = 0;
  for (const row of rows) total += parseCents(row.subtotal.amount);
  return total;
}

/** Builds one Orders API 2026-01-01 `OrderItem` for a catalog item. */
export function buildOrderItem(
  rng: Prng,
  item: CatalogItem,
  quantity: number,
  ctx: LineContext,
): WorldOrderItem {
  const line: WorldOrderItem = {
    orderItemId: rng.digits(14),
    quantityOrdered: quantity,
    product: {
      asin: item.asin,
      title: item.title,
      sellerSku: item.sku,
      condition: NEW_CONDITION,
    },
    fulfillment: { quantityFulfilled: 0, quantityUnfulfilled: quantity },
  };

  if (ctx.isPriced) priceOrderItem(line, item, ctx);

  if (ctx.promotionId) line.promotion = { breakdowns: [{ promotionId: ctx.promotionId }] };
  if (ctx.giftMessage && line.fulfillment) {
    line.fulfillment.packing = {
      giftOption: { giftMessage: ctx.giftMessage, giftWrapLevel: 'Classic' },
    };
  }

  if (ctx.isMarketplaceFacilitator) {
    line.tax = MF_TAX;
  }

  return line;
}

/** Sets the unit price and proceeds of an order line (used at creation and when a pending order is authorised). */
export function priceOrderItem(line: WorldOrderItem, item: CatalogItem, ctx: LineContext): void {
  const breakdowns = breakdownsFor(item, line.quantityOrdered, ctx);
  const itemCents = parseCents(breakdowns[0]?.subtotal.amount ?? '0');

  line.product.price = {
    unitPrice: money(itemCents / line.quantityOrdered, ctx.currency),
    ...(ctx.isBusiness ? { priceDesignation: 'BUSINESS_PRICE' } : {}),
  };
  line.proceeds = { proceedsTotal: money(sumBreakdownCents(breakdowns), ctx.currency), breakdowns };
}
