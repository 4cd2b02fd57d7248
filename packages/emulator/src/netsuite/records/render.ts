/**
 * Renders stored records the way the REST API returns them (shared/reference/netsuite.md §1.5,
 * samples in shared/netsuite/samples/): `links` first, references as `{links, id, refName}`,
 * sublists and subrecords as link stubs unless `expandSubResources=true`, money as JSON numbers.
 */
import { centsToWire, toCents } from '../transactions/money';
import { isObject } from './normalize';
import type { NsStore, StoredRecord } from './store';
import { resolveType, type RecordTypeDef } from './types';

/** Subrecord fields: nested objects NetSuite shows as links until expanded. */
const SUBRECORDS = new Set([
  'shippingAddress',
  'billingAddress',
  'inventoryDetail',
  'addressBookAddress',
  'mainAddress',
  'returnAddress',
]);

/** What rendering needs. */
export interface RenderContext {
  store: NsStore;
  recordBase: string;
  expand: boolean;
  fields?: Set<string>;
}

type Json = Record<string, unknown>;

function link(href: string): Json[] {
  return [{ rel: 'self', href }];
}

/** ISO instant without milliseconds, as NetSuite writes `createdDate`. */
export function wireInstant(iso: string): string {
  return iso.replace(/\.\d{3}Z$/, 'Z');
}

/** A full record response body. */
export function renderRecord(record: StoredRecord, def: RecordTypeDef, ctx: RenderContext): Json {
  const self = `${ctx.recordBase}/${def.name}/${record.id}`;
  const out: Json = { links: link(self) };
  const entries: Array<[string, unknown]> = [
    ...Object.entries(record.body),
    ['id', String(record.id)],
    ['createdDate', wireInstant(record.created)],
    ['lastModifiedDate', wireInstant(record.modified)],
  ];

  for (const [field, value] of entries.sort(([a], [b]) => a.localeCompare(b))) {
    if (value === undefined || value === null) continue;
    if (ctx.fields !== undefined && !ctx.fields.has(field) && field !== 'id') continue;

    out[field] = renderField(def, field, value, `${self}/${field}`, ctx);
  }

  return out;
}

function renderField(
  def: RecordTypeDef,
  field: string,
  value: unknown,
  href: string,
  ctx: RenderContext,
): unknown {
  const sublist = def.sublists[field];
  if (sublist !== undefined && isObject(value)) {
    if (!ctx.expand) return { links: link(href) };
    return renderSublist(def, field, value, href, ctx);
  }

  if (SUBRECORDS.has(field) && isObject(value)) {
    return ctx.expand ? { links: link(href), ...value } : { links: link(href) };
  }

  return renderValue(field, value, def.refs[field] !== undefined, def.money.includes(field), ctx);
}

/** The rendered `{links, items, totalResults}` of a sublist. */
export function renderSublist(
  def: RecordTypeDef,
  field: string,
  value: Json,
  href: string,
  ctx: RenderContext,
): Json {
  const lines = Array.isArray(value.items) ? (value.items as Json[]) : [];
  const recordId = /\/(\d+)\/[^/]+$/.exec(href)?.[1];
  const items = lines.map((line, index) => {
    // NetSuite line ids read "<record id>_<line>" (shared/netsuite/samples/ledger_sync/invoice.json).
    const id =
      line.id ?? (line.line === undefined ? undefined : `${recordId}_${String(line.line)}`);
    const withId = id === undefined ? line : { ...line, id };
    return renderLine(def, field, withId, `${href}/${String(line.line ?? index)}`, ctx);
  });

  return { links: link(href), items, totalResults: items.length };
}

/** One rendered sublist line. */
export function renderLine(
  def: RecordTypeDef,
  field: string,
  line: Json,
  href: string,
  ctx: RenderContext,
): Json {
  const sublist = def.sublists[field];
  const out: Json = { links: link(href) };

  for (const [name, value] of Object.entries(line).sort(([a], [b]) => a.localeCompare(b))) {
    if (value === undefined || value === null) continue;
    if (SUBRECORDS.has(name) && isObject(value)) {
      out[name] = ctx.expand
        ? { links: link(`${href}/${name}`), ...value }
        : { links: link(`${href}/${name}`) };
      continue;
    }

    const isRef = sublist?.refs[name] !== undefined;
    out[name] = renderValue(name, value, isRef, sublist?.money.includes(name) ?? false, ctx);
  }

  return out;
}

function renderValue(
  field: string,
  value: unknown,
  isRef: boolean,
  isMoney: boolean,
  ctx: RenderContext,
): unknown {
  if (isMoney && (typeof value === 'string' || typeof value === 'number'))
    return centsToWire(toCents(value));

  const looksLikeRef = isObject(value) && value.id !== undefined && (isRef || /^cust/.test(field));
  if (looksLikeRef) return renderReference(String(value.id), ctx, value);

  return value;
}

/** `{links, id, refName}` for a reference to any stored record. */
export function renderReference(id: string, ctx: RenderContext, fallback: Json = {}): Json {
  const target = /^\d+$/.test(id) ? ctx.store.get(Number(id)) : undefined;
  if (target === undefined) {
    const refName = fallback.refName === undefined ? {} : { refName: fallback.refName };
    return { id, ...refName };
  }

  const typeName = resolveType(target.type)?.name ?? target.type;
  return { links: link(`${ctx.recordBase}/${typeName}/${id}`), id, refName: target.refName };
}
