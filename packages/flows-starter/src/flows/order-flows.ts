/**
 * The order flows: `mfn-orders`, `fba-orders` and `mfn-orders-on-demand` (given order ids or a
 * replayed date range, set as that flow's checkpoint by {@link requestOrderImport}).
 */
import type { Flow, Page } from '@sellerbridge/flows-core';
import { defineFlow } from '@sellerbridge/flows-core';
import type { NetSuiteClient } from '@sellerbridge/netsuite-client';
import type { SpApiClient } from '@sellerbridge/sp-api-client';

import type { StarterSettings } from '../settings/index';
import { getAmazonOrder, searchOrderPages } from './amazon-orders';
import type { StarterContext } from './context';
import type { OrderRecord } from './order-handler';
import { handleFbaOrder, handleMfnOrder } from './order-handler';
import type { OrderCheckpoint } from './order-source';
import { orderPages, toRecords } from './order-source';

const FIFTEEN_MINUTES_MS = 15 * 60_000;

const traceKey = (record: OrderRecord): string => record.order.orderId;

// One record per order in a page (the source drops repeats), and shared customers are created
// once through their external id, so the orders of a page may be handled concurrently.
const concurrency = (settings: StarterSettings): number => settings.orders.concurrency;

// A retry re-reads the order from Amazon, so a fix in NetSuite (an item, a ship method) applies.
const load = async (ctx: StarterContext, orderId: string): Promise<OrderRecord> => ({
  order: await getAmazonOrder(ctx, orderId),
  via: 'api',
});

/** MFN (and SFP) orders → sales orders, with cancellations. */
export const mfnOrdersFlow = defineFlow({
  id: 'mfn-orders',
  concurrency,
  edition: 'starter',
  schedule: { everyMs: FIFTEEN_MINUTES_MS },
  description:
    'Amazon MFN orders → NetSuite sales orders (customers resolved first; cancellations close lines)',
  traceKey,
  load,
  source: (ctx: StarterContext, checkpoint: OrderCheckpoint | undefined) =>
    orderPages(ctx, checkpoint, 'MFN'),
  handle: handleMfnOrder,
});

/** Shipped FBA orders → sales order, invoice or cash sale at the FBA location. */
export const fbaOrdersFlow = defineFlow({
  id: 'fba-orders',
  concurrency,
  edition: 'starter',
  schedule: { everyMs: FIFTEEN_MINUTES_MS },
  description: 'Shipped Amazon FBA orders → NetSuite sales orders, invoices or cash sales',
  traceKey,
  load,
  source: (ctx: StarterContext, checkpoint: OrderCheckpoint | undefined) =>
    orderPages(ctx, checkpoint, 'FBA'),
  handle: handleFbaOrder,
});

/** What the on-demand flow imports: order ids, or a last-updated range replayed through the API. */
export type OnDemandRequest =
  { orderIds: string[]; done?: boolean } | { from: string; to: string; done?: boolean };

async function* onDemandPages(
  ctx: StarterContext,
  request: OnDemandRequest | undefined,
): AsyncGenerator<Page<OrderRecord, OnDemandRequest>> {
  if (!request || request.done) {
    return;
  }

  const seen = new Set<string>();

  if ('orderIds' in request) {
    const orders = [];

    for (const orderId of request.orderIds) orders.push(await getAmazonOrder(ctx, orderId));

    yield {
      records: await toRecords(ctx, orders, 'MFN', 'api', seen),
      checkpoint: { ...request, done: true },
    };

    return;
  }

  for await (const page of searchOrderPages(ctx, {
    lastUpdatedAfter: request.from,
    lastUpdatedBefore: request.to,
    fulfilledBy: 'MERCHANT',
  })) {
    yield { records: await toRecords(ctx, page, 'MFN', 'api', seen), checkpoint: request };
  }

  yield { records: [], checkpoint: { ...request, done: true } };
}

/** Imports given MFN orders, or replays a date range, when asked (schedule `manual`). */
export const mfnOrdersOnDemandFlow = defineFlow({
  id: 'mfn-orders-on-demand',
  concurrency,
  edition: 'starter',
  schedule: 'manual',
  description: 'Import given Amazon MFN order ids, or replay a last-updated range, on demand',
  traceKey,
  load,
  source: (ctx: StarterContext, checkpoint: OnDemandRequest | undefined) =>
    onDemandPages(ctx, checkpoint),
  handle: handleMfnOrder,
});

/** The part of an integration {@link requestOrderImport} uses. */
export interface OnDemandHost {
  checkpoints: { set: (flowId: string, checkpoint: never) => Promise<void> };
  run: (flowId: string) => Promise<unknown>;
}

/**
 * Imports the given MFN orders, or replays `from`..`to` (ISO instants; `to` at least two minutes
 * in the past), through `mfn-orders-on-demand`.
 * @example await requestOrderImport(integration, { orderIds: ['113-1234567-1234567'] });
 */
export async function requestOrderImport(
  integration: OnDemandHost,
  request: OnDemandRequest,
): Promise<unknown> {
  await integration.checkpoints.set('mfn-orders-on-demand', { ...request, done: false } as never);

  return integration.run('mfn-orders-on-demand');
}

/** All order flows, typed for the plugin. */
export const orderFlows: ReadonlyArray<
  Flow<StarterSettings, SpApiClient, NetSuiteClient, OrderRecord, OrderCheckpoint>
> = [mfnOrdersFlow, fbaOrdersFlow];
