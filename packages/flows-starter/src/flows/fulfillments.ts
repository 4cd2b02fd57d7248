/**
 * `fulfillments`: shipped NetSuite item fulfillments of imported MFN orders → Amazon
 * `confirmShipment` (ordersV0.json, rate 2/s burst 10), one call per package, each package
 * confirmed once: a link per package Amazon holds, and a package Amazon already lists counts as
 * done. A package the write gate only recorded is neither linked nor done: read again next run.
 */
import type { HandleResult, Page } from '@sellerbridge/flows-core';
import { defineFlow } from '@sellerbridge/flows-core';
import { sql } from '@sellerbridge/netsuite-client';

import { ourCandidates, readFulfillment, readRows } from '../fulfillments/netsuite-reads';
import type { ShippableItem, ShippedFulfillment } from '../fulfillments/packages';
import { buildShipmentConfirmations } from '../fulfillments/packages';
import type { PackageOutcome } from '../fulfillments/confirm';
import { confirmPackageOnce, isUnsent, markUnsent } from '../fulfillments/confirm';
import { toExternalIdPart } from '../support/ids';
import { getAmazonOrder } from './amazon-orders';
import type { StarterContext } from './context';
import { idOf } from './rows';
import { nowIso } from './context';
import { lookupItems } from './netsuite-items';

/**
 * Checkpoint: highest item fulfillment id seen, and those to read again: seen before they
 * shipped, or with packages the write gate only recorded.
 */
export interface FulfillmentCheckpoint {
  lastId: string;
  waiting: string[];
}

/** One shipped fulfillment to send (no buyer data: lines, tracking, ship method, date). */
export interface FulfillmentRecord {
  salesOrderId: string;
  fulfillment: ShippedFulfillment;
}

/** Fulfillments remembered to read again; older ones beyond this are dropped. */
const MAX_WAITING = 5_000;

/**
 * The ids to read again next run, oldest first: those not shipped yet and those whose packages
 * were only recorded. Beyond {@link MAX_WAITING} the oldest are dropped (logged).
 */
function waitingAfter(
  ctx: StarterContext,
  notShipped: readonly string[],
  handled: readonly FulfillmentRecord[],
): string[] {
  const unsent = handled.filter(isUnsent).map((record) => record.fulfillment.id);
  const waiting = [...new Set([...notShipped, ...unsent])].sort((a, b) => Number(a) - Number(b));

  if (waiting.length > MAX_WAITING) {
    ctx.logger.warn(
      { dropped: waiting.length - MAX_WAITING, oldestKept: waiting[waiting.length - MAX_WAITING] },
      'too many fulfillments waiting (not shipped, or packages recorded but not sent); the oldest are no longer read',
    );
  }

  return waiting.slice(-MAX_WAITING);
}

async function* fulfillmentPages(
  ctx: StarterContext,
  checkpoint: FulfillmentCheckpoint | undefined,
): AsyncGenerator<Page<FulfillmentRecord, FulfillmentCheckpoint>> {
  const previous = checkpoint ?? { lastId: '0', waiting: [] };
  const fresh = await readRows(
    ctx,
    sql`SELECT id, createdfrom FROM transaction WHERE type = 'ItemShip' AND id > ${Number(previous.lastId)} ORDER BY id`,
  );
  const rechecked =
    previous.waiting.length > 0
      ? await readRows(
          ctx,
          sql`SELECT id, createdfrom FROM transaction WHERE type = 'ItemShip' AND id IN (${previous.waiting.map(Number)})`,
        )
      : [];
  const maxId = fresh.reduce(
    (max, row) => Math.max(max, Number(idOf(row.id))),
    Number(previous.lastId),
  );
  const candidates = await ourCandidates(ctx, [...rechecked, ...fresh]);
  const size = ctx.settings.fulfillments.pageSize;
  const notShipped: string[] = [];
  const handled: FulfillmentRecord[] = [];

  for (let start = 0; start < candidates.length; start += size) {
    const records: FulfillmentRecord[] = [];

    for (const candidate of candidates.slice(start, start + size)) {
      const fulfillment = await readFulfillment(ctx, candidate.id, candidate.amazonOrderId);

      if (fulfillment) records.push({ salesOrderId: candidate.salesOrderId, fulfillment });
      else notShipped.push(candidate.id);
    }

    handled.push(...records);
    // Handled first, remembered after: the checkpoint moves in the last page, once it is known
    // which records had packages only recorded (those are read again next run).
    yield { records, checkpoint: previous };
  }

  yield {
    records: [],
    checkpoint: { lastId: String(maxId), waiting: waitingAfter(ctx, notShipped, handled) },
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
  const outcomes: PackageOutcome[] = [];

  for (const confirmation of confirmations) {
    outcomes.push(
      await confirmPackageOnce(ctx, {
        fulfillmentId: fulfillment.id,
        amazonOrderId: fulfillment.amazonOrderId,
        confirmation,
        isListed: listed.has(confirmation.packageReferenceId),
      }),
    );
  }

  return fulfillmentResult(record, outcomes);
}

/**
 * The record's result from its packages' outcomes. Packages only recorded count as the engine
 * counts a dry run's writes (the outcome they would have had: `created`), and the record is read
 * again by the next run.
 */
function fulfillmentResult(record: FulfillmentRecord, outcomes: PackageOutcome[]): HandleResult {
  const sent = outcomes.filter((outcome) => outcome === 'sent').length;
  const recorded = outcomes.filter((outcome) => outcome === 'recorded').length;
  const netsuiteId = record.fulfillment.id;

  if (recorded > 0) markUnsent(record);

  if (sent + recorded === 0)
    return { outcome: 'skipped', netsuiteId, note: 'packages already confirmed' };

  const notes = [
    ...(sent > 0 ? [`${sent} package(s) confirmed`] : []),
    ...(recorded > 0 ? [`${recorded} package(s) recorded, not sent`] : []),
  ];

  return { outcome: 'created', netsuiteId, note: notes.join('; ') };
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
