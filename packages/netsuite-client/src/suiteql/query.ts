/**
 * SuiteQL over REST: `POST /services/rest/query/v1/suiteql?limit&offset`, `Prefer: transient`,
 * body `{"q": …}` (https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_158394344595.html).
 * Rows have lower-case keys and string values. Paging by offset stops at 100,000 rows
 * (section_157909186990), so before that ceiling the query restarts as a key window
 * (`key > last key seen`, offset 0): 250,000 rows come back complete and without duplicates,
 * provided the query orders by a unique key (`ORDER BY id`).
 */
import { z } from 'zod';
import { InvalidInputError } from '@sellerbridge/http-core';
import type { Transport } from '../transport/types';
import { checkedPageSize, MAX_PAGED_ROWS } from '../records/list';
import { parseResponse } from '../records/parse';
import { escapeLiteral, isSqlQuery, sql } from './sql';
import type { SqlQuery } from './sql';

/** A row as NetSuite sends it: lower-case column names, string values, nulls omitted. */
export type SuiteQlRow = Record<string, string>;

/** Builds the query of a key window; `afterKey` is undefined for the first window. */
export type KeysetQueryBuilder = (afterKey: string | undefined) => SqlQuery;

/** Options of `query`. */
export interface QueryOptions<S extends z.ZodType | undefined = undefined> {
  /** Converts each row (e.g. `z.object({ id: z.coerce.number(), itemid: z.string() })`). */
  rowSchema?: S;
  /** Rows per request, at most 1000. @default 1000 */
  pageSize?: number;
  /** Unique, ascending ORDER BY column used for key windows. @default 'id' */
  keyColumn?: string;
  /** Rows per window before restarting by key; NetSuite's ceiling. @default 100_000 */
  windowRows?: number;
  signal?: AbortSignal;
}

/** The row type a query yields. */
export type QueryRow<S> = S extends z.ZodType ? z.output<S> : SuiteQlRow;

const SUITEQL_PATH = '/services/rest/query/v1/suiteql';
const pageSchema = z.looseObject({
  items: z.array(z.record(z.string(), z.unknown())).default([]),
  hasMore: z.boolean().default(false),
});

/**
 * Runs a query and yields every row, across pages and key windows.
 * @throws InvalidInputError for bad options, or when a key window is needed and the rows lack a
 *   unique ascending `keyColumn`.
 */
export async function* runQuery<S extends z.ZodType | undefined = undefined>(
  transport: Transport,
  query: SqlQuery | string | KeysetQueryBuilder,
  options: QueryOptions<S> = {},
): AsyncGenerator<QueryRow<S>> {
  const limit = checkedPageSize('suiteql.query', options.pageSize);
  const windowRows = options.windowRows ?? MAX_PAGED_ROWS;
  const keyColumn = (options.keyColumn ?? 'id').toLowerCase();
  const buildWindow = toWindowBuilder(query, keyColumn);
  const keys = new KeyTracker(keyColumn);

  for (let text = buildWindow(undefined).text; ; text = buildWindow(keys.requireLast()).text) {
    for (let offset = 0; ; offset += limit) {
      const page = await fetchPage(transport, text, limit, offset, options.signal);

      for (const item of page.items) {
        const row = toRow(item);
        keys.observe(row);
        yield (
          options.rowSchema ? parseResponse(options.rowSchema, row, 'suiteql.row') : row
        ) as QueryRow<S>;
      }

      if (!page.hasMore) return;
      if (offset + 2 * limit > windowRows) break;
    }
  }
}

async function fetchPage(
  transport: Transport,
  text: string,
  limit: number,
  offset: number,
  signal?: AbortSignal,
) {
  const response = await transport.send({
    operation: 'suiteql.query',
    method: 'POST',
    path: SUITEQL_PATH,
    query: { limit, offset },
    // Required on SuiteQL (section_158394344595).
    headers: { prefer: 'transient' },
    body: { q: text },
    signal,
  });

  return parseResponse(pageSchema, response.body, 'suiteql.query');
}

function toWindowBuilder(
  query: SqlQuery | string | KeysetQueryBuilder,
  keyColumn: string,
): KeysetQueryBuilder {
  if (typeof query === 'function') return query;

  const base = isSqlQuery(query) ? query : sql.raw(query);
  const key = sql.identifier(keyColumn);

  return (afterKey) =>
    afterKey === undefined
      ? base
      : sql`SELECT * FROM (${base}) WHERE ${key} > ${sql.raw(toKeyLiteral(afterKey))} ORDER BY ${key}`;
}

function toKeyLiteral(key: string): string {
  return /^-?\d+$/.test(key) ? key : escapeLiteral(key);
}

/** Lower-cases column names (their casing may vary: section_156257796125) and drops `links`. */
function toRow(item: Record<string, unknown>): SuiteQlRow {
  const row: SuiteQlRow = {};
  for (const [name, value] of Object.entries(item)) {
    if (name === 'links') continue;
    row[name.toLowerCase()] = typeof value === 'string' ? value : String(value);
  }

  return row;
}

/**
 * Remembers the last key and whether keys strictly ascended. Only a key window needs that
 * (a single-window query may repeat ids, e.g. joins), so the check fails only then.
 */
class KeyTracker {
  #last: string | undefined;
  #missing = false;
  #ascending = true;
  readonly #column: string;

  constructor(column: string) {
    this.#column = column;
  }

  observe(row: SuiteQlRow): void {
    const key = row[this.#column];
    if (key === undefined) {
      this.#missing = true;
      return;
    }

    if (
      this.#last !== undefined &&
      isNumeric(key) &&
      isNumeric(this.#last) &&
      Number(key) <= Number(this.#last)
    ) {
      this.#ascending = false;
    }
    this.#last = key;
  }

  requireLast(): string {
    if (this.#missing || this.#last === undefined) {
      throw invalid(
        `more than one window of rows: select "${this.#column}" and ORDER BY it (or set keyColumn)`,
      );
    }
    if (!this.#ascending) {
      throw invalid(`rows must be ordered by a unique "${this.#column}" ascending for key windows`);
    }

    return this.#last;
  }
}

function isNumeric(text: string): boolean {
  return /^-?\d+(\.\d+)?$/.test(text);
}

function invalid(message: string): InvalidInputError {
  return new InvalidInputError({
    vendor: 'netsuite',
    operation: 'suiteql.query',
    message,
    errorPath: 'keyColumn',
  });
}
