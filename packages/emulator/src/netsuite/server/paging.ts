/**
 * limit/offset rules shared by record lists and SuiteQL: limit 1..1000 (default 1000), offset a
 * multiple of limit, at most 100,000 results reachable (shared/reference/netsuite.md §1.10, §2.1;
 * ehmad11/netsuite-rest#25).
 */
import { invalidParameter } from '../errors';

/** The result ceiling of paging. */
export const MAX_RESULTS = 100_000;

/** A validated page request. */
export interface Page {
  limit: number;
  offset: number;
}

/** Parses and checks `limit` and `offset`. */
export function parsePage(query: URLSearchParams): Page {
  const limit = parseInteger(query.get('limit'), 1000, 'limit');
  const offset = parseInteger(query.get('offset'), 0, 'offset');

  if (limit < 1 || limit > 1000) {
    throw invalidParameter(
      `Invalid value for the parameter 'limit': ${limit}. Provide a value between 1 and 1000.`,
      'limit',
    );
  }
  if (offset < 0 || offset % limit !== 0) {
    throw invalidParameter(
      `Invalid value for the parameter 'offset': ${offset}. The offset must be a multiple of the limit (${limit}).`,
      'offset',
    );
  }
  if (offset >= MAX_RESULTS) {
    throw invalidParameter(
      `Invalid value for the parameter 'offset': ${offset}. At most ${MAX_RESULTS} results can be paged.`,
      'offset',
    );
  }

  return { limit, offset };
}

function parseInteger(raw: string | null, fallback: number, name: string): number {
  if (raw === null) return fallback;
  if (!/^\d+$/.test(raw))
    throw invalidParameter(`Invalid value for the parameter '${name}': ${raw}.`, name);

  return Number(raw);
}

/** `links` of a page: self plus first/prev/next/last as NetSuite returns them. */
export function pageLinks(
  selfUrl: string,
  page: Page,
  total: number,
): Array<{ rel: string; href: string }> {
  const reachable = Math.min(total, MAX_RESULTS);
  const at = (offset: number): string => `${selfUrl}?limit=${page.limit}&offset=${offset}`;
  const lastOffset = Math.max(0, Math.floor((reachable - 1) / page.limit) * page.limit);
  const links = [{ rel: 'self', href: at(page.offset) }];

  if (page.offset > 0)
    links.push({ rel: 'first', href: at(0) }, { rel: 'prev', href: at(page.offset - page.limit) });
  if (page.offset + page.limit < reachable)
    links.push({ rel: 'next', href: at(page.offset + page.limit) });
  links.push({ rel: 'last', href: at(lastOffset) });
  return links;
}

/** The envelope of a page of `items`. */
export function pageEnvelope<T>(
  selfUrl: string,
  page: Page,
  total: number,
  items: T[],
): Record<string, unknown> {
  const reachable = Math.min(total, MAX_RESULTS);
  return {
    links: pageLinks(selfUrl, page, total),
    count: items.length,
    hasMore: page.offset + items.length < reachable,
    items,
    offset: page.offset,
    totalResults: total,
  };
}
