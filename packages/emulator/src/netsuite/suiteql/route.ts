/**
 * `POST /services/rest/query/v1/suiteql?limit=&offset=` with `Prefer: transient` and `{"q": …}`
 * (shared/reference/netsuite.md §2.1): rows with lower-case keys, string values, nulls omitted,
 * `links: []`, paged by the shared limit/offset rules with the 100,000-row ceiling.
 */
import type { NsContext } from '../context';
import { NsError } from '../errors';
import { parsePage, pageEnvelope } from '../server/paging';
import { COLLECTION, type NsRequest, type NsResponse } from '../server/types';
import { SuiteQlError } from './errors';
import { parseSuiteQl } from './parser';
import { translate, type Translated } from './translate';

/** SuiteQL switches. */
export interface SuiteQlSettings {
  /** Refuse requests without `Prefer: transient` (Oracle says it is required; UNVERIFIED). */
  requireTransient: boolean;
}

function queryText(req: NsRequest): string {
  let body: unknown;
  try {
    body = JSON.parse(req.rawBody);
  } catch {
    throw new NsError(400, 'INVALID_CONTENT', 'Invalid content in the request body.');
  }

  const q = (body as { q?: unknown } | null)?.q;
  if (typeof q !== 'string' || q.trim() === '') {
    throw new NsError(
      400,
      'INVALID_CONTENT',
      'The request body must be {"q": "<SuiteQL query>"}.',
      { path: 'q' },
    );
  }
  return q;
}

function compile(ctx: NsContext, q: string): Translated {
  try {
    return translate(ctx.store.db, parseSuiteQl(q));
  } catch (error) {
    if (error instanceof SuiteQlError) throw error.toNsError();
    throw error;
  }
}

function encodeRow(keys: string[], values: unknown[]): Record<string, unknown> {
  const row: Record<string, unknown> = { links: [] };
  keys.forEach((key, index) => {
    const value = values[index];
    if (value === null || value === undefined) return;
    row[key] = typeof value === 'string' ? value : String(value);
  });
  return row;
}

/** Runs one SuiteQL request. */
export function handleSuiteQl(
  ctx: NsContext,
  req: NsRequest,
  settings: SuiteQlSettings,
): NsResponse {
  const prefer = String(req.headers.prefer ?? '').toLowerCase();
  if (settings.requireTransient && !prefer.split(/[\s,]+/).includes('transient')) {
    throw new NsError(
      400,
      'INVALID_HEADER',
      'SuiteQL requests require the header Prefer: transient.',
      {
        extra: { 'o:errorHeader': 'Prefer' },
      },
    );
  }

  const page = parsePage(req.query);
  const compiled = compile(ctx, queryText(req));
  try {
    const total = (
      ctx.store.db
        .prepare(`SELECT COUNT(*) AS n FROM (${compiled.sql})`)
        .get(...compiled.params) as { n: number }
    ).n;
    const rows = ctx.store.db
      .prepare(`${compiled.sql} LIMIT ? OFFSET ?`)
      .raw(true)
      .all(...compiled.params, page.limit, page.offset) as unknown[][];

    const self = `${req.origin}/services/rest/query/v1/suiteql`;
    const items = rows.map((values) => encodeRow(compiled.keys, values));
    return {
      status: 200,
      body: pageEnvelope(self, page, total, items),
      headers: { 'Content-Type': COLLECTION },
    };
  } catch (error) {
    if (error instanceof SuiteQlError) throw error.toNsError();
    if (error instanceof Error && error.name === 'SqliteError') {
      throw new SuiteQlError(error.message).toNsError();
    }
    throw error;
  }
}
