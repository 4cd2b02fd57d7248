/**
 * `inventory`: NetSuite quantity available → Amazon `fulfillment_availability` for MFN SKUs,
 * only when changed since the last push (the pushed quantities are the checkpoint).
 */
import type { HandleResult, Page } from '@sellerbridge/flows-core';
import { defineFlow } from '@sellerbridge/flows-core';
import { sql } from '@sellerbridge/netsuite-client';

import type { Availability, InventorySku } from '../inventory/compute';
import { computeQuantityUpdates } from '../inventory/compute';
import type { ListingsMessageResult, ListingsPatchMessage } from './amazon-ports';
import type { StarterContext } from './context';
import type { Row } from './rows';
import { idOf } from './rows';
import { assertAccepted, patchListing, readListedSkus, submitListingsFeed } from './listings';
import { lookupItems } from './netsuite-items';

/** Checkpoint: the quantity last sent per SKU. */
export interface InventoryCheckpoint {
  pushed: Record<string, number>;
}

/** One quantity to send; `feed` is set when it went in a feed. */
export interface InventoryRecord {
  sku: string;
  quantity: number;
  feed?: ListingsMessageResult | null;
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

async function* inventoryPages(
  ctx: StarterContext,
  checkpoint: InventoryCheckpoint | undefined,
): AsyncGenerator<Page<InventoryRecord, InventoryCheckpoint>> {
  const pushed = checkpoint?.pushed ?? {};
  const mfnSkus = (await readListedSkus(ctx))
    .filter((listing) => listing.isMfn)
    .map((listing) => listing.sku);
  const updates = await computeInventory(ctx, mfnSkus, pushed);
  const next = { ...pushed };

  if (updates.length > ctx.settings.inventory.feedThreshold) {
    const results = await submitListingsFeed(
      ctx,
      updates.map((update) => toMessage(ctx, update)),
      `${updates.length} quantities`,
    );

    for (const update of updates)
      if (results.get(update.sku)?.status !== 'error') next[update.sku] = update.quantity;

    yield {
      records: updates.map((update) => ({ ...update, feed: results.get(update.sku) ?? null })),
      checkpoint: { pushed: next },
    };

    return;
  }

  for (const update of updates) next[update.sku] = update.quantity;

  yield { records: updates, checkpoint: { pushed: next } };
}

/** Sends one quantity (patch), or maps its feed result. */
export async function handleInventory(
  ctx: StarterContext,
  record: InventoryRecord,
): Promise<HandleResult> {
  if (record.feed !== undefined) {
    assertAccepted(record.sku, record.feed ?? undefined);

    return 'updated';
  }

  await patchListing(
    ctx,
    toMessage(ctx, record),
    `quantity ${record.quantity} for SKU ${record.sku}`,
  );

  return 'updated';
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
