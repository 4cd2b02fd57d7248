/**
 * `pricing`: one NetSuite price level (or the base price) in the marketplace currency →
 * Amazon `purchasable_offer`, only changed prices; an accepted patch counts once the listing
 * read back shows the price (amazon-sp-api.md §2.9, manage-purchasable-offer). A price the write
 * gate only recorded is neither read back nor remembered as pushed.
 */
import type { HandleResult, Page } from '@sellerbridge/flows-core';
import { defineFlow, marketplaceFormat } from '@sellerbridge/flows-core';
import { sql } from '@sellerbridge/netsuite-client';

import type { PriceRow, PriceUpdate } from '../pricing/select';
import { computePriceUpdates, samePrice } from '../pricing/select';
import type { ListingsPatchMessage } from './amazon-ports';
import type { StarterContext } from './context';
import type { Row } from './rows';
import { idOf } from './rows';
import { sellerIdOf } from './context';
import type { FeedPart } from './listings';
import {
  acceptedWrite,
  patchListing,
  pushedAfter,
  readListedSkus,
  RECORDED_NOT_SENT,
  settleFeedPart,
  feedAboveThreshold,
} from './listings';
import { lookupItems } from './netsuite-items';

/** Checkpoint: the price last applied per `marketplaceId:sku` (a recorded-only write is not). */
export interface PricingCheckpoint {
  pushed: Record<string, string>;
}

/** One price to send in one marketplace. */
export interface PriceRecord extends PriceUpdate {
  marketplaceId: string;
  /** Set when the price went in a feed (sent, or only recorded). */
  feed?: FeedPart;
}

/** The listing read back does not show the price sent yet. */
export class PriceNotAppliedError extends Error {
  readonly retryable = true;

  constructor(
    readonly sku: string,
    readonly expected: string,
    readonly found: string | undefined,
  ) {
    super(
      `SKU ${JSON.stringify(sku)}: Amazon accepted price ${expected} but the listing shows ${found ?? 'no price'}`,
    );
    this.name = 'PriceNotAppliedError';
  }
}

async function priceRows(ctx: StarterContext, itemIds: string[]): Promise<PriceRow[]> {
  const rows =
    itemIds.length === 0
      ? []
      : await ctx.netsuite.lookupMany(
          itemIds.map(Number),
          (batch) =>
            sql`SELECT item, pricelevel, currency, priceqty, unitprice FROM pricing WHERE item IN (${batch})`,
          { signal: ctx.signal },
        );

  return (rows as Row[]).map((row) => ({
    itemId: idOf(row.item),
    priceLevelId: idOf(row.pricelevel),
    currencyId: row.currency === undefined ? undefined : idOf(row.currency),
    quantity: Number(row.priceqty ?? 0),
    unitPrice: String(row.unitprice ?? ''),
  }));
}

/** Changed prices of the SKUs in one marketplace. */
export async function computePrices(
  ctx: StarterContext,
  skus: readonly string[],
  marketplaceId: string,
  pushed: Record<string, string>,
): Promise<PriceRecord[]> {
  const itemIds = await lookupItems(ctx, skus);
  const rows = await priceRows(ctx, [...new Set(itemIds.values())]);
  const mapping = ctx.settings.marketplaces[marketplaceId] ?? {};
  const currency = marketplaceFormat(marketplaceId).currency;
  const last = new Map(
    Object.entries(pushed)
      .filter(([key]) => key.startsWith(`${marketplaceId}:`))
      .map(([key, price]) => [key.slice(marketplaceId.length + 1), price]),
  );
  const skuItems = [...itemIds].map(([sku, itemId]) => ({ sku, itemId }));
  const options = {
    priceLevelId: ctx.settings.pricing.priceLevelId ?? mapping.priceLevelId,
    currencyId: mapping.currencyId,
    currency,
  };

  return computePriceUpdates(skuItems, rows, options, last).map((update) => ({
    ...update,
    marketplaceId,
  }));
}

function toMessage(ctx: StarterContext, record: PriceRecord): ListingsPatchMessage {
  const offer = {
    marketplace_id: record.marketplaceId,
    currency: record.currency,
    our_price: [{ schedule: [{ value_with_tax: Number(record.price) }] }],
  };

  return {
    sku: record.sku,
    operationType: 'PATCH',
    productType: ctx.settings.pricing.productType,
    patches: [{ op: 'replace', path: '/attributes/purchasable_offer', value: [offer] }],
  };
}

/** The prices as records: above the threshold in one feed (submitted here), else for patches. */
function toRecords(ctx: StarterContext, updates: PriceRecord[]): Promise<PriceRecord[]> {
  return feedAboveThreshold(ctx, updates, {
    threshold: ctx.settings.pricing.feedThreshold,
    toMessage: (update) => toMessage(ctx, update),
    summary: `${updates.length} prices`,
  });
}

async function* pricingPages(
  ctx: StarterContext,
  checkpoint: PricingCheckpoint | undefined,
): AsyncGenerator<Page<PriceRecord, PricingCheckpoint>> {
  let pushed = checkpoint?.pushed ?? {};
  const skus = (await readListedSkus(ctx))
    .filter((listing) => listing.isMfn)
    .map((listing) => listing.sku);

  for (const marketplaceId of ctx.settings.marketplaceIds) {
    const records = await toRecords(ctx, await computePrices(ctx, skus, marketplaceId, pushed));

    // Handled first, remembered after: only prices Amazon accepted (and showed, when verified)
    // move the checkpoint, in the next page; an unsent or failed one is sent again next run.
    yield { records, checkpoint: { pushed } };

    if (records.length === 0) continue;

    pushed = pushedAfter(pushed, records, (record) => [
      `${record.marketplaceId}:${record.sku}`,
      record.price,
    ]);
    yield { records: [], checkpoint: { pushed } };
  }
}

/** Reads the listing's price in the marketplace (`purchasable_offer.our_price.schedule`). */
async function readListedPrice(
  ctx: StarterContext,
  record: PriceRecord,
): Promise<string | undefined> {
  const response = await ctx.amazon.call<{
    attributes?: { purchasable_offer?: Array<Record<string, unknown>> };
  }>('getListingsItem', {
    path: { sellerId: sellerIdOf(ctx), sku: record.sku },
    query: { marketplaceIds: [record.marketplaceId], includedData: ['attributes'] },
    signal: ctx.signal,
  });
  const offers = response.body.attributes?.purchasable_offer ?? [];
  const offer = offers.find(
    (entry) => entry.marketplace_id === undefined || entry.marketplace_id === record.marketplaceId,
  );
  const schedule = (
    offer?.our_price as Array<{ schedule?: Array<{ value_with_tax?: unknown }> }> | undefined
  )?.[0]?.schedule?.[0];

  return schedule?.value_with_tax === undefined ? undefined : String(schedule.value_with_tax);
}

/** Sends one price (patch, then verify) or settles its feed part; an unsent one is not read back. */
export async function handlePrice(ctx: StarterContext, record: PriceRecord): Promise<HandleResult> {
  if (record.feed !== undefined)
    return settleFeedPart(record.sku, record.feed) ? acceptedWrite(record) : RECORDED_NOT_SENT;

  const sent = await patchListing(
    ctx,
    toMessage(ctx, record),
    `price ${record.price} ${record.currency} for SKU ${record.sku}`,
  );

  // An unsent price is not on the listing: reading it back could only fail.
  if (!sent) return RECORDED_NOT_SENT;

  if (ctx.settings.pricing.verify) {
    const found = await readListedPrice(ctx, record);

    if (!samePrice(found, record.price))
      throw new PriceNotAppliedError(record.sku, record.price, found);
  }

  return acceptedWrite(record);
}

/** NetSuite prices → Amazon offers. */
export const pricingFlow = defineFlow({
  id: 'pricing',
  edition: 'starter',
  schedule: { everyMs: 60 * 60_000 },
  description:
    'NetSuite price level (or base price) → Amazon purchasable_offer, verified by reading the listing back',
  traceKey: (record: PriceRecord) => `price:${record.marketplaceId}:${record.sku}`,
  load: async (ctx: StarterContext, traceKey: string) => {
    const [, marketplaceId = '', ...rest] = traceKey.split(':');

    return (await computePrices(ctx, [rest.join(':')], marketplaceId, {}))[0];
  },
  source: (ctx: StarterContext, checkpoint: PricingCheckpoint | undefined) =>
    pricingPages(ctx, checkpoint),
  handle: handlePrice,
});
