/**
 * `inventory`: NetSuite quantity available → Amazon `fulfillment_availability` for MFN SKUs,
 * only when changed since the last push (the quantities Amazon accepted are the checkpoint).
 */
import type { HandleResult, Page } from '@sellerbridge/flows-core';
import { defineFlow } from '@sellerbridge/flows-core';
import { sql } from '@sellerbridge/netsuite-client';

import type { Availability, InventorySku } from '../inventory/compute';
import { computeQuantityUpdates } from '../inventory/compute';
import type { ListingsPatchMessage } from './amazon-ports';
import type { StarterContext } from './context';
import type { Row } from './rows';
import { idOf } from './rows';
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

/** Checkpoint: the quantity Amazon last accepted per SKU (a write only recorded does not count). */
export interface InventoryCheckpoint {
  pushed: Record<string, number>;
}

/** One quantity to send; `feed` is set when it went in a feed (sent, or only recorded). */
export interface InventoryRecord {
  sku: string;
  quantity: number;
  feed?: FeedPart;
}

/**
 * Kit members of the given items: kits are found with one `item.itemtype` query, then each kit's
 * `member` sublist is read (REST `kitItem`; SuiteQL has no portable kit member table).
 */
async function kitComponents(
  ctx: StarterContext,
  itemIds: string[],
): Promise<Map<string, Array<{ itemId: string; quantity: number }>>> {
  const rows =
    itemIds.length === 0
      ? []
      : await ctx.netsuite.lookupMany(
          itemIds.map(Number),
          (batch) => sql`SELECT id, itemtype FROM item WHERE id IN (${batch})`,
          { signal: ctx.signal },
        );
  const kitIds = (rows as Row[])
    .filter((row) => String(row.itemtype ?? '') === 'Kit')
    .map((row) => idOf(row.id));
  const kits = new Map<string, Array<{ itemId: string; quantity: number }>>();

  for (const kitId of kitIds) {
    const kit = (await ctx.netsuite.records.get('kitItem', kitId, {
      expandSubResources: true,
      signal: ctx.signal,
    })) as Row;
    const members = ((kit.member as { items?: Row[] } | undefined)?.items ?? []).map((member) => ({
      itemId: idOf(member.item),
      quantity: Number(member.quantity ?? 1),
    }));

    kits.set(kitId, members);
  }

  return kits;
}

/** Available quantity per item and location (`inventoryitemlocations`, netsuite.md §2.3). */
async function availabilityOf(ctx: StarterContext, itemIds: string[]): Promise<Availability> {
  const rows =
    itemIds.length === 0
      ? []
      : await ctx.netsuite.lookupMany(
          itemIds.map(Number),
          (batch) =>
            sql`SELECT item, location, quantityavailable FROM inventoryitemlocations WHERE item IN (${batch})`,
          { signal: ctx.signal },
        );
  const availability = new Map<string, Map<string, number>>();

  for (const row of rows as Row[]) {
    const item = idOf(row.item);
    const perLocation = availability.get(item) ?? new Map<string, number>();
    perLocation.set(idOf(row.location), Number(row.quantityavailable ?? 0));
    availability.set(item, perLocation);
  }

  return availability;
}

/** The MFN SKUs with their NetSuite item (and kit components). */
async function inventorySkus(
  ctx: StarterContext,
  skus: readonly string[],
): Promise<InventorySku[]> {
  const itemIds = await lookupItems(ctx, skus);
  const kits = await kitComponents(ctx, [...new Set(itemIds.values())]);

  return skus.flatMap((sku) => {
    const itemId = itemIds.get(sku);

    return itemId === undefined ? [] : [{ sku, itemId, components: kits.get(itemId) }];
  });
}

/** Computes the changed quantities of the given SKUs. */
export async function computeInventory(
  ctx: StarterContext,
  skus: readonly string[],
  pushed: Record<string, number>,
): Promise<InventoryRecord[]> {
  const items = await inventorySkus(ctx, skus);
  const allIds = [
    ...new Set(
      items.flatMap((item) => [
        item.itemId,
        ...(item.components ?? []).map((component) => component.itemId),
      ]),
    ),
  ];
  const availability = await availabilityOf(ctx, allIds);

  return computeQuantityUpdates(
    items,
    availability,
    ctx.settings.inventory,
    new Map(Object.entries(pushed)),
  );
}

function toMessage(ctx: StarterContext, record: InventoryRecord): ListingsPatchMessage {
  const { productType, fulfillmentChannelCode } = ctx.settings.inventory;

  return {
    sku: record.sku,
    operationType: 'PATCH',
    productType,
    patches: [
      {
        op: 'replace',
        path: '/attributes/fulfillment_availability',
        value: [{ fulfillment_channel_code: fulfillmentChannelCode, quantity: record.quantity }],
      },
    ],
  };
}

/** The quantities as records: above the threshold in one feed (submitted here), else for patches. */
function toRecords(ctx: StarterContext, updates: InventoryRecord[]): Promise<InventoryRecord[]> {
  return feedAboveThreshold(ctx, updates, {
    threshold: ctx.settings.inventory.feedThreshold,
    toMessage: (update) => toMessage(ctx, update),
    summary: `${updates.length} quantities`,
  });
}

async function* inventoryPages(
  ctx: StarterContext,
  checkpoint: InventoryCheckpoint | undefined,
): AsyncGenerator<Page<InventoryRecord, InventoryCheckpoint>> {
  const pushed = checkpoint?.pushed ?? {};
  const mfnSkus = (await readListedSkus(ctx))
    .filter((listing) => listing.isMfn)
    .map((listing) => listing.sku);
  const records = await toRecords(ctx, await computeInventory(ctx, mfnSkus, pushed));

  // The records are handled before their quantities count as pushed: the checkpoint moves in
  // the next page, and only for writes Amazon accepted, so an unsent one is pushed next run.
  yield { records, checkpoint: { pushed } };

  if (records.length === 0) return;

  yield {
    records: [],
    checkpoint: { pushed: pushedAfter(pushed, records, (record) => [record.sku, record.quantity]) },
  };
}

/** Sends one quantity (patch), or settles its feed part; a write only recorded is not pushed. */
export async function handleInventory(
  ctx: StarterContext,
  record: InventoryRecord,
): Promise<HandleResult> {
  const sent =
    record.feed === undefined
      ? await patchListing(
          ctx,
          toMessage(ctx, record),
          `quantity ${record.quantity} for SKU ${record.sku}`,
        )
      : settleFeedPart(record.sku, record.feed);

  return sent ? acceptedWrite(record) : RECORDED_NOT_SENT;
}

/** NetSuite availability → Amazon MFN quantities. */
export const inventoryFlow = defineFlow({
  id: 'inventory',
  edition: 'starter',
  schedule: { everyMs: 30 * 60_000 },
  description:
    'NetSuite quantity available (chosen locations, kits, safety stock, allocation) → Amazon MFN quantity',
  traceKey: (record: InventoryRecord) => `sku:${record.sku}`,
  // A retry recomputes the SKU's quantity now and patches it.
  load: async (ctx: StarterContext, traceKey: string) =>
    (await computeInventory(ctx, [traceKey.replace(/^sku:/, '')], {}))[0],
  source: (ctx: StarterContext, checkpoint: InventoryCheckpoint | undefined) =>
    inventoryPages(ctx, checkpoint),
  handle: handleInventory,
});
