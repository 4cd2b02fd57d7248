/**
 * Create / read / update / upsert / delete of records with NetSuite's rules: unique externalId
 * per record type, required fields, references that must exist, sublist merge or replace, and the
 * type behaviours (totals, statuses, inventory) run inside one SQLite transaction.
 */
import { safeDecode } from '../auth/percent';
import type { Draft, NsContext } from '../context';
import { DUPLICATE_EXTERNAL_ID, NsError, missingField, recordNotFound } from '../errors';
import { checkBalances } from '../transactions/inventory';
import { refNameOf, nextTranId } from './names';
import { isObject, normalizeBody } from './normalize';
import type { StoredRecord } from './store';
import { mergeSublist, numberLines } from './sublists';
import type { RecordTypeDef } from './types';

/** Options of a write. */
export interface WriteOptions {
  /** Sublists named in `replace=`. */
  replace?: Set<string>;
  /** Internal id to use on create (seeding ids the world already knows). */
  id?: number;
}

/** Finds a record by `123` or `eid:X` in the URL; 404 when absent or of another type. */
export function findRecord(ctx: NsContext, def: RecordTypeDef, idOrEid: string): StoredRecord {
  const decoded = safeDecode(idOrEid);
  const record = decoded.startsWith('eid:')
    ? ctx.store.byExternalId([def.name], decoded.slice(4))
    : /^\d+$/.test(decoded)
      ? ctx.store.get(Number(decoded))
      : undefined;

  if (record === undefined || record.type !== def.name) throw recordNotFound(def.name, decoded);
  return record;
}

/** Creates a record; returns its internal id. */
export function createRecord(
  ctx: NsContext,
  def: RecordTypeDef,
  body: unknown,
  options: WriteOptions = {},
): number {
  return ctx.store.atomic(() => {
    const fields = normalizeBody(ctx.store, def, body);
    const draft = draftFrom(def, undefined, null, fields);
    checkDuplicate(ctx, def, draft.externalId, undefined);

    for (const [name] of Object.entries(def.sublists)) {
      const value = draft.body[name];
      if (isObject(value) && Array.isArray(value.items)) {
        const lines = value.items as Array<Record<string, unknown>>;
        draft.body[name] = {
          items: def.sublists[name]?.key === 'line' ? numberLines(lines) : lines,
        };
      }
    }

    if (def.family === 'transaction') fillTransactionDefaults(ctx, def, draft.body);
    return save(ctx, def, draft, undefined, options.id);
  });
}

/** Applies a PATCH (merge; `replace` sublists replaced with key matching). */
export function patchRecord(
  ctx: NsContext,
  def: RecordTypeDef,
  existing: StoredRecord,
  body: unknown,
  options: WriteOptions = {},
): void {
  ctx.store.atomic(() => {
    const fields = normalizeBody(ctx.store, def, body);
    const merged: Record<string, unknown> = { ...existing.body };

    for (const [field, value] of Object.entries(fields)) {
      const sublist = def.sublists[field];
      if (sublist === undefined) {
        merged[field] = value;
        continue;
      }

      const current = isObject(existing.body[field])
        ? ((existing.body[field] as { items?: unknown }).items ?? [])
        : [];
      const incoming = (value as { items: Array<Record<string, unknown>> }).items;
      merged[field] = {
        items: mergeSublist(
          sublist,
          current as Array<Record<string, unknown>>,
          incoming,
          options.replace?.has(field) ?? false,
        ),
      };
    }

    const draft = draftFrom(def, existing.id, existing.createdFrom, merged);
    checkDuplicate(ctx, def, draft.externalId, existing.id);
    save(ctx, def, draft, existing);
  });
}

/** Deletes a record and refreshes what depended on it. */
export function deleteRecord(ctx: NsContext, def: RecordTypeDef, record: StoredRecord): void {
  ctx.store.atomic(() => {
    const behaviour = ctx.behaviours[def.name];
    if (ctx.store.children(record.id).length > 0) {
      throw new NsError(
        400,
        'USER_ERROR',
        'This record cannot be deleted because it has dependent records.',
      );
    }

    behaviour?.beforeDelete?.(record, ctx);
    const dependents = behaviour?.dependsOn?.(record) ?? [];
    ctx.store.delete(record.id);
    refreshAll(ctx, dependents);
  });
}

/** NetSuite's defaults: number, today's date, and the customer's subsidiary and currency. */
function fillTransactionDefaults(
  ctx: NsContext,
  def: RecordTypeDef,
  body: Record<string, unknown>,
): void {
  body.tranId ??= nextTranId(ctx.store, def.name);
  body.tranDate ??= ctx.clock().toISOString().slice(0, 10);

  const entity = body.entity ?? body.customer;
  const customerId = isObject(entity) ? Number(entity.id) : undefined;
  const customer = customerId === undefined ? undefined : ctx.store.get(customerId);
  if (customer?.type !== 'customer') return;

  body.subsidiary ??= customer.body.subsidiary;
  body.currency ??= customer.body.currency;
}

function draftFrom(
  def: RecordTypeDef,
  id: number | undefined,
  createdFrom: number | null,
  body: Record<string, unknown>,
): Draft {
  const externalId =
    body.externalId === undefined || body.externalId === null ? null : String(body.externalId);
  const from = isObject(body.createdFrom) ? Number(body.createdFrom.id) : createdFrom;

  return { id, type: def.name, externalId, createdFrom: from, body };
}

function checkDuplicate(
  ctx: NsContext,
  def: RecordTypeDef,
  externalId: string | null,
  selfId: number | undefined,
): void {
  if (externalId === null) return;

  const other = ctx.store.byExternalId([def.name], externalId);
  if (other !== undefined && other.id !== selfId) {
    throw new NsError(400, DUPLICATE_EXTERNAL_ID.code, DUPLICATE_EXTERNAL_ID.detail(externalId), {
      path: 'externalId',
    });
  }
}

function checkRequired(def: RecordTypeDef, body: Record<string, unknown>): void {
  const required =
    def.name === 'customer' ? [...def.required, ...customerNames(body)] : def.required;
  for (const [field, label] of required) {
    const value = body[field];
    if (value === undefined || value === null || value === '') throw missingField(field, label);
  }
}

/** Line fields are checked after the behaviour filled what it copies from a source record. */
function checkRequiredLines(def: RecordTypeDef, body: Record<string, unknown>): void {
  for (const [name, sublist] of Object.entries(def.sublists)) {
    const lines = isObject(body[name]) ? ((body[name] as { items?: unknown[] }).items ?? []) : [];
    lines.forEach((line, index) => {
      for (const [field, label] of sublist.required) {
        const value = (line as Record<string, unknown>)[field];
        if (value === undefined || value === null)
          throw missingField(`${name}.items[${index}].${field}`, label);
      }
    });
  }
}

/** NetSuite requires first and last name for a person, a company name otherwise. */
function customerNames(body: Record<string, unknown>): Array<[string, string]> {
  return body.isPerson === true
    ? [
        ['firstName', 'First Name'],
        ['lastName', 'Last Name'],
      ]
    : [['companyName', 'Company Name']];
}

function save(
  ctx: NsContext,
  def: RecordTypeDef,
  draft: Draft,
  previous: StoredRecord | undefined,
  forcedId?: number,
): number {
  const behaviour = ctx.behaviours[def.name];
  checkRequired(def, draft.body);
  behaviour?.prepare?.(draft, ctx);
  checkRequiredLines(def, draft.body);

  const now = ctx.clock().toISOString();
  const record: StoredRecord = {
    id: draft.id ?? forcedId ?? 0,
    type: def.name,
    externalId: draft.externalId,
    refName: refNameOf(def, draft.body),
    createdFrom: draft.createdFrom,
    created: previous?.created ?? now,
    modified: now,
    body: draft.body,
  };

  if (previous === undefined) record.id = ctx.store.insert(record);
  else ctx.store.update(record);

  const moves = behaviour?.moves?.(record, ctx) ?? [];
  ctx.store.setMoves(record.id, moves);
  checkBalances(ctx, moves);

  const before = previous === undefined ? [] : (behaviour?.dependsOn?.(previous) ?? []);
  refreshAll(ctx, [...before, ...(behaviour?.dependsOn?.(record) ?? [])]);
  return record.id;
}

/** Refreshes the derived state of each id once (in order, sources before their sources). */
export function refreshAll(ctx: NsContext, ids: number[]): void {
  for (const id of new Set(ids)) {
    const record = ctx.store.get(id);
    if (record === undefined) continue;

    const behaviour = ctx.behaviours[record.type];
    behaviour?.refresh?.(record, ctx);
  }
}
