/**
 * NetSuite reads of the `fulfillments` flow: item fulfillment rows, which of them come from sales
 * orders this plugin imported, and a shipped fulfillment's lines, packages and ship method.
 */
import { sql } from '@sellerbridge/netsuite-client';

import type { StarterContext } from '../flows/context';
import type { Row } from '../flows/rows';
import { idOf } from '../flows/rows';
import type { ShippedFulfillment } from './packages';

/** Item fulfillment `shipStatus` C = Shipped (netsuite.md §6.4). */
const SHIPPED = 'C';

/** Every row of a SuiteQL query. */
export async function readRows(ctx: StarterContext, query: ReturnType<typeof sql>): Promise<Row[]> {
  const rows: Row[] = [];

  for await (const row of ctx.netsuite.query(query, { signal: ctx.signal })) rows.push(row as Row);

  return rows;
}

/** Sales orders (id, external id, Amazon order id) of a page, in one query. */
async function salesOrdersOf(ctx: StarterContext, ids: string[]): Promise<Map<string, Row>> {
  if (ids.length === 0) return new Map();

  const rows = await ctx.netsuite.lookupMany(
    ids.map(Number),
    (batch) => sql`SELECT id, externalid, otherrefnum FROM transaction WHERE id IN (${batch})`,
    { signal: ctx.signal },
  );

  return new Map((rows as Row[]).map((row) => [idOf(row.id), row]));
}

/** Reads a fulfillment; undefined while it is not shipped. */
export async function readFulfillment(
  ctx: StarterContext,
  fulfillmentId: string,
  amazonOrderId: string,
): Promise<ShippedFulfillment | undefined> {
  const body = (await ctx.netsuite.records.get('itemFulfillment', fulfillmentId, {
    expandSubResources: true,
    signal: ctx.signal,
  })) as Row;

  return idOf(body.shipStatus).toUpperCase() === SHIPPED
    ? toShippedFulfillment(fulfillmentId, amazonOrderId, body)
    : undefined;
}

/** Our candidates among item fulfillment rows: created from a sales order this plugin imported. */
export async function ourCandidates(
  ctx: StarterContext,
  rows: Row[],
): Promise<Array<{ id: string; salesOrderId: string; amazonOrderId: string }>> {
  const orders = await salesOrdersOf(ctx, [
    ...new Set(rows.map((row) => idOf(row.createdfrom)).filter(Boolean)),
  ]);
  const prefix = `${ctx.settings.orders.externalIdPrefix}-`;

  return rows.flatMap((row) => {
    const order = orders.get(idOf(row.createdfrom));
    const isOurs =
      order !== undefined &&
      idOf(order.externalid).startsWith(prefix) &&
      idOf(order.otherrefnum) !== '';

    return isOurs
      ? [
          {
            id: idOf(row.id),
            salesOrderId: idOf(row.createdfrom),
            amazonOrderId: idOf(order.otherrefnum),
          },
        ]
      : [];
  });
}

function toShippedFulfillment(
  fulfillmentId: string,
  amazonOrderId: string,
  body: Row,
): ShippedFulfillment {
  const items = ((body.item as { items?: Row[] } | undefined)?.items ?? []).filter(
    (line) => line.itemReceive !== false,
  );
  const packages = (body.package as { items?: Row[] } | undefined)?.items ?? [];

  return {
    id: fulfillmentId,
    amazonOrderId,
    shipDate: idOf(body.shippedDate) || idOf(body.tranDate),
    shipMethodName:
      (body.shipMethod as { refName?: string } | undefined)?.refName ??
      (idOf(body.shipCarrier) || undefined),
    lines: items.map((line) => ({ itemId: idOf(line.item), quantity: Number(line.quantity ?? 0) })),
    trackingNumbers: packages.map((entry) => idOf(entry.packageTrackingNumber)),
  };
}
