/**
 * Line amounts and transaction totals in integer cents: amount = rate × quantity unless sent,
 * rate defaults to the item's base price, tax = the line tax code's rate, total = subtotal + tax
 * + shipping + handling (shared/reference/netsuite.md §6.1: subtotal/taxTotal/total read-only).
 */
import type { NsContext } from '../context';
import { formatCents, lineAmountCents, percentOfCents, toCents } from './money';
import { linesOf, quantityOf, refId, setLines, type Line } from './lines';

const ITEM_TYPE_CODES: Record<string, string> = {
  inventoryItem: 'InvtPart',
  kitItem: 'Kit',
  nonInventorySaleItem: 'NonInvtPart',
  serviceSaleItem: 'Service',
  otherChargeSaleItem: 'OthCharge',
  discountItem: 'Discount',
  shipItem: 'ShipItem',
  salesTaxItem: 'TaxItem',
};

/** Fills rate, amount, quantity and itemType on each sales line. */
export function priceLines(ctx: NsContext, body: Record<string, unknown>): Line[] {
  const lines = linesOf(body).map((line) => {
    const item = ctx.store.get(refId(line.item) ?? 0);
    const quantity = quantityOf(line);
    const rate = line.rate ?? item?.body.basePrice ?? item?.body.rate ?? '0.00';
    const amountCents =
      line.amount === undefined ? lineAmountCents(quantity, rate) : toCents(line.amount);

    return {
      ...line,
      quantity,
      rate: String(rate),
      amount: formatCents(amountCents),
      itemType: item === undefined ? line.itemType : (ITEM_TYPE_CODES[item.type] ?? item.type),
      description: line.description ?? item?.body.displayName ?? item?.body.itemId,
    };
  });

  setLines(body, lines);
  return lines;
}

/** Sets subtotal, taxTotal and total from the lines and header charges; returns total cents. */
export function computeTotals(ctx: NsContext, body: Record<string, unknown>): number {
  const lines = priceLines(ctx, body);
  let subtotalCents = 0;
  let taxCents = 0;

  for (const line of lines) {
    const amountCents = toCents(line.amount);
    subtotalCents += amountCents;

    const taxItem = ctx.store.get(refId(line.taxCode) ?? 0);
    if (taxItem?.body.rate !== undefined)
      taxCents += percentOfCents(amountCents, taxItem.body.rate);
  }

  const chargesCents = toCents(body.shippingCost ?? 0) + toCents(body.handlingCost ?? 0);
  const totalCents = subtotalCents + taxCents + chargesCents;
  body.subtotal = formatCents(subtotalCents);
  body.taxTotal = formatCents(taxCents);
  body.total = formatCents(totalCents);
  return totalCents;
}
