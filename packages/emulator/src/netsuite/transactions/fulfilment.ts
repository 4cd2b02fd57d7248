/**
 * itemFulfillment and itemReceipt: lines keyed by `orderLine` to the source order's `line`,
 * `itemReceive: false` skips a line, quantities capped by what remains, stock moved at the line
 * location (shared/reference/netsuite.md §1.7, §6.4, §6.6).
 */
import type { Behaviour, Draft, NsContext } from '../context';
import { NsError, invalidFieldValue, missingField } from '../errors';
import type { StoredRecord } from '../records/store';
import { lineLocation, remainingFor } from './remaining';
import { lineMoves } from './inventory';
import { isFulfillable, linesOf, quantityOf, ref, refId, setLines, type Line } from './lines';

const SOURCES: Record<string, string[]> = {
  itemFulfillment: ['salesOrder', 'transferOrder'],
  itemReceipt: ['transferOrder', 'returnAuthorization'],
};

/** The "no valid lines" error NetSuite gives on fulfil/receive/bill (netsuitephp/netsuite-php#60). */
export function noValidLines(): NsError {
  return new NsError(
    400,
    'VALID_LINE_ITEM_REQD',
    'You must have at least one valid line item for this transaction.',
  );
}

/** The source record of a transformed draft, checked against the allowed source types. */
export function sourceOf(ctx: NsContext, draft: Draft, allowed: string[]): StoredRecord {
  const source = draft.createdFrom === null ? undefined : ctx.store.get(draft.createdFrom);
  if (source === undefined || !allowed.includes(source.type)) {
    throw invalidFieldValue('createdFrom', String(draft.createdFrom ?? ''), 'createdFrom');
  }
  return source;
}

function prepareLines(ctx: NsContext, draft: Draft, source: StoredRecord): Line[] {
  const sourceLines = new Map(linesOf(source.body).map((line) => [Number(line.line), line]));
  const remaining = remainingFor(ctx, draft.type, source, draft.id);
  const verb = draft.type === 'itemFulfillment' ? 'fulfill' : 'receive';
  const kept: Line[] = [];

  linesOf(draft.body).forEach((line, index) => {
    const path = `item.items[${index}]`;
    const orderLine = Number(line.orderLine);
    const sourceLine = sourceLines.get(orderLine);
    if (sourceLine === undefined)
      throw invalidFieldValue(`${path}.orderLine`, String(line.orderLine), 'orderLine');
    if (line.itemReceive === false) return;

    const itemId = refId(sourceLine.item);
    if (source.type === 'salesOrder' && !isFulfillable(ctx.store, itemId)) {
      throw invalidFieldValue(`${path}.orderLine`, String(orderLine), 'orderLine');
    }

    const left = remaining.get(orderLine) ?? 0;
    const quantity = line.quantity === undefined ? left : quantityOf(line);
    if (quantity <= 0 && line.quantity === undefined) return;
    if (quantity <= 0 || quantity > left || sourceLine.isClosed === true) {
      throw new NsError(
        400,
        'USER_ERROR',
        `You cannot ${verb} more than the remaining quantity (${left}) of order line ${orderLine}.`,
        {
          path: `${path}.quantity`,
        },
      );
    }

    const location = refId(line.location) ?? lineLocation(draft.type, source, sourceLine);
    if (location === undefined) throw missingField(`${path}.location`, 'Location');

    kept.push({
      ...line,
      orderLine,
      item: sourceLine.item,
      quantity,
      location: ref(location),
      itemReceive: true,
      quantityRemaining: left - quantity,
    });
  });

  return kept;
}

function behaviour(type: 'itemFulfillment' | 'itemReceipt'): Behaviour {
  return {
    prepare(draft, ctx) {
      const source = sourceOf(ctx, draft, SOURCES[type] ?? []);
      const lines = prepareLines(ctx, draft, source);
      if (lines.length === 0) throw noValidLines();

      setLines(
        draft.body,
        lines.map((line, index) => ({ ...line, line: index + 1 })),
      );
      draft.body.entity ??= source.body.entity;
      draft.body.subsidiary ??= source.body.subsidiary;
      if (type === 'itemFulfillment') draft.body.shipStatus ??= { id: 'C', refName: 'Shipped' };
      delete draft.body.total;
    },
    moves(record, ctx) {
      return lineMoves(ctx, record.body, type === 'itemFulfillment' ? -1 : 1, undefined);
    },
    dependsOn(record) {
      return record.createdFrom === null ? [] : [record.createdFrom];
    },
  };
}

/** Behaviour of itemFulfillment. */
export const itemFulfillmentBehaviour = behaviour('itemFulfillment');
/** Behaviour of itemReceipt. */
export const itemReceiptBehaviour = behaviour('itemReceipt');
