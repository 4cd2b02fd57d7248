/**
 * `POST /record/v1/<source>/<id>/!transform/<target>`: NetSuite copies the source into a new
 * target record, the request body overrides fields and merges lines by `orderLine` (or replaces
 * them with `replace=item`), and the result is saved like a create (shared/reference/netsuite.md
 * §1.7; https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_157901123882.html).
 */
import type { NsContext } from '../context';
import { NsError } from '../errors';
import { isObject } from '../records/normalize';
import { createRecord } from '../records/service';
import type { StoredRecord } from '../records/store';
import { resolveType } from '../records/types';
import { linesOf, ref, type Line } from './lines';
import { remainingFor } from './remaining';
import { isFulfillable, refId } from './lines';

/** Supported transforms: source type → target types. */
export const TRANSFORMS: Record<string, string[]> = {
  salesOrder: ['itemFulfillment', 'invoice', 'cashSale', 'returnAuthorization'],
  invoice: ['customerPayment', 'creditMemo', 'returnAuthorization'],
  cashSale: ['creditMemo', 'returnAuthorization'],
  creditMemo: ['customerRefund'],
  returnAuthorization: ['itemReceipt', 'creditMemo'],
  transferOrder: ['itemFulfillment', 'itemReceipt'],
  customer: ['salesOrder', 'invoice', 'cashSale', 'customerPayment'],
};

const HEADER_FIELDS = [
  'entity',
  'subsidiary',
  'currency',
  'location',
  'department',
  'class',
  'otherRefNum',
  'shipMethod',
  'shippingAddress',
  'billingAddress',
];

/** Runs a transform; returns the new record's id. */
export function transformRecord(
  ctx: NsContext,
  source: StoredRecord,
  targetSegment: string,
  body: unknown,
  replace: Set<string>,
): number {
  const target = resolveType(targetSegment);
  if (target === undefined || !(TRANSFORMS[source.type] ?? []).includes(target.name)) {
    throw new NsError(
      400,
      'INVALID_PARAMETER',
      `Transformation of ${source.type} to ${targetSegment} is not supported.`,
    );
  }

  const defaults = defaultBody(ctx, source, target.name);
  const request = isObject(body) ? body : {};
  const merged: Record<string, unknown> = { ...defaults, ...request };

  for (const [sublist, key] of [
    ['item', 'orderLine'],
    ['apply', 'doc'],
  ] as const) {
    if (!isObject(request[sublist])) continue;
    const sent = linesOf(request, sublist);
    merged[sublist] = {
      items: replace.has(sublist) ? sent : mergeByKey(linesOf(defaults, sublist), sent, key),
    };
  }

  return createRecord(ctx, target, merged);
}

function mergeByKey(defaults: Line[], sent: Line[], key: 'orderLine' | 'doc'): Line[] {
  const keyOf = (line: Line): string => String(key === 'doc' ? refId(line.doc) : line.orderLine);
  const sentByKey = new Map(sent.map((line) => [keyOf(line), line]));
  const merged = defaults.map((line) => ({ ...line, ...(sentByKey.get(keyOf(line)) ?? {}) }));
  const known = new Set(defaults.map(keyOf));

  return [...merged, ...sent.filter((line) => !known.has(keyOf(line)))];
}

function defaultBody(
  ctx: NsContext,
  source: StoredRecord,
  target: string,
): Record<string, unknown> {
  if (source.type === 'customer') {
    return target === 'customerPayment'
      ? { customer: ref(source.id) }
      : { entity: ref(source.id), subsidiary: source.body.subsidiary };
  }

  const header: Record<string, unknown> = { createdFrom: ref(source.id) };
  for (const field of HEADER_FIELDS)
    if (source.body[field] !== undefined) header[field] = source.body[field];

  if (target === 'customerPayment' || target === 'customerRefund') {
    return {
      customer: source.body.entity,
      subsidiary: source.body.subsidiary,
      currency: source.body.currency,
      apply: { items: [{ doc: ref(source.id) }] },
    };
  }
  if (
    target === 'returnAuthorization' ||
    (target === 'creditMemo' && source.type !== 'returnAuthorization')
  ) {
    return {
      ...header,
      item: { items: copiedLines(source, target === 'creditMemo') },
      ...(target === 'creditMemo' && source.type === 'invoice'
        ? { apply: { items: [{ doc: ref(source.id) }] } }
        : {}),
    };
  }

  const remaining = remainingFor(ctx, target, source, undefined);
  const lines = linesOf(source.body)
    .filter((line) => (remaining.get(Number(line.line)) ?? 0) > 0)
    .filter(
      (line) =>
        target !== 'itemFulfillment' ||
        source.type !== 'salesOrder' ||
        isFulfillable(ctx.store, refId(line.item)),
    )
    .map((line) => ({ orderLine: Number(line.line) }));

  const firstBill =
    (target === 'invoice' || target === 'cashSale') &&
    ctx.store.children(source.id).every((c) => c.type !== 'invoice' && c.type !== 'cashSale');
  const shipping =
    firstBill && source.body.shippingCost !== undefined
      ? { shippingCost: source.body.shippingCost }
      : {};
  return { ...header, ...shipping, item: { items: lines } };
}

function copiedLines(source: StoredRecord, keyed: boolean): Line[] {
  return linesOf(source.body).map((line) => {
    const copy: Line = {
      item: line.item,
      quantity: line.quantity,
      rate: line.rate,
      amount: line.amount,
      taxCode: line.taxCode,
      location: line.location,
    };
    if (keyed) copy.orderLine = Number(line.line);
    return Object.fromEntries(Object.entries(copy).filter(([, value]) => value !== undefined));
  });
}
