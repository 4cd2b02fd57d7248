/**
 * Batched lookups: one SuiteQL query per batch of keys (`IN (…)` holds at most 1000 values:
 * https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/article_0824094533.html) instead of
 * one GET per key (DESIGN §2 "NetSuite reads").
 */
import type { z } from 'zod';
import { InvalidInputError } from '@sellerbridge/http-core';
import type { Transport } from '../transport/types';
import { runQuery } from './query';
import type { QueryOptions, QueryRow } from './query';
import type { SqlQuery } from './sql';

/** Options of `lookupMany`. */
export interface LookupManyOptions<S extends z.ZodType | undefined> extends Omit<
  QueryOptions<S>,
  'pageSize'
> {
  /** Keys per query, at most 1000. @default 1000 */
  batchSize?: number;
}

const MAX_IN_LIST = 1000;

/**
 * Runs `buildQuery` for each batch of distinct keys and returns every row of every batch.
 * @example lookupMany(skus, (batch) => sql`SELECT id, itemid FROM item WHERE itemid IN (${batch})`)
 * @throws InvalidInputError for a batch size outside 1..1000.
 */
export async function lookupMany<
  K extends string | number,
  S extends z.ZodType | undefined = undefined,
>(
  transport: Transport,
  keys: Iterable<K>,
  buildQuery: (batch: K[]) => SqlQuery,
  options: LookupManyOptions<S> = {},
): Promise<Array<QueryRow<S>>> {
  const batchSize = options.batchSize ?? MAX_IN_LIST;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > MAX_IN_LIST) {
    throw new InvalidInputError({
      vendor: 'netsuite',
      operation: 'suiteql.lookupMany',
      message: `batchSize must be within 1..${MAX_IN_LIST}`,
      errorPath: 'batchSize',
    });
  }

  const batches = chunk([...new Set(keys)], batchSize);
  const results = await Promise.all(
    batches.map((batch) => collect(runQuery(transport, buildQuery(batch), options))),
  );

  return results.flat();
}

function chunk<T>(items: T[], size: number): T[][] {
  const batches: T[][] = [];
  for (let start = 0; start < items.length; start += size)
    batches.push(items.slice(start, start + size));

  return batches;
}

async function collect<T>(rows: AsyncIterable<T>): Promise<T[]> {
  const result: T[] = [];
  for await (const row of rows) result.push(row);

  return result;
}
