/**
 * Orders whose lines are fulfilled, billed or received by later transactions: salesOrder,
 * transferOrder, returnAuthorization. Line quantities are derived from the transformed children;
 * the status letter follows them (salesOrder enum A–H, shared/reference/netsuite.md §6.1; the
 * exact letter rules are UNVERIFIED there and follow NetSuite's status labels).
 */
import type { Behaviour, NsContext } from '../context';
import type { StoredRecord } from '../records/store';
import { computeTotals } from './totals';
import {
  isFulfillable,
  linesOf,
  quantitiesByOrderLine,
  quantityOf,
  refId,
  setLines,
  type Line,
} from './lines';

const SALES_ORDER_STATUS: Record<string, string> = {
  A: 'Pending Approval',
  B: 'Pending Fulfillment',
  C: 'Cancelled',
  D: 'Partially Fulfilled',
  E: 'Pending Billing/Partially Fulfilled',
  F: 'Pending Billing',
  G: 'Billed',
  H: 'Closed',
};

const TRANSFER_ORDER_STATUS: Record<string, string> = {
  A: 'Pending Approval',
  B: 'Pending Fulfillment',
  C: 'Rejected',
  D: 'Partially Fulfilled',
  E: 'Pending Receipt/Partially Fulfilled',
  F: 'Pending Receipt',
  G: 'Received',
  H: 'Closed',
};

const RETURN_STATUS: Record<string, string> = {
  A: 'Pending Approval',
  B: 'Pending Receipt',
  C: 'Cancelled',
  D: 'Partially Received',
  E: 'Pending Refund/Partially Received',
  F: 'Pending Refund',
  G: 'Refunded',
  H: 'Closed',
};

/** Which child types feed the first ("out") and second ("done") quantity of each order type. */
const FLOWS: Record<
  string,
  { first: string[]; second: string[]; firstField: string; secondField: string }
> = {
  salesOrder: {
    first: ['itemFulfillment'],
    second: ['invoice', 'cashSale'],
    firstField: 'quantityFulfilled',
    secondField: 'quantityBilled',
  },
  transferOrder: {
    first: ['itemFulfillment'],
    second: ['itemReceipt'],
    firstField: 'quantityFulfilled',
    secondField: 'quantityReceived',
  },
  returnAuthorization: {
    first: ['itemReceipt'],
    second: ['creditMemo', 'cashRefund'],
    firstField: 'quantityReceived',
    secondField: 'quantityBilled',
  },
};

function deriveQuantities(
  ctx: NsContext,
  type: string,
  id: number | undefined,
  body: Record<string, unknown>,
): Line[] {
  const flow = FLOWS[type];
  const children = id === undefined || flow === undefined ? [] : ctx.store.children(id);
  const first = quantitiesByOrderLine(children, flow?.first ?? []);
  const second = quantitiesByOrderLine(children, flow?.second ?? []);
  const billingFulfils = type === 'salesOrder' && !ctx.features.advancedShipping;

  const lines = linesOf(body).map((line) => {
    const key = Number(line.line);
    const done = second.get(key) ?? 0;
    const out = (first.get(key) ?? 0) + (billingFulfils ? done : 0);
    return {
      ...line,
      [flow?.firstField ?? 'quantityFulfilled']: out,
      [flow?.secondField ?? 'quantityBilled']: done,
    };
  });

  setLines(body, lines);
  return lines;
}

function letter(
  ctx: NsContext,
  type: string,
  body: Record<string, unknown>,
  lines: Line[],
): string {
  const flow = FLOWS[type];
  if (flow === undefined) return 'B';
  if ((body.orderStatus as { id?: string } | undefined)?.id === 'A') return 'A';

  const open = lines.filter((line) => line.isClosed !== true);
  if (open.length === 0) return 'H';

  const stocked =
    type === 'salesOrder'
      ? open.filter((line) => isFulfillable(ctx.store, refId(line.item)))
      : open;
  const firstOf = (line: Line): number => Number(line[flow.firstField] ?? 0);
  const secondOf = (line: Line): number => Number(line[flow.secondField] ?? 0);

  if (open.every((line) => secondOf(line) >= quantityOf(line))) return 'G';
  if (stocked.every((line) => firstOf(line) >= quantityOf(line))) return 'F';
  if (!stocked.some((line) => firstOf(line) > 0)) return 'B';

  return stocked.some((line) => firstOf(line) > secondOf(line)) ? 'E' : 'D';
}

function labels(type: string): Record<string, string> {
  if (type === 'transferOrder') return TRANSFER_ORDER_STATUS;
  return type === 'returnAuthorization' ? RETURN_STATUS : SALES_ORDER_STATUS;
}

function applyDerived(
  ctx: NsContext,
  type: string,
  id: number | undefined,
  body: Record<string, unknown>,
): void {
  if (type !== 'transferOrder') computeTotals(ctx, body);

  const lines = deriveQuantities(ctx, type, id, body);
  const code = letter(ctx, type, body, lines);
  body.status = { id: code, refName: labels(type)[code] };
}

/** Behaviour of an order type (salesOrder, transferOrder, returnAuthorization). */
export function orderBehaviour(type: string): Behaviour {
  return {
    prepare(draft, ctx) {
      applyDerived(ctx, type, draft.id, draft.body);
    },
    refresh(record: StoredRecord, ctx) {
      applyDerived(ctx, type, record.id, record.body);
      ctx.store.update({ ...record, modified: ctx.clock().toISOString() });
    },
  };
}
