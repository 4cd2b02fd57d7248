/**
 * SKU → NetSuite item id through one SuiteQL query per page of SKUs (netsuite-client
 * `lookupMany`: one query per ≤1000 keys).
 */
import { sql } from '@sellerbridge/netsuite-client';

import { buildItemLookupQuery, mapSkusToItems } from '../items/lookup';
import type { StarterContext } from './context';

/** Looks up the NetSuite items of SKUs; SKUs without an item are absent from the map. */
export async function lookupItems(
  ctx: StarterContext,
  skus: Iterable<string>,
): Promise<Map<string, string>> {
  const unique = [...new Set([...skus].filter((sku) => sku !== ''))];

  if (unique.length === 0) {
    return new Map();
  }

  const settings = ctx.settings.items;
  const shape = buildItemLookupQuery([unique[0] as string], settings);
  const rows = await ctx.netsuite.lookupMany(
    unique,
    (batch) => sql.raw(buildItemLookupQuery(batch, settings).query),
    { signal: ctx.signal },
  );

  return mapSkusToItems(unique, rows as Array<Record<string, unknown>>, shape, settings);
}
