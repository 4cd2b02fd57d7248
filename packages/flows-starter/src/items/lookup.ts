/**
 * Item lookup: one SuiteQL query per page of SKUs (DESIGN §2 "NetSuite reads": batched, never
 * one GET per lookup). Columns from netsuite.md §2.3.
 */
import { escapeLiteral } from '@sellerbridge/netsuite-client';

import type { ItemLookupSettings } from '../settings/common';

/** NetSuite's SuiteQL has no documented IN-list cap; 1000 keeps statements far below its size limit. */
export const MAX_SKUS_PER_QUERY = 1000;

/** A SuiteQL row (lower-case keys, string values). */
export type SuiteQlRow = Record<string, unknown>;

/** A query and the columns holding the item id and the matched key. */
export interface ItemLookupQuery {
  query: string;
  idColumn: string;
  keyColumn: string;
}

/**
 * Quotes a SuiteQL string literal through the netsuite-client's escaper (single quotes doubled;
 * the dialect has no backslash escape; NUL rejected).
 */
export function quoteSuiteQl(value: string): string {
  return escapeLiteral(value);
}

/** The value stored in NetSuite that a SKU is looked up by. */
export function lookupKeyOf(sku: string, settings: ItemLookupSettings): string {
  return settings.by === 'externalId' ? `${settings.externalIdPrefix}${sku}` : sku;
}

/**
 * Builds the query of one page of SKUs (no column aliases: plain columns keep to the SuiteQL
 * subset every account and the emulator accept).
 * @throws RangeError for an empty page or more than {@link MAX_SKUS_PER_QUERY} SKUs.
 */
export function buildItemLookupQuery(
  skus: readonly string[],
  settings: ItemLookupSettings,
): ItemLookupQuery {
  if (skus.length === 0 || skus.length > MAX_SKUS_PER_QUERY) {
    throw new RangeError(`item lookup takes 1..${MAX_SKUS_PER_QUERY} SKUs, got ${skus.length}`);
  }

  const list = [...new Set(skus.map((sku) => lookupKeyOf(sku, settings)))]
    .map(quoteSuiteQl)
    .join(', ');

  if (settings.by === 'alias' && settings.alias) {
    const { recordType, skuField, itemField } = settings.alias;

    const query = `SELECT ${itemField}, ${skuField} FROM ${recordType} WHERE isinactive = 'F' AND ${skuField} IN (${list})`;

    return { query, idColumn: itemField.toLowerCase(), keyColumn: skuField.toLowerCase() };
  }

  const column =
    settings.by === 'upc' ? 'upccode' : settings.by === 'externalId' ? 'externalid' : 'itemid';
  const query = `SELECT id, ${column} FROM item WHERE isinactive = 'F' AND ${column} IN (${list})`;

  return { query, idColumn: 'id', keyColumn: column };
}

/**
 * Maps SKUs to item ids from the query rows: exact key first, then a case-insensitive match
 * (item names are case-insensitive in NetSuite). A SKU matching two items takes the lowest id.
 */
export function mapSkusToItems(
  skus: readonly string[],
  rows: readonly SuiteQlRow[],
  lookup: Pick<ItemLookupQuery, 'idColumn' | 'keyColumn'>,
  settings: ItemLookupSettings,
): Map<string, string> {
  const exact = new Map<string, string>();
  const folded = new Map<string, string>();
  const pairs = rows
    .map((row) => ({ id: refId(row[lookup.idColumn]), key: String(row[lookup.keyColumn] ?? '') }))
    .filter((pair): pair is { id: string; key: string } => pair.id !== undefined && pair.key !== '')
    .sort((a, b) => Number(a.id) - Number(b.id));

  for (const pair of pairs) {
    if (!exact.has(pair.key)) exact.set(pair.key, pair.id);
    if (!folded.has(pair.key.toLowerCase())) folded.set(pair.key.toLowerCase(), pair.id);
  }

  const result = new Map<string, string>();

  for (const sku of skus) {
    const key = lookupKeyOf(sku, settings);
    const id = exact.get(key) ?? folded.get(key.toLowerCase());

    if (id !== undefined) result.set(sku, id);
  }

  return result;
}

/** Splits SKUs into query-sized chunks. */
export function chunkSkus(skus: readonly string[], size = MAX_SKUS_PER_QUERY): string[][] {
  const unique = [...new Set(skus)];
  const chunks: string[][] = [];

  for (let start = 0; start < unique.length; start += size) {
    chunks.push(unique.slice(start, start + size));
  }

  return chunks;
}

/** Id of a SuiteQL value that may be a plain id or a `{id}` reference. */
function refId(value: unknown): string | undefined {
  if (typeof value === 'object' && value !== null && 'id' in value) {
    return String((value as { id: unknown }).id);
  }

  return value === undefined || value === null || value === '' ? undefined : String(value);
}
