/**
 * Turns a request body into the stored form: references resolved to `{ id }` (by id or
 * externalId, checked against the allowed record types), money as exact decimal strings, sublist
 * lines checked. Errors carry NetSuite's `o:errorPath` (shared/reference/netsuite.md §3.1).
 */
import { NsError, invalidFieldValue } from '../errors';
import { formatCents, isDecimal, toCents } from '../transactions/money';
import type { NsStore } from './store';
import { TARGET_TYPES, type RecordTypeDef, type RefTarget, type SublistDef } from './types';

/** Fields a client may send but the server owns. */
const READ_ONLY = new Set(['id', 'links', 'refName', 'createdDate', 'lastModifiedDate']);

/** A plain JSON object (not an array). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Normalizes a body for `def`; returns the stored fields (externalId stays in the body). */
export function normalizeBody(
  store: NsStore,
  def: RecordTypeDef,
  body: unknown,
): Record<string, unknown> {
  if (!isObject(body)) {
    throw new NsError(400, 'INVALID_CONTENT', 'Invalid content in the request body.');
  }

  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(body)) {
    if (READ_ONLY.has(field) || value === undefined) continue;

    const sublist = def.sublists[field];
    if (sublist !== undefined) out[field] = { items: normalizeLines(store, field, sublist, value) };
    else out[field] = normalizeField(store, field, value, def.refs[field], def.money, field);
  }

  return out;
}

function normalizeLines(
  store: NsStore,
  name: string,
  def: SublistDef,
  value: unknown,
): Array<Record<string, unknown>> {
  const items = isObject(value) ? value.items : undefined;
  if (!Array.isArray(items)) {
    throw new NsError(400, 'INVALID_CONTENT', `Sublist ${name} must be an object with items.`, {
      path: name,
    });
  }

  return items.map((line, index) => {
    const path = `${name}.items[${index}]`;
    if (!isObject(line))
      throw new NsError(400, 'INVALID_CONTENT', 'Invalid sublist line.', { path });

    const out: Record<string, unknown> = {};
    for (const [field, fieldValue] of Object.entries(line)) {
      if (READ_ONLY.has(field) && field !== 'id') continue;
      out[field] = normalizeField(
        store,
        field,
        fieldValue,
        def.refs[field],
        def.money,
        `${path}.${field}`,
      );
    }
    return out;
  });
}

function normalizeField(
  store: NsStore,
  field: string,
  value: unknown,
  target: RefTarget | undefined,
  money: string[],
  path: string,
): unknown {
  if (value === null) return null;
  if (target !== undefined)
    return { id: String(resolveReference(store, field, value, target, path)) };

  if (money.includes(field)) {
    if (!isDecimal(value)) throw invalidFieldValue(path, String(value), field);
    return formatCents(toCents(value));
  }

  return value;
}

/** Resolves `{id}` / `{externalId}` to an existing record of the target group. */
export function resolveReference(
  store: NsStore,
  field: string,
  value: unknown,
  target: RefTarget,
  path: string,
): number {
  if (!isObject(value)) throw invalidFieldValue(path, JSON.stringify(value), field);

  const types = TARGET_TYPES[target];
  if (value.id !== undefined && value.id !== null) {
    const record = /^\d+$/.test(String(value.id)) ? store.get(Number(value.id)) : undefined;
    if (record === undefined || !types.includes(record.type)) {
      throw invalidFieldValue(path, String(value.id), field);
    }
    return record.id;
  }

  if (typeof value.externalId === 'string') {
    const record = store.byExternalId(types, value.externalId);
    if (record === undefined) {
      throw new NsError(
        400,
        'RCRD_DSNT_EXIST',
        `That record does not exist. ${field} with external ID '${value.externalId}'.`,
        { path },
      );
    }
    return record.id;
  }

  throw invalidFieldValue(path, JSON.stringify(value), field);
}
