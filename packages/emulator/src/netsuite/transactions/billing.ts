/**
 * invoice, cashSale and creditMemo: lines billed from a source order by `orderLine` (capped by
 * what remains billable), totals from lines, tax and shipping, open amounts derived from the
 * payments and credits applied (invoice status Open / Paid In Full).
 */
import type { Behaviour, Draft, NsContext } from '../context';
import { NsError, invalidFieldValue } from '../errors';
import type { StoredRecord } from '../records/store';
import { appliedDocIds, prepareApply } from './apply';
import { noValidLines, sourceOf } from './fulfilment';
import { lineMoves } from './inventory';
import { linesOf, quantityOf, refId, setLines, type Line } from './lines';
import { formatCents, toCents } from './money';
import { openCents, ownAppliedCents } from './open-amounts';
import { remainingFor } from './remaining';
import { computeTotals } from './totals';

const SOURCES: Record<string, string[]> = {
  invoice: ['salesOrder'],
  cashSale: ['salesOrder'],
  creditMemo: ['invoice', 'cashSale', 'returnAuthorization'],
};

function billLines(ctx: NsContext, draft: Draft, source: StoredRecord): Line[] {
  const sourceLines = new Map(linesOf(source.body).map((line) => [Number(line.line), line]));
  const remaining = remainingFor(ctx, draft.type, source, draft.id);

  return linesOf(draft.body).flatMap((line, index) => {
    if (line.orderLine === undefined) return [line];

    const path = `item.items[${index}]`;
    const sourceLine = sourceLines.get(Number(line.orderLine));
    if (sourceLine === undefined)
      throw invalidFieldValue(`${path}.orderLine`, String(line.orderLine), 'orderLine');

    const left = remaining.get(Number(line.orderLine)) ?? 0;
    const quantity = line.quantity === undefined ? left : quantityOf(line);
    if (quantity <= 0 && line.quantity === undefined) return [];
    if (quantity > left) {
      throw new NsError(
        400,
        'USER_ERROR',
        `You cannot bill more than the billable quantity (${left}) of order line ${String(line.orderLine)}.`,
        {
          path: `${path}.quantity`,
        },
      );
    }

    const amount =
      quantity === quantityOf(sourceLine) ? (line.amount ?? sourceLine.amount) : line.amount;
    const copied = {
      item: sourceLine.item,
      rate: sourceLine.rate,
      taxCode: sourceLine.taxCode,
      location: sourceLine.location,
      price: sourceLine.price,
    };
    return [{ ...copied, ...line, quantity, amount, orderLine: Number(line.orderLine) }];
  });
}

function prepare(draft: Draft, ctx: NsContext): void {
  const source =
    draft.createdFrom === null ? undefined : sourceOf(ctx, draft, SOURCES[draft.type] ?? []);
  if (source !== undefined) {
    const lines = billLines(ctx, draft, source);
    if (lines.length === 0) throw noValidLines();
    setLines(draft.body, lines);
  }

  const totalCents = computeTotals(ctx, draft.body);
  if (draft.type === 'cashSale') draft.body.status = { id: 'B', refName: 'Not Deposited' };
  if (draft.type === 'invoice') setInvoiceOpen(draft.body, totalCents, totalCents);
  if (draft.type === 'creditMemo') {
    const appliedCents = prepareApply(
      ctx,
      draft,
      ['invoice'],
      refId(draft.body.entity),
      totalCents,
    );
    setCreditOpen(draft.body, totalCents - appliedCents, appliedCents);
  }
}

function setInvoiceOpen(
  body: Record<string, unknown>,
  remainingCents: number,
  totalCents: number,
): void {
  body.amountRemaining = formatCents(remainingCents);
  body.amountPaid = formatCents(totalCents - remainingCents);
  body.status =
    remainingCents === 0 ? { id: 'B', refName: 'Paid In Full' } : { id: 'A', refName: 'Open' };
}

function setCreditOpen(
  body: Record<string, unknown>,
  unappliedCents: number,
  appliedCents: number,
): void {
  body.applied = formatCents(appliedCents);
  body.unapplied = formatCents(unappliedCents);
  body.status =
    unappliedCents === 0 ? { id: 'B', refName: 'Fully Applied' } : { id: 'A', refName: 'Open' };
}

/** Behaviour of invoice, cashSale or creditMemo. */
export function billingBehaviour(type: 'invoice' | 'cashSale' | 'creditMemo'): Behaviour {
  return {
    prepare,
    moves(record, ctx) {
      if (type === 'creditMemo') return [];

      const billingFulfils = record.createdFrom === null || !ctx.features.advancedShipping;
      return billingFulfils ? lineMoves(ctx, record.body, -1, refId(record.body.location)) : [];
    },
    dependsOn(record) {
      const source = record.createdFrom === null ? [] : [record.createdFrom];
      return [...source, ...appliedDocIds(record.body)];
    },
    refresh(record, ctx) {
      const openAmount = openCents(ctx, record);
      if (type === 'invoice')
        setInvoiceOpen(record.body, openAmount, toCents(record.body.total ?? 0));
      else if (type === 'creditMemo')
        setCreditOpen(record.body, openAmount, ownAppliedCents(record));
      else return;

      ctx.store.update({ ...record, modified: ctx.clock().toISOString() });
    },
  };
}
