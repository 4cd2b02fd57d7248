/**
 * Collection listing: `GET /record/v1/<type>?q=&limit=&offset=` returns ids only; next page at
 * `offset + count` while `hasMore` (never `items.length < limit`: PipedreamHQ/pipedream#19363).
 * https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_1540810951.html
 */
import { z } from 'zod';
import { InvalidInputError } from '@sellerbridge/http-core';
import type { Transport } from '../transport/types';
import { parseResponse } from './parse';
import { recordPath } from './paths';

/** Options of `records.list`. */
export interface ListOptions {
  /** Filter such as `lastModifiedDate ON_OR_AFTER "…"` (operators by field type: §1.4). */
  q?: string;
  /** Page size, at most 1000. @default 1000 */
  limit?: number;
  signal?: AbortSignal;
}

/** One listed record: its id (the collection carries nothing else). */
export interface ListedRecord {
  id: string;
}

/** NetSuite's page size ceiling and the most rows paging reaches (section_156414087576). */
export const MAX_PAGE_SIZE = 1000;
export const MAX_PAGED_ROWS = 100_000;

const listPageSchema = z.looseObject({
  items: z.array(z.looseObject({ id: z.union([z.string(), z.number()]) })).default([]),
  hasMore: z.boolean().default(false),
  count: z.number().optional(),
  offset: z.number().optional(),
  totalResults: z.number().optional(),
});

/**
 * Yields every listed id.
 * @throws InvalidInputError for a limit above 1000, or when more than 100,000 rows match
 *   (use SuiteQL, whose `query` pages past it).
 */
export async function* listRecords(
  transport: Transport,
  recordType: string,
  options: ListOptions = {},
): AsyncGenerator<ListedRecord> {
  const operation = 'records.list';
  const limit = checkedPageSize(operation, options.limit);
  const path = recordPath(operation, recordType);

  for (let offset = 0; ;) {
    const response = await transport.send({
      operation,
      method: 'GET',
      path,
      query: { q: options.q, limit, offset },
      recordType,
      signal: options.signal,
    });
    const page = parseResponse(listPageSchema, response.body, operation);

    for (const item of page.items) yield { id: String(item.id) };
    if (!page.hasMore) return;

    // A full page holds `limit` rows, so the next offset stays a multiple of the limit.
    offset += limit;
    if (offset >= MAX_PAGED_ROWS) throw tooManyRows(operation);
  }
}

/** Validates a page size (1..1000). */
export function checkedPageSize(operation: string, limit: number | undefined): number {
  const value = limit ?? MAX_PAGE_SIZE;
  if (Number.isInteger(value) && value >= 1 && value <= MAX_PAGE_SIZE) return value;

  throw new InvalidInputError({
    vendor: 'netsuite',
    operation,
    message: `limit must be an integer within 1..${MAX_PAGE_SIZE}, got ${value}`,
    errorPath: 'limit',
  });
}

function tooManyRows(operation: string): InvalidInputError {
  return new InvalidInputError({
    vendor: 'netsuite',
    operation,
    message: `more than ${MAX_PAGED_ROWS} records match; narrow q or use SuiteQL query(), which pages past it`,
    errorPath: 'q',
  });
}
