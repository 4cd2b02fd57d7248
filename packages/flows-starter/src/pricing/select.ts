/**
 * Price to offer on Amazon per SKU: one price level (or the base price) in the marketplace's
 * currency, first quantity tier (integration-apps §1.11; netsuite.md §2.3 `pricing` table).
 */
import Decimal from 'decimal.js';

import { formatAmount } from '../support/money';

/** NetSuite's built-in "Base Price" level id. */
export const BASE_PRICE_LEVEL_ID = '1';

/** One row of the `pricing` table. */
export interface PriceRow {
  itemId: string;
  priceLevelId: string;
  currencyId?: string;
  quantity?: number;
  unitPrice: string;
}

/** One price to send. */
export interface PriceUpdate {
  sku: string;
  price: string;
  currency: string;
}

/**
 * Picks the price of one item: the chosen level in the currency (rows without a currency count
 * as the account's base currency, accepted when `currencyId` is unset), lowest quantity tier.
 */
export function selectPrice(
  rows: readonly PriceRow[],
  itemId: string,
  priceLevelId: string | undefined,
  currencyId: string | undefined,
): string | undefined {
  const level = priceLevelId ?? BASE_PRICE_LEVEL_ID;
  const candidates = rows
    .filter((row) => row.itemId === itemId && row.priceLevelId === level)
    .filter(
      (row) =>
        currencyId === undefined || row.currencyId === undefined || row.currencyId === currencyId,
    )
    .sort((a, b) => (a.quantity ?? 0) - (b.quantity ?? 0));

  return candidates[0]?.unitPrice;
}

/** Two decimal prices are equal when they are the same number (`19.9` = `19.90`). */
export function samePrice(left: string | undefined, right: string | undefined): boolean {
  return left !== undefined && right !== undefined && new Decimal(left).equals(new Decimal(right));
}

/**
 * Computes the prices of the SKUs and keeps those that changed since the last accepted push.
 * Prices are formatted to the currency's minor unit.
 */
export function computePriceUpdates(
  skus: ReadonlyArray<{ sku: string; itemId: string }>,
  rows: readonly PriceRow[],
  options: { priceLevelId?: string; currencyId?: string; currency: string },
  lastPushed: ReadonlyMap<string, string>,
): PriceUpdate[] {
  const updates: PriceUpdate[] = [];

  for (const { sku, itemId } of skus) {
    const raw = selectPrice(rows, itemId, options.priceLevelId, options.currencyId);

    if (raw === undefined || !/^\d+(\.\d+)?$/.test(raw.trim())) continue;

    const price = formatAmount(new Decimal(raw.trim()), options.currency);

    if (!samePrice(lastPushed.get(sku), price))
      updates.push({ sku, price, currency: options.currency });
  }

  return updates;
}
