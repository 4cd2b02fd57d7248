/**
 * `fulfillments`: shipped NetSuite item fulfillments of imported MFN orders → Amazon
 * `confirmShipment` (ordersV0.json, rate 2/s burst 10), one call per package, each package
 * confirmed once: a link per package, and a package Amazon already lists counts as done.
 */
import type { HandleResult, Page } from '@sellerbridge/flows-core';
import { defineFlow } from '@sellerbridge/flows-core';
import { sql } from '@sellerbridge/netsuite-client';

import type { ShippableItem, ShippedFulfillment } from '../fulfillments/packages';
import { buildShipmentConfirmations } from '../fulfillments/packages';
import { toExternalIdPart } from '../support/ids';
import { getAmazonOrder } from './amazon-orders';
import type { StarterContext } from './context';
import type { Row } from './rows';
import { idOf } from './rows';
import { nowIso, sellerIdOf } from './context';
import { lookupItems } from './netsuite-items';

/** Checkpoint: highest item fulfillment id seen, and those seen before they shipped. */
export interface FulfillmentCheckpoint {
  lastId: string;
  waiting: string[];
}

/** One shipped fulfillment to send (no buyer data: lines, tracking, ship method, date). */
export interface FulfillmentRecord {
  salesOrderId: string;
  fulfillment: ShippedFulfillment;
}

/** Item fulfillment `shipStatus` C = Shipped (netsuite.md §6.4). */
const SHIPPED = 'C';
/** Fulfillments remembered while picked or packed; older ones beyond this are dropped. */
const MAX_WAITING = 5_000;

async function readRows(ctx: StarterContext, query: ReturnType<typeof sql>): Promise<Row[]> {
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
async function readFulfillment(
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
async function ourCandidates(
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

async function* fulfillmentPages(
  ctx: StarterContext,
  checkpoint: FulfillmentCheckpoint | undefined,
): AsyncGenerator<Page<FulfillmentRecord, FulfillmentCheckpoint>> {
  const lastId = Number(checkpoint?.lastId ?? '0');
  const waiting = checkpoint?.waiting ?? [];
  const fresh = await readRows(
    ctx,
    sql`SELECT id, createdfrom FROM transaction WHERE type = 'ItemShip' AND id > ${lastId} ORDER BY id`,
  );
  const rechecked =
    waiting.length > 0
      ? await readRows(
          ctx,
          sql`SELECT id, createdfrom FROM transaction WHERE type = 'ItemShip' AND id IN (${waiting.map(Number)})`,
        )
      : [];
  const maxId = fresh.reduce((max, row) => Math.max(max, Number(idOf(row.id))), lastId);
  const candidates = await ourCandidates(ctx, [...rechecked, ...fresh]);
  const size = ctx.settings.fulfillments.pageSize;
  const stillWaiting: string[] = [];

  for (let start = 0; start < candidates.length; start += size) {
    const records: FulfillmentRecord[] = [];

    for (const candidate of candidates.slice(start, start + size)) {
      const fulfillment = await readFulfillment(ctx, candidate.id, candidate.amazonOrderId);

      if (fulfillment) records.push({ salesOrderId: candidate.salesOrderId, fulfillment });
      else stillWaiting.push(candidate.id);
    }

    const isLast = start + size >= candidates.length;

    yield {
      records,
      checkpoint: isLast
        ? { lastId: String(maxId), waiting: stillWaiting.slice(-MAX_WAITING) }
        : (checkpoint ?? { lastId: '0', waiting: [] }),
    };
  }

  if (candidates.length === 0) {
    yield { records: [], checkpoint: { lastId: String(maxId), waiting: [] } };
  }
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

function shippableItems(
  fulfillmentId: string,
  order: Awaited<ReturnType<typeof getAmazonOrder>>,
  itemIds: Map<string, string>,
): ShippableItem[] {
  const ownPrefix = `${toExternalIdPart(fulfillmentId)}-`;
  const shippedUnits = new Map<string, number>();

  for (const entry of order.packages ?? []) {
    if (entry.packageReferenceId.startsWith(ownPrefix)) continue;

    for (const item of entry.packageItems ?? [])
      shippedUnits.set(item.orderItemId, (shippedUnits.get(item.orderItemId) ?? 0) + item.quantity);
  }

  return order.orderItems.map((item) => ({
    orderItemId: item.orderItemId,
    itemId: itemIds.get(item.product.sellerSku ?? '') ?? '',
    remaining: item.quantityOrdered - (shippedUnits.get(item.orderItemId) ?? 0),
  }));
}

async function confirmPackage(
  ctx: StarterContext,
  amazonOrderId: string,
  confirmation: ReturnType<typeof buildShipmentConfirmations>[number],
): Promise<void> {
  const intent = {
    target: 'amazon' as const,
    action: 'confirmShipment',
    recordType: 'shipment',
    externalId: confirmation.packageReferenceId,
    summary: `package ${confirmation.packageReferenceId} of Amazon order ${amazonOrderId}`,
  };

  try {
    await ctx.write(intent, () =>
      ctx.amazon.call('confirmShipment', {
        path: { orderId: amazonOrderId },
        body: confirmation.body,
        signal: ctx.signal,
      }),
    );
  } catch (error) {
    // A repeat of a confirmation Amazon already holds is done, not an error (issue #8, item 4).
    const order = await getAmazonOrder(ctx, amazonOrderId);

    if (
      !(order.packages ?? []).some(
        (entry) => entry.packageReferenceId === confirmation.packageReferenceId,
      )
    )
      throw error;
  }
}

/** Sends the packages of one shipped item fulfillment, each once. */
export async function handleFulfillment(
  ctx: StarterContext,
  record: FulfillmentRecord,
): Promise<HandleResult> {
  const { fulfillment } = record;
  const { startDate, carriers, allowMissingTracking } = ctx.settings.fulfillments;

  if (
    startDate &&
    fulfillment.shipDate !== '' &&
    fulfillment.shipDate.slice(0, 10) < startDate.slice(0, 10)
  ) {
    return { outcome: 'skipped', note: 'shipped before fulfillments.startDate' };
  }

  const order = await getAmazonOrder(ctx, fulfillment.amazonOrderId);
  const itemIds = await lookupItems(
    ctx,
    order.orderItems.map((item) => item.product.sellerSku ?? ''),
  );
  const items = shippableItems(fulfillment.id, order, itemIds);
  const ownPrefix = `${toExternalIdPart(fulfillment.id)}-`;

  if (
    items.every((item) => item.remaining <= 0) &&
    !(order.packages ?? []).some((entry) => entry.packageReferenceId.startsWith(ownPrefix))
  ) {
    return {
      outcome: 'skipped',
      netsuiteId: fulfillment.id,
      note: 'already shipped on Amazon',
    };
  }

  const confirmations = buildShipmentConfirmations(fulfillment, items, {
    marketplaceId: order.salesChannel.marketplaceId ?? ctx.settings.marketplaceIds[0] ?? '',
    carriers,
    allowMissingTracking,
    nowIso: nowIso(ctx),
  });
  if (confirmations.length < new Set(fulfillment.trackingNumbers.filter(Boolean)).size) {
    ctx.logger.warn(
      { fulfillmentId: fulfillment.id, packages: confirmations.length },
      'more tracking numbers than shipped units; the extra numbers are not sent',
    );
  }

  const listed = new Set((order.packages ?? []).map((entry) => entry.packageReferenceId));
  const sellerPart = toExternalIdPart(sellerIdOf(ctx));
  let sent = 0;

  for (const confirmation of confirmations) {
    const result = await ctx.links.createOnce({
      sourceKey: `netsuite-fulfillment:${fulfillment.id}:${confirmation.packageReferenceId}`,
      recordType: 'amazonPackage',
      externalId: `amzn-pkg-${sellerPart}-${confirmation.packageReferenceId}`,
      summary: `confirm package ${confirmation.packageReferenceId} on Amazon`,
      create: async () => {
        if (!listed.has(confirmation.packageReferenceId))
          await confirmPackage(ctx, fulfillment.amazonOrderId, confirmation);

        return fulfillment.id;
      },
    });

    if (result.outcome === 'created' && !listed.has(confirmation.packageReferenceId)) sent += 1;
  }

  return sent > 0
    ? { outcome: 'created', netsuiteId: fulfillment.id, note: `${sent} package(s) confirmed` }
    : { outcome: 'skipped', netsuiteId: fulfillment.id, note: 'packages already confirmed' };
}

async function loadFulfillment(
  ctx: StarterContext,
  fulfillmentId: string,
): Promise<FulfillmentRecord | undefined> {
  const rows = await readRows(
    ctx,
    sql`SELECT id, createdfrom FROM transaction WHERE id = ${Number(fulfillmentId)}`,
  );
  const [candidate] = await ourCandidates(ctx, rows);
  const fulfillment = candidate
    ? await readFulfillment(ctx, candidate.id, candidate.amazonOrderId)
    : undefined;

  return candidate && fulfillment
    ? { salesOrderId: candidate.salesOrderId, fulfillment }
    : undefined;
}

/** NetSuite shipped item fulfillments → Amazon shipment confirmations. */
export const fulfillmentsFlow = defineFlow({
  id: 'fulfillments',
  edition: 'starter',
  schedule: { everyMs: 15 * 60_000 },
  description: 'Shipped NetSuite item fulfillments of Amazon MFN orders → Amazon confirmShipment',
  traceKey: (record: FulfillmentRecord) => `fulfillment:${record.fulfillment.id}`,
  // A retry reads the fulfillment again, so a tracking number added since is picked up.
  load: (ctx: StarterContext, traceKey: string) =>
    loadFulfillment(ctx, traceKey.replace(/^fulfillment:/, '')),
  source: (ctx: StarterContext, checkpoint: FulfillmentCheckpoint | undefined) =>
    fulfillmentPages(ctx, checkpoint),
  handle: handleFulfillment,
});
