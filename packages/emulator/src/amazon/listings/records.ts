/**
 * Listing records in the store (kind `listing`, id = SKU) seeded from the world's catalog, and
 * the derived state (MFN quantity, price) the inspector and the read operations show.
 */
import type { CatalogItem } from '../../world/types';
import type { ListingState } from '../inspect';
import type { AmazonContext } from '../server/types';

/** Store kind of listings. */
export const LISTING_KIND = 'listing';

/** One listing as stored. */
export interface ListingRecord {
  sku: string;
  sellerId: string;
  marketplaceId: string;
  productType: string;
  asin?: string;
  attributes: Record<string, unknown>;
  createdDate: string;
  lastUpdatedDate: string;
  state: ListingState;
}

type Entry = Record<string, unknown>;

function firstEntry(attributes: Record<string, unknown>, name: string): Entry | undefined {
  const value = attributes[name];
  return Array.isArray(value) ? (value[0] as Entry | undefined) : undefined;
}

/** Quantity and price as the attributes define them. */
export function deriveState(record: Omit<ListingRecord, 'state'>): ListingState {
  const availability = (record.attributes.fulfillment_availability as Entry[] | undefined)?.find(
    (e) => e.fulfillment_channel_code === 'DEFAULT',
  );
  const offer = firstEntry(record.attributes, 'purchasable_offer');
  const schedule = (
    (offer?.our_price as Entry[] | undefined)?.[0]?.schedule as Entry[] | undefined
  )?.[0];
  const price = schedule?.value_with_tax;
  return {
    sku: record.sku,
    marketplaceId: record.marketplaceId,
    productType: record.productType,
    quantity: typeof availability?.quantity === 'number' ? availability.quantity : undefined,
    // value_with_tax is a JSON number on the wire; shown as a two-place decimal string.
    price: typeof price === 'number' ? price.toFixed(2) : undefined,
    currency: typeof offer?.currency === 'string' ? offer.currency : undefined,
  };
}

/** Saves a listing with its derived state. */
export function saveListing(
  ctx: AmazonContext,
  record: Omit<ListingRecord, 'state'>,
): ListingRecord {
  const full = { ...record, state: deriveState(record) };
  ctx.store.put(LISTING_KIND, record.sku, full);
  return full;
}

function attributesOf(item: CatalogItem): Record<string, unknown> {
  const market = item.marketplaceId;
  const channels = [];
  if (item.channels.includes('MFN'))
    channels.push({ fulfillment_channel_code: 'DEFAULT', quantity: item.amazonQuantity });
  if (item.channels.includes('FBA'))
    channels.push({
      fulfillment_channel_code: item.currency === 'EUR' ? 'AMAZON_EU' : 'AMAZON_NA',
    });
  return {
    item_name: [
      {
        value: item.title,
        language_tag: item.currency === 'EUR' ? 'de_DE' : 'en_US',
        marketplace_id: market,
      },
    ],
    brand: [{ value: 'SellerBridge', marketplace_id: market }],
    condition_type: [{ value: 'new_new', marketplace_id: market }],
    externally_assigned_product_identifier: [
      { type: 'upc', value: item.upc, marketplace_id: market },
    ],
    purchasable_offer: [
      {
        marketplace_id: market,
        currency: item.currency,
        our_price: [{ schedule: [{ value_with_tax: Number(item.price) }] }],
      },
    ],
    fulfillment_availability: channels,
  };
}

/** Seeds listings from the catalog into an empty store. */
export function seedListings(ctx: AmazonContext): void {
  if (ctx.store.list(LISTING_KIND).length > 0) return;

  const now = ctx.world.now;
  const write = () => {
    for (const item of ctx.world.catalog) {
      saveListing(ctx, {
        sku: item.sku,
        sellerId: ctx.world.seller.sellerId,
        marketplaceId: item.marketplaceId,
        productType: item.productType,
        asin: item.asin,
        attributes: attributesOf(item),
        createdDate: now,
        lastUpdatedDate: now,
      });
    }
  };
  const store = ctx.store as { transaction?: <T>(fn: () => T) => T };
  if (store.transaction) store.transaction(write);
  else write();
}
