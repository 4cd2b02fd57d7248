/**
 * What is left to fulfil, receive or bill on each line of a source order, counting the other
 * transformed children (a PATCH of a child excludes the child itself).
 */
import type { NsContext } from '../context';
import type { StoredRecord } from '../records/store';
import {
  isFulfillable,
  linesOf,
  quantitiesByOrderLine,
  quantityOf,
  refId,
  type Line,
} from './lines';

const BILLS = ['invoice', 'cashSale'];

/** Remaining quantity per source line for a new `targetType` child. */
export function remainingFor(
  ctx: NsContext,
  targetType: string,
  source: StoredRecord,
  excludeId: number | undefined,
): Map<number, number> {
  const children = ctx.store.children(source.id);
  const fulfilled = quantitiesByOrderLine(children, ['itemFulfillment'], excludeId);
  const received = quantitiesByOrderLine(children, ['itemReceipt'], excludeId);
  const billed = quantitiesByOrderLine(children, BILLS, excludeId);
  const credited = quantitiesByOrderLine(children, ['creditMemo'], excludeId);
  const result = new Map<number, number>();

  for (const line of linesOf(source.body)) {
    const key = Number(line.line);
    const ordered = line.isClosed === true ? 0 : quantityOf(line);
    const get = (sums: Map<number, number>): number => sums.get(key) ?? 0;
    result.set(
      key,
      remainingOf(ctx, targetType, source.type, line, ordered, get, {
        fulfilled,
        received,
        billed,
        credited,
      }),
    );
  }

  return result;
}

function remainingOf(
  ctx: NsContext,
  targetType: string,
  sourceType: string,
  line: Line,
  ordered: number,
  get: (sums: Map<number, number>) => number,
  sums: Record<'fulfilled' | 'received' | 'billed' | 'credited', Map<number, number>>,
): number {
  if (targetType === 'itemFulfillment') return ordered - get(sums.fulfilled);
  if (targetType === 'itemReceipt') {
    return sourceType === 'transferOrder'
      ? get(sums.fulfilled) - get(sums.received)
      : ordered - get(sums.received);
  }
  if (targetType === 'creditMemo') {
    return sourceType === 'returnAuthorization' ? ordered - get(sums.credited) : ordered;
  }

  const stocked = isFulfillable(ctx.store, refId(line.item));
  const billable = stocked && ctx.features.advancedShipping ? get(sums.fulfilled) : ordered;
  return billable - get(sums.billed);
}

/** Default location of a fulfilment/receipt line: the line's, else the order's side. */
export function lineLocation(
  targetType: string,
  source: StoredRecord,
  sourceLine: Line,
): number | undefined {
  if (source.type === 'transferOrder') {
    return refId(
      targetType === 'itemReceipt' ? source.body.transferLocation : source.body.location,
    );
  }

  return refId(sourceLine.location) ?? refId(source.body.location);
}
