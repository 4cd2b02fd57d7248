/**
 * The source of the order flows: one last-updated window per run (two-minute rule, overlap,
 * dedupe by order id); a first sync or a long window reads history from the all-orders report
 * (shipped, closed and cancelled orders only) and open MFN orders from the API, whose order
 * item ids shipment confirmation needs (DESIGN §2 "History backfill").
 */
import type { Page } from '@sellerbridge/flows-core';

import type { AmazonOrder } from '../orders/amazon-order';
import { classifyFbaOrder, classifyMfnOrder } from '../orders/classify';
import { reportRowsToOrders } from '../orders/report-rows';
import type { OrderWindow } from '../orders/windows';
import { planWindow } from '../orders/windows';
import { searchOrderPages } from './amazon-orders';
import type { ReportRowLike } from './amazon-ports';
import { reportsOf } from './amazon-ports';
import { orderSourceKey } from './cancellations';
import type { StarterContext } from './context';
import { lookupItems } from './netsuite-items';
import { readAhead } from './read-ahead';
import type { OrderRecord } from './order-handler';
import { transactionTypeOf } from './order-handler';

/** Checkpoint of the order flows: the end of the last completed window. */
export interface OrderCheckpoint {
  lastUpdatedBefore?: string;
}

/** The all-orders report by last update (amazon-sp-api.md §5.8). */
export const ALL_ORDERS_REPORT = 'GET_FLAT_FILE_ALL_ORDERS_DATA_BY_LAST_UPDATE_GENERAL';

/** MFN statuses the API path reads: importable ones and cancellations. */
const MFN_STATUSES = ['UNSHIPPED', 'PARTIALLY_SHIPPED', 'SHIPPED', 'CANCELLED'];

/** Report orders that are history: finished on Amazon's side. */
const HISTORY_STATUSES = new Set(['SHIPPED', 'CANCELLED']);

type Channel = 'MFN' | 'FBA';

/** Plans this run's window from the checkpoint and the settings. */
export function windowOf(
  ctx: StarterContext,
  checkpoint: OrderCheckpoint | undefined,
): OrderWindow | undefined {
  const { orders } = ctx.settings;
  const nowMs = ctx.clock.now();
  const startDateMs = orders.startDate
    ? Date.parse(orders.startDate)
    : nowMs - orders.firstSyncLookbackMs;

  return planWindow({
    nowMs,
    checkpoint: checkpoint?.lastUpdatedBefore,
    startDateMs,
    overlapMs: orders.windowOverlapMs,
    maxWindowMs: orders.maxWindowMs,
    reportThresholdMs: orders.reportBackfillThresholdMs,
    useReport: orders.useReportBackfill,
  });
}

function wantsImport(order: AmazonOrder, channel: Channel): boolean {
  return (
    (channel === 'MFN' ? classifyMfnOrder(order) : classifyFbaOrder(order)).action === 'import'
  );
}

/**
 * Turns a page of orders into records: drops repeats seen earlier in the run or page, then looks up the
 * SKUs of the orders still to import in one batched query.
 */
export async function toRecords(
  ctx: StarterContext,
  orders: readonly AmazonOrder[],
  channel: Channel,
  via: OrderRecord['via'],
  seen: Set<string>,
): Promise<OrderRecord[]> {
  // Repeats within the page are dropped too: with concurrent handling, two records of one order
  // would otherwise race (they would still create one sales order, through its external id).
  const fresh = orders.filter((order) => !seen.has(order.orderId) && seen.add(order.orderId));
  const recordType = transactionTypeOf(ctx, channel);
  const toImport: AmazonOrder[] = [];

  for (const order of fresh) {
    if (
      wantsImport(order, channel) &&
      !(await ctx.links.get(recordType, orderSourceKey(order.orderId)))
    )
      toImport.push(order);
  }

  const skus = toImport.flatMap((order) =>
    order.orderItems.map((item) => item.product.sellerSku ?? ''),
  );
  const itemIds = await lookupItems(ctx, skus);

  return fresh.map((order) => {
    const own = order.orderItems.flatMap((item) => {
      const sku = item.product.sellerSku ?? '';
      const id = itemIds.get(sku);

      return id === undefined ? [] : [[sku, id] as const];
    });

    return { order, via, itemIds: Object.fromEntries(own) };
  });
}

async function collectReportOrders(
  ctx: StarterContext,
  window: OrderWindow,
  channel: Channel,
): Promise<AmazonOrder[]> {
  const rows: ReportRowLike[] = [];
  const input = {
    reportType: ALL_ORDERS_REPORT,
    marketplaceIds: ctx.settings.marketplaceIds,
    dataStartTime: window.after,
    dataEndTime: window.before,
  };

  for await (const row of reportsOf(ctx).requestReport(input, {
    ...ctx.settings.polling,
    signal: ctx.signal,
  }))
    rows.push(row);

  const fulfilledBy = channel === 'MFN' ? 'MERCHANT' : 'AMAZON';

  return reportRowsToOrders(rows).filter(
    (order) =>
      order.fulfillment?.fulfilledBy === fulfilledBy &&
      HISTORY_STATUSES.has(order.fulfillment.fulfillmentStatus),
  );
}

/**
 * Orders per page of the report's history. The rows are already in memory and every report page
 * keeps the held checkpoint, so a larger page only means fewer item lookups (one batched SuiteQL
 * query each) and fewer drains of the page's concurrency window, where NetSuite slots sit idle.
 */
const REPORT_PAGE_ORDERS = 500;

/** Open-order pages the backfill holds while its report pages are handled (100 orders each). */
const MAX_OPEN_PAGES_AHEAD = 50;

/** The open MFN orders of a report window, read through the API (they need order item ids). */
function openOrderSearch(window: OrderWindow) {
  return {
    lastUpdatedAfter: window.after,
    lastUpdatedBefore: window.before,
    fulfilledBy: 'MERCHANT' as const,
    fulfillmentStatuses: ['UNSHIPPED', 'PARTIALLY_SHIPPED'],
  };
}

/**
 * The report's history pages and (MFN) the open orders through the API. Both reads start at
 * once: while Amazon prepares the report, the open-order pages that have arrived are handled, so
 * NetSuite works during the report's queue and processing time; then the report's pages, then
 * the open pages still to come (their rate-limited reads wait for tokens in the background).
 * Order ids seen first win (`seen`), so an order is handled once whichever path brings it.
 */
async function* reportPages(
  ctx: StarterContext,
  window: OrderWindow,
  channel: Channel,
  seen: Set<string>,
  hold: OrderCheckpoint,
): AsyncGenerator<Page<OrderRecord, OrderCheckpoint>> {
  const open =
    channel === 'MFN'
      ? readAhead(
          (signal) => searchOrderPages(ctx, openOrderSearch(window), signal),
          ctx.signal,
          MAX_OPEN_PAGES_AHEAD,
        )
      : undefined;
  const report = collectReportOrders(ctx, window, channel);
  // Awaited below; a failure while open pages are handled must not be an unhandled rejection.
  report.catch(() => undefined);

  try {
    const openPages = open?.[Symbol.asyncIterator]();
    let pendingOpen = openPages?.next();

    while (pendingOpen) {
      const next = await Promise.race([pendingOpen, report.then(() => undefined)]);
      if (!next) break;

      if (next.done) {
        pendingOpen = undefined;
        break;
      }
      yield { records: await toRecords(ctx, next.value, channel, 'api', seen), checkpoint: hold };
      pendingOpen = openPages?.next();
    }

    const orders = await report;
    const size = REPORT_PAGE_ORDERS;
    const prepare = (start: number) =>
      toRecords(ctx, orders.slice(start, start + size), channel, 'report', seen);
    // The next page's item lookup runs while this page's orders are handled, instead of after.
    let next = orders.length > 0 ? prepare(0) : undefined;
    for (let start = 0; next; start += size) {
      const records = await next;
      next = start + size < orders.length ? prepare(start + size) : undefined;
      next?.catch(() => undefined);
      yield { records, checkpoint: hold };
    }

    for (let next = await pendingOpen; next && !next.done; next = await openPages?.next()) {
      yield { records: await toRecords(ctx, next.value, channel, 'api', seen), checkpoint: hold };
    }
  } finally {
    open?.stop();
  }
}

/**
 * Yields the pages of one window. Every page but the last keeps the previous checkpoint, so a
 * run stopped midway reads the window again (links make the repeat create nothing).
 */
export async function* orderPages(
  ctx: StarterContext,
  checkpoint: OrderCheckpoint | undefined,
  channel: Channel,
): AsyncGenerator<Page<OrderRecord, OrderCheckpoint>> {
  const window = windowOf(ctx, checkpoint);

  if (!window) {
    return;
  }

  const hold: OrderCheckpoint = checkpoint ?? {};
  const seen = new Set<string>();

  if (window.path === 'report') {
    yield* reportPages(ctx, window, channel, seen, hold);

    const lagged = Math.max(
      Date.parse(window.after),
      Date.parse(window.before) - ctx.settings.orders.reportLagMs,
    );
    yield { records: [], checkpoint: { lastUpdatedBefore: new Date(lagged).toISOString() } };

    return;
  }

  // FBA orders matter only once shipped (integration-apps §1.4). MFN pending orders are held
  // anyway and come back with their next status change, so they are not paged through.
  const search =
    channel === 'MFN'
      ? {
          lastUpdatedAfter: window.after,
          lastUpdatedBefore: window.before,
          fulfilledBy: 'MERCHANT' as const,
          fulfillmentStatuses: MFN_STATUSES,
        }
      : {
          lastUpdatedAfter: window.after,
          lastUpdatedBefore: window.before,
          fulfilledBy: 'AMAZON' as const,
          fulfillmentStatuses: ['SHIPPED'],
        };

  for await (const page of searchOrderPages(ctx, search)) {
    yield { records: await toRecords(ctx, page, channel, 'api', seen), checkpoint: hold };
  }

  yield { records: [], checkpoint: { lastUpdatedBefore: window.before } };
}
