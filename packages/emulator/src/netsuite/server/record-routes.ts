/**
 * `/services/rest/record/v1/...`: create (204 + Location), read, PATCH, PUT eid: upsert, delete,
 * list, sublist reads and transforms (shared/reference/netsuite.md §1.2, §9).
 */
import type { NsContext } from '../context';
import { NsError } from '../errors';
import { renderLine, renderRecord, renderSublist, type RenderContext } from '../records/render';
import { isObject } from '../records/normalize';
import { createRecord, deleteRecord, findRecord, patchRecord } from '../records/service';
import { resolveType, type RecordTypeDef } from '../records/types';
import { transformRecord } from '../transactions/transform';
import { parsePage, pageEnvelope, type Page } from './paging';
import { checkQ, matchesQ, parseQ } from '../records/q-filter';
import { COLLECTION, SINGULAR, type NsRequest, type NsResponse } from './types';

function parseJson(req: NsRequest): unknown {
  if (req.rawBody.trim() === '') return {};
  try {
    return JSON.parse(req.rawBody);
  } catch {
    throw new NsError(400, 'INVALID_CONTENT', 'Invalid content in the request body.');
  }
}

function typeOf(segment: string | undefined): RecordTypeDef {
  const def = segment === undefined ? undefined : resolveType(segment);
  if (def === undefined) {
    throw new NsError(404, 'INVALID_RCRD_TYPE', `Record type '${segment ?? ''}' does not exist.`);
  }
  return def;
}

function replaceSet(req: NsRequest): Set<string> {
  return new Set((req.query.get('replace') ?? '').split(',').filter((name) => name !== ''));
}

function created(req: NsRequest, def: RecordTypeDef, id: number): NsResponse {
  return {
    status: 204,
    headers: { Location: `${req.origin}/services/rest/record/v1/${def.name}/${id}` },
  };
}

function renderContext(ctx: NsContext, req: NsRequest): RenderContext {
  const fields = req.query.get('fields');
  return {
    store: ctx.store,
    recordBase: `${req.origin}/services/rest/record/v1`,
    expand: req.query.get('expandSubResources') === 'true',
    ...(fields === null ? {} : { fields: new Set(fields.split(',')) }),
  };
}

/** Routes one record API request; `segments` start after `record/v1`. */
export function handleRecordRequest(
  ctx: NsContext,
  req: NsRequest,
  segments: string[],
): NsResponse {
  const [typeSegment, idSegment, third, fourth] = segments;
  if (typeSegment === 'metadata-catalog') return metadataCatalog(req);

  const def = typeOf(typeSegment);
  if (idSegment === undefined) return collection(ctx, req, def);
  if (third === '!transform' && fourth !== undefined && req.method === 'POST') {
    const source = findRecord(ctx, def, idSegment);
    const id = transformRecord(ctx, source, fourth, parseJson(req), replaceSet(req));
    return created(req, typeOf(fourth), id);
  }
  if (third !== undefined) return sublist(ctx, req, def, idSegment, third, fourth);

  return instance(ctx, req, def, idSegment);
}

function collection(ctx: NsContext, req: NsRequest, def: RecordTypeDef): NsResponse {
  if (req.method === 'POST') return created(req, def, createRecord(ctx, def, parseJson(req)));
  if (req.method !== 'GET')
    throw new NsError(
      405,
      'METHOD_NOT_ALLOWED',
      `${req.method} is not allowed on a record collection.`,
    );

  const page = parsePage(req.query);
  const self = `${req.origin}/services/rest/record/v1/${def.name}`;
  const { ids, total } = listIds(ctx, def, req.query.get('q'), page);
  const items = ids.map((id) => ({
    links: [{ rel: 'self', href: `${self}/${id}` }],
    id: String(id),
  }));
  return {
    status: 200,
    body: pageEnvelope(self, page, total, items),
    headers: { 'Content-Type': COLLECTION },
  };
}

/** One page of ids, filtered by `q` when given. */
function listIds(
  ctx: NsContext,
  def: RecordTypeDef,
  q: string | null,
  page: Page,
): { ids: number[]; total: number } {
  if (q === null) {
    return {
      ids: ctx.store.listIds(def.name, page.limit, page.offset),
      total: ctx.store.count(def.name),
    };
  }

  const filter = parseQ(q);
  checkQ(filter, ctx.dateFormat);
  const matching = ctx.store
    .all([def.name])
    .filter((record) => matchesQ(record, filter, ctx.dateFormat));
  return {
    ids: matching.slice(page.offset, page.offset + page.limit).map((r) => r.id),
    total: matching.length,
  };
}

function instance(
  ctx: NsContext,
  req: NsRequest,
  def: RecordTypeDef,
  idSegment: string,
): NsResponse {
  if (req.method === 'PUT') return upsert(ctx, req, def, idSegment);

  const record = findRecord(ctx, def, idSegment);
  if (req.method === 'GET') {
    return {
      status: 200,
      body: renderRecord(record, def, renderContext(ctx, req)),
      headers: { 'Content-Type': SINGULAR },
    };
  }
  if (req.method === 'PATCH') {
    patchRecord(ctx, def, record, parseJson(req), { replace: replaceSet(req) });
    return { status: 204 };
  }
  if (req.method === 'DELETE') {
    deleteRecord(ctx, def, record);
    return { status: 204 };
  }

  throw new NsError(405, 'METHOD_NOT_ALLOWED', `${req.method} is not allowed on a record.`);
}

/** PUT is accepted only with `eid:` (create or update by external id). */
function upsert(ctx: NsContext, req: NsRequest, def: RecordTypeDef, idSegment: string): NsResponse {
  if (!idSegment.startsWith('eid:')) {
    throw new NsError(
      400,
      'INVALID_PARAMETER',
      'PUT is only supported with an external ID (eid:<externalId>).',
    );
  }

  const externalId = idSegment.slice(4);
  const body = parseJson(req);
  if (!isObject(body))
    throw new NsError(400, 'INVALID_CONTENT', 'Invalid content in the request body.');
  const existing = ctx.store.byExternalId([def.name], externalId);
  const withId = { ...body, externalId };
  if (existing === undefined) return created(req, def, createRecord(ctx, def, withId));

  patchRecord(ctx, def, existing, withId, { replace: replaceSet(req) });
  return { status: 204 };
}

function sublist(
  ctx: NsContext,
  req: NsRequest,
  def: RecordTypeDef,
  idSegment: string,
  name: string,
  line: string | undefined,
): NsResponse {
  if (req.method !== 'GET' || def.sublists[name] === undefined) {
    throw new NsError(404, 'NONEXISTENT_FIELD', `Sublist '${name}' does not exist on ${def.name}.`);
  }

  const record = findRecord(ctx, def, idSegment);
  const render = { ...renderContext(ctx, req), expand: true };
  const href = `${render.recordBase}/${def.name}/${record.id}/${name}`;
  const value = (record.body[name] ?? { items: [] }) as Record<string, unknown>;
  const rendered = renderSublist(def, name, value, href, render);
  if (line === undefined)
    return { status: 200, body: rendered, headers: { 'Content-Type': COLLECTION } };

  const lines = ((value.items ?? []) as Array<Record<string, unknown>>).filter(
    (l) => String(l.line) === line,
  );
  if (lines[0] === undefined)
    throw new NsError(404, 'NONEXISTENT_ID', `Line ${line} does not exist.`);
  return {
    status: 200,
    body: renderLine(def, name, lines[0], `${href}/${line}`, render),
    headers: { 'Content-Type': SINGULAR },
  };
}

function metadataCatalog(req: NsRequest): NsResponse {
  const base = `${req.origin}/services/rest/record/v1/metadata-catalog`;
  const names = [
    'customer',
    'salesOrder',
    'invoice',
    'cashSale',
    'itemFulfillment',
    'inventoryItem',
    'inventoryAdjustment',
    'transferOrder',
    'customerPayment',
    'creditMemo',
    'customerRefund',
  ];
  const items = names.map((name) => ({
    name,
    links: [
      { rel: 'canonical', href: `${base}/${name}`, mediaType: 'application/json' },
      { rel: 'alternate', href: `${base}/${name}`, mediaType: 'application/swagger+json' },
      { rel: 'alternate', href: `${base}/${name}`, mediaType: 'application/schema+json' },
    ],
  }));
  return { status: 200, body: { items }, headers: { 'Content-Type': 'application/json' } };
}
