/**
 * Items seeded from the world catalog: one per SKU that is in NetSuite (inventory, kit with
 * members, matrix parent + children, non-inventory), itemid = SKU, internal id = the world's
 * `netsuite.itemId`, prices per price level, and opening stock at the warehouse and FBA.
 */
import type { CatalogItem } from '../world/types';
import type { NsContext } from './context';
import { createRecord } from './records/service';
import { resolveType, type RecordTypeDef } from './records/types';

/** Ids the item seeding needs from the account setup. */
export interface ItemContext {
  sub: { id: string };
  locations: { warehouse: number; fba: number; fbaDamaged: number };
  currencies: Record<string, number>;
  priceLevels: { base: number; amazon: number };
}

const ref = (id: number): { id: string } => ({ id: String(id) });

function add(ctx: NsContext, type: string, body: Record<string, unknown>, id?: number): number {
  return createRecord(
    ctx,
    resolveType(type) as RecordTypeDef,
    body,
    id === undefined ? {} : { id },
  );
}

/** Seeds the catalog; returns item internal ids by SKU. */
export function seedItems(
  ctx: NsContext,
  catalog: CatalogItem[],
  itemCtx: ItemContext,
): Record<string, number> {
  const items: Record<string, number> = {};
  const inNetSuite = catalog.filter((item) => item.inNetSuite);
  seedMatrixParents(ctx, inNetSuite, itemCtx, items);

  for (const item of inNetSuite.filter((i) => i.kind !== 'kit')) {
    const type = item.kind === 'nonInventory' ? 'nonInventorySaleItem' : 'inventoryItem';
    const parentId = item.parentSku === undefined ? undefined : items[item.parentSku];
    const matrix = parentId === undefined ? {} : { matrixType: 'CHILD', parent: ref(parentId) };
    const id = add(ctx, type, { ...itemBody(item, itemCtx), ...matrix }, worldId(item));
    items[item.sku] = id;
    if (type === 'inventoryItem') openingStock(ctx, id, item, itemCtx.locations);
  }

  for (const item of inNetSuite.filter((i) => i.kind === 'kit')) {
    const members = (item.components ?? []).flatMap((c) => {
      const memberId = items[c.sku];
      return memberId === undefined ? [] : [{ item: ref(memberId), quantity: c.quantity }];
    });
    const body = { ...itemBody(item, itemCtx), member: { items: members } };
    items[item.sku] = add(ctx, 'kitItem', body, worldId(item));
  }

  return items;
}

/** Matrix parents have no world id; they get ids above every world item id. */
function seedMatrixParents(
  ctx: NsContext,
  catalog: CatalogItem[],
  itemCtx: ItemContext,
  items: Record<string, number>,
): void {
  let nextId = Math.max(0, ...catalog.map((item) => worldId(item) ?? 0)) + 1;

  for (const item of catalog) {
    const parentSku = item.kind === 'matrix' ? item.parentSku : undefined;
    if (parentSku === undefined || items[parentSku] !== undefined) continue;

    const body = {
      itemId: parentSku,
      displayName: parentSku,
      matrixType: 'PARENT',
      subsidiary: itemCtx.sub,
    };
    items[parentSku] = add(ctx, 'inventoryItem', body, nextId);
    nextId += 1;
  }
}
function worldId(item: CatalogItem): number | undefined {
  const id = Number(item.netsuite.itemId);
  return Number.isInteger(id) && id > 0 ? id : undefined;
}

function itemBody(item: CatalogItem, itemCtx: ItemContext): Record<string, unknown> {
  const currency = ref(itemCtx.currencies[item.currency] ?? 0);
  const prices = [
    { priceLevel: ref(itemCtx.priceLevels.base), currency, price: item.netsuite.basePrice },
  ];
  if (item.netsuite.priceLevel2 !== undefined) {
    prices.push({
      priceLevel: ref(itemCtx.priceLevels.amazon),
      currency,
      price: item.netsuite.priceLevel2,
    });
  }

  return {
    itemId: item.sku,
    displayName: item.title,
    salesDescription: item.title,
    upcCode: item.upc,
    basePrice: item.netsuite.basePrice,
    subsidiary: itemCtx.sub,
    isInactive: false,
    price: { items: prices },
  };
}

function openingStock(
  ctx: NsContext,
  itemId: number,
  item: CatalogItem,
  locations: ItemContext['locations'],
): void {
  const moves = [
    { itemId, locationId: locations.warehouse, quantity: item.netsuite.warehouseQty },
    { itemId, locationId: locations.fba, quantity: item.netsuite.fbaQty },
  ].filter((move) => move.quantity !== 0);

  ctx.store.setMoves(null, moves);
}
