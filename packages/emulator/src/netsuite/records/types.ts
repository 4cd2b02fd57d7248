/**
 * Record types the emulator knows, with the fields it validates. Names are the REST API Browser
 * 2026.1 camelCase names (shared/reference/netsuite.md §1.1, §6); lookups are case-insensitive.
 * Fields not listed here are stored and returned as sent (custom fields included).
 */

/** A group of record types a reference field may point to. */
export type RefTarget =
  | 'item'
  | 'customer'
  | 'location'
  | 'subsidiary'
  | 'currency'
  | 'account'
  | 'shipItem'
  | 'salesTaxItem'
  | 'priceLevel'
  | 'department'
  | 'classification'
  | 'transaction';

/** A sublist: its key field (matched on PATCH), reference fields and money fields. */
export interface SublistDef {
  key: 'line' | 'doc' | null;
  refs: Record<string, RefTarget>;
  money: string[];
  required: Array<[field: string, label: string]>;
}

/** One record type. */
export interface RecordTypeDef {
  name: string;
  family: 'entity' | 'item' | 'transaction' | 'list' | 'custom';
  label: string;
  /** SuiteQL `transaction.type` code, e.g. SalesOrd. */
  tranType?: string;
  /** SuiteQL `item.itemtype`, e.g. InvtPart. */
  itemType?: string;
  required: Array<[field: string, label: string]>;
  refs: Record<string, RefTarget>;
  money: string[];
  sublists: Record<string, SublistDef>;
}

const LINE_REFS: Record<string, RefTarget> = {
  item: 'item',
  location: 'location',
  price: 'priceLevel',
  taxCode: 'salesTaxItem',
  department: 'department',
  class: 'classification',
};
const LINE_MONEY = ['rate', 'amount'];
const ITEM_LINES: SublistDef = {
  key: 'line',
  refs: LINE_REFS,
  money: LINE_MONEY,
  required: [['item', 'Item']],
};
const APPLY_LINES: SublistDef = {
  key: 'doc',
  refs: { doc: 'transaction' },
  money: ['amount', 'total', 'due'],
  required: [['doc', 'Doc']],
};
const TXN_REFS: Record<string, RefTarget> = {
  subsidiary: 'subsidiary',
  currency: 'currency',
  location: 'location',
  department: 'department',
  class: 'classification',
  createdFrom: 'transaction',
  account: 'account',
};
const TXN_MONEY = [
  'shippingCost',
  'handlingCost',
  'subtotal',
  'taxTotal',
  'total',
  'discountTotal',
];

function transaction(
  name: string,
  label: string,
  tranType: string,
  extra: Partial<RecordTypeDef> = {},
): RecordTypeDef {
  return {
    name,
    label,
    tranType,
    family: 'transaction',
    required: [['entity', 'Customer']],
    refs: { ...TXN_REFS, entity: 'customer', shipMethod: 'shipItem' },
    money: [...TXN_MONEY, 'amountRemaining', 'amountPaid', 'applied', 'unapplied'],
    sublists: { item: ITEM_LINES },
    ...extra,
  };
}

function item(
  name: string,
  label: string,
  itemType: string,
  extra: Partial<RecordTypeDef> = {},
): RecordTypeDef {
  return {
    name,
    label,
    itemType,
    family: 'item',
    required: [['itemId', 'Item Name/Number']],
    refs: { subsidiary: 'subsidiary', parent: 'item', location: 'location' },
    money: ['basePrice', 'cost', 'rate'],
    sublists: {},
    ...extra,
  };
}

function list(name: string, label: string, required: Array<[string, string]>): RecordTypeDef {
  return {
    name,
    label,
    family: 'list',
    required,
    refs: { subsidiary: 'subsidiary' },
    money: [],
    sublists: {},
  };
}

const PRICING: SublistDef = {
  key: null,
  refs: { priceLevel: 'priceLevel', currency: 'currency' },
  money: ['price'],
  required: [],
};

const DEFINITIONS: RecordTypeDef[] = [
  list('subsidiary', 'Subsidiary', [['name', 'Name']]),
  list('currency', 'Currency', [['symbol', 'ISO Code']]),
  list('location', 'Location', [['name', 'Name']]),
  list('account', 'Account', [['acctName', 'Account Name']]),
  list('priceLevel', 'Price Level', [['name', 'Price Level']]),
  list('department', 'Department', [['name', 'Name']]),
  list('classification', 'Class', [['name', 'Name']]),
  {
    name: 'customer',
    label: 'Customer',
    family: 'entity',
    required: [['subsidiary', 'Primary Subsidiary']],
    refs: { subsidiary: 'subsidiary', currency: 'currency', priceLevel: 'priceLevel' },
    money: ['balance'],
    sublists: { addressBook: { key: null, refs: {}, money: [], required: [] } },
  },
  item('inventoryItem', 'Inventory Item', 'InvtPart', { sublists: { price: PRICING } }),
  item('kitItem', 'Kit/Package', 'Kit', {
    sublists: {
      member: { key: null, refs: { item: 'item' }, money: [], required: [['item', 'Item']] },
      price: PRICING,
    },
  }),
  item('nonInventorySaleItem', 'Non-inventory Item for Sale', 'NonInvtPart', {
    sublists: { price: PRICING },
  }),
  item('serviceSaleItem', 'Service for Sale', 'Service'),
  item('otherChargeSaleItem', 'Other Charge for Sale', 'OthCharge'),
  item('discountItem', 'Discount', 'Discount'),
  item('shipItem', 'Shipping Item', 'ShipItem'),
  item('salesTaxItem', 'Tax Code', 'TaxItem', { money: [] }),
  transaction('salesOrder', 'Sales Order', 'SalesOrd'),
  transaction('invoice', 'Invoice', 'CustInvc', { sublists: { item: ITEM_LINES } }),
  transaction('cashSale', 'Cash Sale', 'CashSale'),
  transaction('creditMemo', 'Credit Memo', 'CustCred', {
    sublists: { item: ITEM_LINES, apply: APPLY_LINES },
  }),
  transaction('returnAuthorization', 'Return Authorization', 'RtnAuth'),
  transaction('itemFulfillment', 'Item Fulfillment', 'ItemShip', {
    required: [['createdFrom', 'Created From']],
    sublists: { item: ITEM_LINES, package: { key: null, refs: {}, money: [], required: [] } },
  }),
  transaction('itemReceipt', 'Item Receipt', 'ItemRcpt', {
    required: [['createdFrom', 'Created From']],
  }),
  transaction('customerPayment', 'Payment', 'CustPymt', {
    required: [['customer', 'Customer']],
    refs: { ...TXN_REFS, customer: 'customer', arAcct: 'account' },
    money: ['payment', 'applied', 'unapplied', 'total'],
    sublists: { apply: APPLY_LINES },
  }),
  transaction('customerRefund', 'Customer Refund', 'CustRfnd', {
    required: [['customer', 'Customer']],
    refs: { ...TXN_REFS, customer: 'customer', arAcct: 'account' },
    money: ['total'],
    sublists: { apply: APPLY_LINES },
  }),
  transaction('transferOrder', 'Transfer Order', 'TrnfrOrd', {
    required: [
      ['subsidiary', 'Subsidiary'],
      ['location', 'From Location'],
      ['transferLocation', 'To Location'],
    ],
    refs: { ...TXN_REFS, transferLocation: 'location', shipMethod: 'shipItem' },
  }),
  transaction('inventoryAdjustment', 'Inventory Adjustment', 'InvAdjst', {
    required: [
      ['subsidiary', 'Subsidiary'],
      ['account', 'Adjustment Account'],
    ],
    refs: { ...TXN_REFS, adjLocation: 'location', customer: 'customer' },
    money: ['estimatedTotalValue'],
    sublists: {
      inventory: {
        key: 'line',
        refs: {
          item: 'item',
          location: 'location',
          department: 'department',
          class: 'classification',
        },
        money: ['unitCost'],
        required: [['item', 'Item']],
      },
    },
  }),
  transaction('journalEntry', 'Journal', 'Journal', {
    required: [['subsidiary', 'Subsidiary']],
    refs: TXN_REFS,
    money: [],
    sublists: {
      line: {
        key: 'line',
        refs: {
          account: 'account',
          entity: 'customer',
          department: 'department',
          class: 'classification',
        },
        money: ['debit', 'credit'],
        required: [['account', 'Account']],
      },
    },
  }),
];

const BY_LOWER = new Map(DEFINITIONS.map((def) => [def.name.toLowerCase(), def]));
BY_LOWER.set('noninventoryitem', BY_LOWER.get('noninventorysaleitem') as RecordTypeDef);

/** Types of each reference group. */
export const TARGET_TYPES: Record<RefTarget, string[]> = {
  item: DEFINITIONS.filter((d) => d.family === 'item').map((d) => d.name),
  transaction: DEFINITIONS.filter((d) => d.family === 'transaction').map((d) => d.name),
  customer: ['customer'],
  location: ['location'],
  subsidiary: ['subsidiary'],
  currency: ['currency'],
  account: ['account'],
  shipItem: ['shipItem'],
  salesTaxItem: ['salesTaxItem'],
  priceLevel: ['priceLevel'],
  department: ['department'],
  classification: ['classification'],
};

/** Every known type (custom record types are created on demand). */
export function knownTypes(): RecordTypeDef[] {
  return DEFINITIONS;
}

/** Resolves a URL type segment case-insensitively; custom record script ids are accepted as is. */
export function resolveType(segment: string): RecordTypeDef | undefined {
  const lower = segment.toLowerCase();
  const known = BY_LOWER.get(lower);
  if (known !== undefined) return known;
  if (!/^customrecord_[a-z0-9_]+$/.test(lower)) return undefined;

  return {
    name: lower,
    label: lower,
    family: 'custom',
    required: [],
    refs: {},
    money: [],
    sublists: {},
  };
}

/** Types whose SuiteQL `transaction.type` code is `code`. */
export function typeByTranType(code: string): RecordTypeDef | undefined {
  return DEFINITIONS.find((def) => def.tranType === code);
}
