/**
 * Orders API 2026-01-01 reads of the order flows: `searchOrders` pages with `includedData`, so
 * one call brings a page of orders with their items (DESIGN §2), and `getOrder` for retries.
 */
import type { AmazonOrder } from '../orders/amazon-order';
import { parseAmazonOrder } from '../orders/amazon-order';
import type { StarterContext } from './context';

/** Datasets the order flows read (orders_2026-01-01.json `includedData`). */
export const ORDER_DATASETS = [
  'BUYER',
  'RECIPIENT',
  'PROCEEDS',
  'FULFILLMENT',
  'PROMOTION',
  'PACKAGES',
] as const;

/** Filters of one search. */
export interface OrderSearch {
  lastUpdatedAfter: string;
  lastUpdatedBefore?: string;
  fulfilledBy: 'MERCHANT' | 'AMAZON';
  fulfillmentStatuses?: readonly string[];
}

interface SearchOrdersBody {
  orders?: unknown[];
  pagination?: { nextToken?: string };
}

/** Amazon dates without milliseconds (the model's ISO-8601 examples). */
export function toAmazonInstant(iso: string): string {
  return new Date(iso).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * Pages of `searchOrders`. Every page repeats the filters with the token (the emulator and
 * Amazon reject a token whose filters changed). `signal` defaults to the flow's.
 */
export async function* searchOrderPages(
  ctx: StarterContext,
  search: OrderSearch,
  signal: AbortSignal = ctx.signal,
): AsyncGenerator<AmazonOrder[]> {
  const query: Record<string, unknown> = {
    lastUpdatedAfter: toAmazonInstant(search.lastUpdatedAfter),
    lastUpdatedBefore: search.lastUpdatedBefore
      ? toAmazonInstant(search.lastUpdatedBefore)
      : undefined,
    marketplaceIds: ctx.settings.marketplaceIds,
    fulfilledBy: [search.fulfilledBy],
    fulfillmentStatuses:
      search.fulfillmentStatuses && search.fulfillmentStatuses.length > 0
        ? [...search.fulfillmentStatuses]
        : undefined,
    maxResultsPerPage: ctx.settings.orders.pageSize,
    includedData: [...ORDER_DATASETS],
  };
  let token: string | undefined;

  do {
    const response = await ctx.amazon.call<SearchOrdersBody>('searchOrders', {
      query: { ...query, paginationToken: token },
      signal,
    });
    const orders = (response.body.orders ?? []).map(parseAmazonOrder);

    yield orders;
    token = response.body.pagination?.nextToken || undefined;
  } while (token !== undefined);
}

/** One order with every dataset the flows read. @throws NotFoundError */
export async function getAmazonOrder(ctx: StarterContext, orderId: string): Promise<AmazonOrder> {
  const response = await ctx.amazon.call<{ order: unknown }>('getOrder', {
    path: { orderId },
    query: { includedData: [...ORDER_DATASETS] },
    signal: ctx.signal,
  });

  return parseAmazonOrder(response.body.order);
}
