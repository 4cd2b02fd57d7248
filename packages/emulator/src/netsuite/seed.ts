/**
 * Seeds the NetSuite account from the shared world so both sides agree: subsidiary, currencies,
 * locations (warehouse, Amazon FBA, FBA damaged), accounts, price levels, tax and shipping items,
 * a default Amazon customer per marketplace, and one item per catalog SKU that is in NetSuite
 * (inventory, kit with members, matrix parent + children, non-inventory) with opening stock.
 */
import type { World, CatalogItem } from '../world/types';
import type { NsContext } from './context';
import { createRecord } from './records/service';
import { resolveType, type RecordTypeDef } from './records/types';

/** Internal ids of the seeded records flows and tests refer to. */
export interface SeededRefs {
  subsidiary: number;
  currencies: Record<string, number>;
  locations: { warehouse: number; fba: number; fbaDamaged: number };
  accounts: Record<
    'clearing' | 'fees' | 'variance' | 'receivable' | 'undepositedFunds' | 'sales' | 'adjustment',
    number
  >;
  priceLevels: { base: number; amazon: number };
  taxItems: { marketplaceFacilitator: number; salesTax: number };
  shipItems: { standard: number; expedited: number };
  customers: Record<string, number>;
  /** Item internal id by SKU (only SKUs that are in NetSuite). */
  items: Record<string, number>;
}

function def(name: string): RecordTypeDef {
  return resolveType(name) as RecordTypeDef;
}

function add(ctx: NsContext, type: string, body: Record<string, unknown>, id?: number): number {
  return createRecord(ctx, def(type), body, id === undefined ? {} : { id });
}

const ref = (id: number): { id: string } => ({ id: String(id) });

/** Seeds once; a database file that was seeded before keeps its records (returns the saved refs). */
export function seedFromWorld(ctx: NsContext, world: World): SeededRefs {
  const saved = ctx.store.meta('seeded');
  if (saved !== undefined) return JSON.parse(saved) as SeededRefs;

  const refs = ctx.store.atomic(() => seedAll(ctx, world));
  ctx.store.setMeta('seeded', JSON.stringify(refs));
  return refs;
}

function seedAll(ctx: NsContext, world: World): SeededRefs {
  const currencies: Record<string, number> = {};
  for (const code of new Set(['USD', ...world.seller.marketplaces.map((m) => m.currency)])) {
    currencies[code] = add(ctx, 'currency', {
      name: code,
      symbol: code,
      isBaseCurrency: code === 'USD',
      exchangeRate: code === 'USD' ? 1 : 1.08,
      externalId: code,
    });
  }

  const usd = ref(currencies.USD ?? 0);
  const subsidiary = add(ctx, 'subsidiary', {
    name: world.seller.name,
    currency: usd,
    country: 'US',
    externalId: 'sub-main',
  });
  const sub = ref(subsidiary);
  const location = (name: string, externalId: string, available: boolean): number =>
    add(ctx, 'location', {
      name,
      subsidiary: sub,
      makeInventoryAvailable: available,
      isInactive: false,
      externalId,
    });
  const locations = {
    warehouse: location('Main Warehouse', 'loc-warehouse', true),
    fba: location('Amazon FBA', 'loc-fba', true),
    fbaDamaged: location('Amazon FBA - Damaged', 'loc-fba-damaged', false),
  };

  const account = (acctNumber: string, acctName: string, acctType: string): number =>
    add(ctx, 'account', {
      acctNumber,
      acctName,
      acctType,
      subsidiary: sub,
      externalId: `acct-${acctNumber}`,
    });
  const accounts = {
    clearing: account('1150', 'Amazon Clearing', 'Bank'),
    undepositedFunds: account('1200', 'Undeposited Funds', 'OthCurrAsset'),
    receivable: account('1100', 'Accounts Receivable', 'AcctRec'),
    sales: account('4000', 'Sales', 'Income'),
    fees: account('6150', 'Amazon Fees', 'Expense'),
    variance: account('6160', 'Amazon Settlement Variance', 'Expense'),
    adjustment: account('5100', 'Inventory Adjustments', 'COGS'),
  };

  const priceLevels = {
    base: add(ctx, 'priceLevel', { name: 'Base Price', discountPct: 0 }),
    amazon: add(ctx, 'priceLevel', { name: 'Amazon Price', discountPct: 0 }),
  };
  const taxItems = {
    marketplaceFacilitator: add(ctx, 'salesTaxItem', {
      itemId: 'Marketplace Facilitator Tax',
      rate: '0',
      externalId: 'tax-mf',
    }),
    salesTax: add(ctx, 'salesTaxItem', {
      itemId: 'US Sales Tax 8.25%',
      rate: '8.25',
      externalId: 'tax-us',
    }),
  };
  const shipItems = {
    standard: add(ctx, 'shipItem', {
      itemId: 'Amazon Standard Shipping',
      displayName: 'Standard',
      externalId: 'ship-standard',
    }),
    expedited: add(ctx, 'shipItem', {
      itemId: 'Amazon Expedited Shipping',
      displayName: 'Expedited',
      externalId: 'ship-expedited',
    }),
  };

  const customers: Record<string, number> = {};
  for (const market of world.seller.marketplaces) {
    customers[market.code] = add(ctx, 'customer', {
      companyName: `Amazon ${market.code} Customer`,
      entityId: `Amazon ${market.code} Customer`,
      isPerson: false,
      subsidiary: sub,
      currency: ref(currencies[market.currency] ?? 0),
      externalId: `amazon-default-${market.code}`,
    });
  }

  const items = seedItems(ctx, world.catalog, { sub, locations, currencies, priceLevels });
  return {
    subsidiary,
    currencies,
    locations,
    accounts,
    priceLevels,
    taxItems,
    shipItems,
    customers,
    items,
  };
}

interface ItemContext {
  sub: { id: string };
  locations: SeededRefs['locations'];
  currencies: Record<string, number>;
  priceLevels: SeededRefs['priceLevels'];
}

function seedItems(
  ctx: NsContext,
  catalog: CatalogItem[],
  itemCtx: ItemContext,
): Record<string, number> {
  const items: Record<string, number> = {};
  const inNetSuite = catalog.filter((item) => item.inNetSuite);
  // The world fixes each item's internal id (netsuite.itemId); matrix parents get ids above them.
  let nextParentId =
    Math.max(0, ...inNetSuite.map((item) => Number(item.netsuite.itemId) || 0)) + 1;

  for (const item of inNetSuite.filter((i) => i.kind === 'matrix' && i.parentSku !== undefined)) {
    const parentSku = item.parentSku as string;
    if (items[parentSku] !== undefined) continue;

    items[parentSku] = add(
      ctx,
      'inventoryItem',
      { itemId: parentSku, displayName: parentSku, matrixType: 'PARENT', subsidiary: itemCtx.sub },
      nextParentId,
    );
    nextParentId += 1;
  }

  for (const item of inNetSuite.filter((i) => i.kind !== 'kit')) {
    const type = item.kind === 'nonInventory' ? 'nonInventorySaleItem' : 'inventoryItem';
    const matrix =
      item.kind === 'matrix' && item.parentSku !== undefined
        ? { matrixType: 'CHILD', parent: ref(items[item.parentSku] ?? 0) }
        : {};
    items[item.sku] = add(ctx, type, { ...itemBody(item, itemCtx), ...matrix }, worldId(item));
    if (type === 'inventoryItem') openingStock(ctx, items[item.sku] ?? 0, item, itemCtx.locations);
  }

  for (const item of inNetSuite.filter((i) => i.kind === 'kit')) {
    const members = (item.components ?? [])
      .filter((c) => items[c.sku] !== undefined)
      .map((c) => ({ item: ref(items[c.sku] ?? 0), quantity: c.quantity }));
    items[item.sku] = add(
      ctx,
      'kitItem',
      { ...itemBody(item, itemCtx), member: { items: members } },
      worldId(item),
    );
  }

  return items;
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
  locations: SeededRefs['locations'],
): void {
  const moves = [
    { itemId, locationId: locations.warehouse, quantity: item.netsuite.warehouseQty },
    { itemId, locationId: locations.fba, quantity: item.netsuite.fbaQty },
  ].filter((move) => move.quantity !== 0);

  ctx.store.setMoves(null, moves);
}
