/**
 * Seeds the NetSuite account from the shared world so both sides agree: subsidiary, currencies,
 * locations (warehouse, Amazon FBA, FBA damaged), accounts for clearing, fees and variance, price
 * levels, tax and shipping items, a default Amazon customer per marketplace, then the catalog.
 */
import type { World } from '../world/types';
import type { NsContext } from './context';
import { createRecord } from './records/service';
import { resolveType, type RecordTypeDef } from './records/types';
import { seedItems } from './seed-items';

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
  /** Default Amazon customer per marketplace code. */
  customers: Record<string, number>;
  /** Item internal id by SKU (only SKUs that are in NetSuite). */
  items: Record<string, number>;
}

type Body = Record<string, unknown>;

const ref = (id: number): { id: string } => ({ id: String(id) });

function add(ctx: NsContext, type: string, body: Body): number {
  return createRecord(ctx, resolveType(type) as RecordTypeDef, body);
}

/** Seeds once; a database file that was seeded before keeps its records and refs. */
export function seedFromWorld(ctx: NsContext, world: World): SeededRefs {
  const saved = ctx.store.meta('seeded');
  if (saved !== undefined) return JSON.parse(saved) as SeededRefs;

  const refs = ctx.store.atomic(() => seedAll(ctx, world));
  ctx.store.setMeta('seeded', JSON.stringify(refs));
  return refs;
}

function seedAll(ctx: NsContext, world: World): SeededRefs {
  const currencies = seedCurrencies(ctx, world);
  const subsidiary = add(ctx, 'subsidiary', {
    name: world.seller.name,
    currency: ref(currencies.USD ?? 0),
    country: 'US',
    externalId: 'sub-main',
  });
  const sub = ref(subsidiary);
  const locations = seedLocations(ctx, sub);
  const priceLevels = {
    base: add(ctx, 'priceLevel', { name: 'Base Price', discountPct: 0 }),
    amazon: add(ctx, 'priceLevel', { name: 'Amazon Price', discountPct: 0 }),
  };

  return {
    subsidiary,
    currencies,
    locations,
    accounts: seedAccounts(ctx, sub),
    priceLevels,
    ...seedServiceItems(ctx),
    customers: seedCustomers(ctx, world, sub, currencies),
    items: seedItems(ctx, world.catalog, { sub, locations, currencies, priceLevels }),
  };
}

function seedCurrencies(ctx: NsContext, world: World): Record<string, number> {
  const codes = new Set(['USD', ...world.seller.marketplaces.map((m) => m.currency)]);
  const currencies: Record<string, number> = {};

  for (const code of codes) {
    const base = code === 'USD';
    const body = { name: code, symbol: code, isBaseCurrency: base, exchangeRate: base ? 1 : 1.08 };
    currencies[code] = add(ctx, 'currency', { ...body, externalId: code });
  }
  return currencies;
}

function seedLocations(ctx: NsContext, sub: { id: string }): SeededRefs['locations'] {
  const location = (name: string, externalId: string, available: boolean): number =>
    add(ctx, 'location', { name, subsidiary: sub, makeInventoryAvailable: available, externalId });

  return {
    warehouse: location('Main Warehouse', 'loc-warehouse', true),
    fba: location('Amazon FBA', 'loc-fba', true),
    fbaDamaged: location('Amazon FBA - Damaged', 'loc-fba-damaged', false),
  };
}

function seedAccounts(ctx: NsContext, sub: { id: string }): SeededRefs['accounts'] {
  const account = (acctNumber: string, acctName: string, acctType: string): number =>
    add(ctx, 'account', {
      acctNumber,
      acctName,
      acctType,
      subsidiary: sub,
      externalId: `acct-${acctNumber}`,
    });

  return {
    clearing: account('1150', 'Amazon Clearing', 'Bank'),
    undepositedFunds: account('1200', 'Undeposited Funds', 'OthCurrAsset'),
    receivable: account('1100', 'Accounts Receivable', 'AcctRec'),
    sales: account('4000', 'Sales', 'Income'),
    fees: account('6150', 'Amazon Fees', 'Expense'),
    variance: account('6160', 'Amazon Settlement Variance', 'Expense'),
    adjustment: account('5100', 'Inventory Adjustments', 'COGS'),
  };
}

/** Tax codes (rate in percent) and shipping items (what `shipMethod` points to). */
function seedServiceItems(ctx: NsContext): Pick<SeededRefs, 'taxItems' | 'shipItems'> {
  const named = (type: string, itemId: string, externalId: string, fields: Body): number =>
    add(ctx, type, { itemId, externalId, ...fields });

  return {
    taxItems: {
      marketplaceFacilitator: named('salesTaxItem', 'Marketplace Facilitator Tax', 'tax-mf', {
        rate: '0',
      }),
      salesTax: named('salesTaxItem', 'US Sales Tax 8.25%', 'tax-us', { rate: '8.25' }),
    },
    shipItems: {
      standard: named('shipItem', 'Amazon Standard Shipping', 'ship-standard', {
        displayName: 'Standard',
      }),
      expedited: named('shipItem', 'Amazon Expedited Shipping', 'ship-expedited', {
        displayName: 'Expedited',
      }),
    },
  };
}

function seedCustomers(
  ctx: NsContext,
  world: World,
  sub: { id: string },
  currencies: Record<string, number>,
): Record<string, number> {
  const customers: Record<string, number> = {};

  for (const market of world.seller.marketplaces) {
    const name = `Amazon ${market.code} Customer`;
    customers[market.code] = add(ctx, 'customer', {
      companyName: name,
      entityId: name,
      isPerson: false,
      subsidiary: sub,
      currency: ref(currencies[market.currency] ?? 0),
      externalId: `amazon-default-${market.code}`,
    });
  }
  return customers;
}
