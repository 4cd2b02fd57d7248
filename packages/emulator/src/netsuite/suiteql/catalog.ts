/**
 * The SuiteQL tables as SQLite views over the record store, with NetSuite's lower-case column
 * names (shared/reference/netsuite.md §2.3: item, customer, transaction, transactionline,
 * inventoryitemlocations, aggregateitemlocation, pricing, …). Booleans are 'T'/'F' as SuiteQL
 * returns them; references are internal ids; `_body` keeps the JSON for custom fields.
 */
import type Database from 'better-sqlite3';
import { knownTypes } from '../records/types';

const j = (path: string): string => `json_extract(r.body, '$.${path}')`;
const bool = (path: string): string => `CASE WHEN ${j(path)} = 1 THEN 'T' ELSE 'F' END`;
const refCol = (path: string): string => `CAST(${j(`${path}.id`)} AS INTEGER)`;
const inList = (names: string[]): string => names.map((name) => `'${name}'`).join(', ');

const itemTypes = knownTypes().filter((def) => def.family === 'item');
const tranTypes = knownTypes().filter((def) => def.family === 'transaction');
const itemTypeCase = `CASE r.type ${itemTypes.map((d) => `WHEN '${d.name}' THEN '${d.itemType ?? ''}'`).join(' ')} END`;
const tranTypeCase = `CASE r.type ${tranTypes.map((d) => `WHEN '${d.name}' THEN '${d.tranType ?? ''}'`).join(' ')} END`;
const tranLabelCase = `CASE r.type ${tranTypes.map((d) => `WHEN '${d.name}' THEN '${d.label}'`).join(' ')} END`;

function recordsOf(types: string[]): string {
  return `FROM ns_record r WHERE r.type IN (${inList(types)})`;
}

const common = `r.id AS id, r.external_id AS externalid, r.created AS datecreated, r.modified AS lastmodifieddate, r.body AS _body`;

/** View name → SELECT body. */
const VIEWS: Record<string, string> = {
  item: `SELECT ${common}, ${j('itemId')} AS itemid, ${j('itemId')} AS fullname, ${j('displayName')} AS displayname,
    ${j('salesDescription')} AS salesdescription, ${itemTypeCase} AS itemtype, ${j('upcCode')} AS upccode,
    ${bool('isInactive')} AS isinactive, ${refCol('parent')} AS parent, ${j('matrixType')} AS matrixtype,
    ${j('basePrice')} AS baseprice, ${j('rate')} AS rate, ${refCol('subsidiary')} AS subsidiary, ${j('vendorName')} AS vendorname,
    r.ref_name AS _refname ${recordsOf(itemTypes.map((d) => d.name))}`,
  customer: `SELECT ${common}, ${j('entityId')} AS entityid, ${j('companyName')} AS companyname, ${j('firstName')} AS firstname,
    ${j('lastName')} AS lastname, ${j('email')} AS email, ${j('phone')} AS phone, ${bool('isPerson')} AS isperson,
    ${bool('isInactive')} AS isinactive, ${refCol('subsidiary')} AS subsidiary, ${refCol('currency')} AS currency,
    ${refCol('priceLevel')} AS pricelevel, r.ref_name AS _refname ${recordsOf(['customer'])}`,
  location: `SELECT ${common}, ${j('name')} AS name, ${j('name')} AS fullname, ${bool('isInactive')} AS isinactive,
    ${refCol('subsidiary')} AS subsidiary, ${bool('makeInventoryAvailable')} AS makeinventoryavailable,
    ${j('locationType')} AS locationtype, r.ref_name AS _refname ${recordsOf(['location'])}`,
  subsidiary: `SELECT ${common}, ${j('name')} AS name, ${refCol('currency')} AS currency, ${j('country')} AS country,
    ${bool('isInactive')} AS isinactive, r.ref_name AS _refname ${recordsOf(['subsidiary'])}`,
  currency: `SELECT ${common}, ${j('name')} AS name, ${j('symbol')} AS symbol, ${j('exchangeRate')} AS exchangerate,
    ${bool('isBaseCurrency')} AS isbasecurrency, r.ref_name AS _refname ${recordsOf(['currency'])}`,
  account: `SELECT ${common}, ${j('acctNumber')} AS acctnumber, ${j('acctName')} AS acctname, ${j('acctName')} AS fullname,
    ${j('acctType')} AS accttype, ${bool('isInactive')} AS isinactive, r.ref_name AS _refname ${recordsOf(['account'])}`,
  pricelevel: `SELECT ${common}, ${j('name')} AS name, ${j('discountPct')} AS discountpct, ${bool('isInactive')} AS isinactive,
    r.ref_name AS _refname ${recordsOf(['priceLevel'])}`,
  shipitem: `SELECT ${common}, ${j('itemId')} AS itemid, ${j('displayName')} AS displayname, r.ref_name AS _refname ${recordsOf(['shipItem'])}`,
  salestaxitem: `SELECT ${common}, ${j('itemId')} AS itemid, ${j('rate')} AS rate, r.ref_name AS _refname ${recordsOf(['salesTaxItem'])}`,
  department: `SELECT ${common}, ${j('name')} AS name, r.ref_name AS _refname ${recordsOf(['department'])}`,
  classification: `SELECT ${common}, ${j('name')} AS name, r.ref_name AS _refname ${recordsOf(['classification'])}`,
  transaction: `SELECT ${common}, ${j('tranId')} AS tranid, ${tranTypeCase} AS type, ${tranLabelCase} AS _typename, LOWER(r.type) AS recordtype,
    COALESCE(${j('status.id')}, ${j('shipStatus.id')}) AS status, COALESCE(${j('status.refName')}, ${j('shipStatus.refName')}) AS _statusname, ${j('tranDate')} AS trandate,
    COALESCE(${refCol('entity')}, ${refCol('customer')}) AS entity, ${j('otherRefNum')} AS otherrefnum, ${j('memo')} AS memo,
    r.created_from AS createdfrom, ${refCol('subsidiary')} AS subsidiary, ${refCol('currency')} AS currency,
    ${refCol('location')} AS location, ${refCol('shipMethod')} AS shipmethod,
    COALESCE(${j('total')}, ${j('payment')}) AS foreigntotal, ${j('amountRemaining')} AS foreignamountremaining,
    ${j('taxTotal')} AS taxtotal, ${j('shippingCost')} AS shippingcost, r.ref_name AS _refname ${recordsOf(tranTypes.map((d) => d.name))}`,
};

const lineJ = (path: string): string => `json_extract(l.value, '$.${path}')`;
const lineColumns = (
  sublist: string,
  quantity: string,
): string => `SELECT r.id AS "transaction", ${lineJ('line')} AS id,
    ${lineJ('line')} AS linesequencenumber, 'F' AS mainline, CAST(${lineJ('item.id')} AS INTEGER) AS item,
    ${quantity} AS quantity, ${lineJ('rate')} AS rate, ${lineJ('amount')} AS netamount, ${lineJ('amount')} AS foreignamount,
    CAST(COALESCE(${lineJ('location.id')}, ${j('location.id')}) AS INTEGER) AS location,
    CASE WHEN ${lineJ('isClosed')} = 1 THEN 'T' ELSE 'F' END AS isclosed,
    COALESCE(${lineJ('quantityFulfilled')}, ${lineJ('quantityReceived')}) AS quantityshiprecv,
    ${lineJ('quantityBilled')} AS quantitybilled, r.created_from AS createdfrom, ${lineJ('orderLine')} AS orderline,
    ${lineJ('description')} AS memo, CAST(${lineJ('taxCode.id')} AS INTEGER) AS taxcode, ${lineJ('itemType')} AS itemtype,
    COALESCE(${refCol('entity')}, ${refCol('customer')}) AS entity, l.value AS _body
  FROM ns_record r, json_each(r.body, '$.${sublist}.items') l WHERE r.type IN (${inList(tranTypes.map((d) => d.name))})`;

VIEWS.transactionline = `SELECT r.id AS "transaction", 0 AS id, 0 AS linesequencenumber, 'T' AS mainline, NULL AS item,
    NULL AS quantity, NULL AS rate, COALESCE(${j('total')}, ${j('payment')}) AS netamount, COALESCE(${j('total')}, ${j('payment')}) AS foreignamount,
    ${refCol('location')} AS location, 'F' AS isclosed, NULL AS quantityshiprecv, NULL AS quantitybilled,
    r.created_from AS createdfrom, NULL AS orderline, ${j('memo')} AS memo, NULL AS taxcode, NULL AS itemtype,
    COALESCE(${refCol('entity')}, ${refCol('customer')}) AS entity, r.body AS _body
  ${recordsOf(tranTypes.map((d) => d.name))}
  UNION ALL ${lineColumns('item', lineJ('quantity'))}
  UNION ALL ${lineColumns('inventory', lineJ('adjustQtyBy'))}`;

// Open sales-order quantities per item and location; kit lines count as their members.
VIEWS.ns_committed = `SELECT COALESCE(CAST(json_extract(m.value, '$.item.id') AS INTEGER), o.item) AS item, o.location,
    SUM(o.quantity * COALESCE(json_extract(m.value, '$.quantity'), 1)) AS quantity
  FROM (SELECT CAST(${lineJ('item.id')} AS INTEGER) AS item,
      CAST(COALESCE(${lineJ('location.id')}, ${j('location.id')}) AS INTEGER) AS location,
      MAX(0, ${lineJ('quantity')} - COALESCE(${lineJ('quantityFulfilled')}, 0)) AS quantity
    FROM ns_record r, json_each(r.body, '$.item.items') l
    WHERE r.type = 'salesOrder' AND COALESCE(${lineJ('isClosed')}, 0) = 0) o
  LEFT JOIN ns_record k ON k.id = o.item AND k.type = 'kitItem'
  LEFT JOIN json_each(k.body, '$.member.items') m
  GROUP BY 1, 2`;

VIEWS.inventoryitemlocations = `SELECT m.item_id AS item, m.location_id AS location, SUM(m.quantity) AS quantityonhand,
    SUM(m.quantity) - COALESCE(MAX(c.quantity), 0) AS quantityavailable, COALESCE(MAX(c.quantity), 0) AS quantitycommitted,
    0 AS quantityonorder, 0 AS quantityintransit, 0 AS quantitybackordered
  FROM ns_inventory_move m LEFT JOIN ns_committed c ON c.item = m.item_id AND c.location = m.location_id
  GROUP BY m.item_id, m.location_id`;

VIEWS.aggregateitemlocation = 'SELECT * FROM inventoryitemlocations';

VIEWS.pricing = `SELECT r.id AS item, CAST(${lineJ('priceLevel.id')} AS INTEGER) AS pricelevel, 1 AS priceqty,
    ${lineJ('price')} AS unitprice, CAST(${lineJ('currency.id')} AS INTEGER) AS currency
  FROM ns_record r, json_each(r.body, '$.price.items') l WHERE r.type IN (${inList(itemTypes.map((d) => d.name))})`;

/** Column kinds that need conversion on output or in BUILTIN.DF. */
export const DATE_COLUMNS = new Set(['trandate', 'datecreated', 'lastmodifieddate']);

/** Reference columns: BUILTIN.DF shows the referenced record's name. */
export const REFERENCE_COLUMNS = new Set([
  'entity',
  'item',
  'location',
  'subsidiary',
  'currency',
  'createdfrom',
  'transaction',
  'pricelevel',
  'parent',
  'shipmethod',
  'taxcode',
]);

/** Tables a query may name (the helper view ns_committed is private). */
export function publicTables(): string[] {
  return Object.keys(VIEWS).filter((name) => !name.startsWith('ns_'));
}

/** (Re)creates every view; runs at start so a file from an older run gets current definitions. */
export function createViews(db: Database.Database): void {
  for (const name of Object.keys(VIEWS).reverse()) db.exec(`DROP VIEW IF EXISTS "${name}"`);
  for (const [name, body] of Object.entries(VIEWS)) db.exec(`CREATE VIEW "${name}" AS ${body}`);
}

/** Column names of a view (from SQLite), cached per database. */
export function columnsOf(db: Database.Database, table: string): string[] {
  const rows = db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as Array<{
    name: string;
  }>;
  return rows.map((row) => row.name);
}

/** The SELECT of a custom record type's table (`customrecord_<scriptid>`). */
export function customRecordSource(scriptId: string): string {
  return `(SELECT r.id AS id, r.external_id AS externalid, ${j('name')} AS name, ${bool('isInactive')} AS isinactive,
    r.created AS created, r.modified AS lastmodified, r.body AS _body, r.ref_name AS _refname
    FROM ns_record r WHERE r.type = '${scriptId.replaceAll("'", '')}')`;
}
