/**
 * FBA Inventory v1 and Fulfillment Inbound (2024-03-20, plus the v0 reads kept for legacy
 * shipments, DESIGN §2).
 */
import type { SpApiRequester } from '../../client/types';
import type { PaginateOptions } from '../../pagination/paginate';
import { callTyped, pagesTyped, type CallOptions, type QueryOf, type ResponseOf } from './typed';

// `sellerSkus` takes at most 50 values (fbaInventory.json).
const SKUS_PER_REQUEST = 50;

type SummariesQuery = Omit<QueryOf<'getInventorySummaries'>, 'sellerSku' | 'nextToken'>;

/**
 * Splits SKUs into requests: plain SKUs in comma-joined batches of 50, and each SKU holding a
 * comma alone in the single-value `sellerSku` parameter (a comma inside a list would be split
 * by Amazon, amzn/selling-partner-api-docs#2374).
 */
export function splitSkuQueries(query: SummariesQuery): QueryOf<'getInventorySummaries'>[] {
  const skus = query.sellerSkus;
  if (!skus || skus.length === 0) return [query];

  const plain = skus.filter((sku) => !sku.includes(','));
  const batches: QueryOf<'getInventorySummaries'>[] = [];

  for (let index = 0; index < plain.length; index += SKUS_PER_REQUEST) {
    batches.push({ ...query, sellerSkus: plain.slice(index, index + SKUS_PER_REQUEST) });
  }
  for (const sku of skus.filter((candidate) => candidate.includes(','))) {
    batches.push({ ...query, sellerSkus: undefined, sellerSku: sku });
  }
  return batches;
}

async function* summariesPages(
  requester: SpApiRequester,
  query: SummariesQuery,
  options?: CallOptions & PaginateOptions,
): AsyncGenerator<ResponseOf<'getInventorySummaries'>, void, undefined> {
  for (const batch of splitSkuQueries(query)) {
    yield* pagesTyped(requester, 'getInventorySummaries', { query: batch }, options);
  }
}

/** Creates the `fbaInventory` namespace. */
export function createFbaInventoryApi(requester: SpApiRequester) {
  return {
    /** One page of summaries (no SKU splitting; use `summariesPages` for lists of SKUs). */
    getInventorySummaries: (query: QueryOf<'getInventorySummaries'>, options?: CallOptions) =>
      callTyped(requester, 'getInventorySummaries', { query }, options),
    /** Every page; the 30-second next token is used as soon as a page arrives. */
    summariesPages: (query: SummariesQuery, options?: CallOptions & PaginateOptions) =>
      summariesPages(requester, query, options),
  };
}

/** Creates the `inbound` namespace. */
export function createInboundApi(requester: SpApiRequester) {
  return {
    listInboundPlans: (query: QueryOf<'listInboundPlans'> = {}, options?: CallOptions) =>
      callTyped(requester, 'listInboundPlans', { query }, options),
    inboundPlansPages: (
      query: QueryOf<'listInboundPlans'> = {},
      options?: CallOptions & PaginateOptions,
    ) => pagesTyped(requester, 'listInboundPlans', { query }, options),
    getInboundPlan: (inboundPlanId: string, options?: CallOptions) =>
      callTyped(requester, 'getInboundPlan', { path: { inboundPlanId } }, options),
    listInboundPlanItems: (
      inboundPlanId: string,
      query: QueryOf<'listInboundPlanItems'> = {},
      options?: CallOptions,
    ) => callTyped(requester, 'listInboundPlanItems', { path: { inboundPlanId }, query }, options),
    getShipment: (inboundPlanId: string, shipmentId: string, options?: CallOptions) =>
      callTyped(requester, 'getShipment', { path: { inboundPlanId, shipmentId } }, options),
    shipmentItemsPages: (
      inboundPlanId: string,
      shipmentId: string,
      query: QueryOf<'listShipmentItems'> = {},
      options?: CallOptions & PaginateOptions,
    ) =>
      pagesTyped(
        requester,
        'listShipmentItems',
        { path: { inboundPlanId, shipmentId }, query },
        options,
      ),
    getInboundOperationStatus: (operationId: string, options?: CallOptions) =>
      callTyped(requester, 'getInboundOperationStatus', { path: { operationId } }, options),
    /** Fulfillment Inbound v0 reads (legacy shipments). */
    v0: {
      getShipments: (query: QueryOf<'getShipments'>, options?: CallOptions) =>
        callTyped(requester, 'getShipments', { query }, options),
      shipmentsPages: (query: QueryOf<'getShipments'>, options?: CallOptions & PaginateOptions) =>
        pagesTyped(requester, 'getShipments', { query }, options),
      getShipmentItemsByShipmentId: (
        shipmentId: string,
        query: QueryOf<'getShipmentItemsByShipmentId'> = {},
        options?: CallOptions,
      ) =>
        callTyped(
          requester,
          'getShipmentItemsByShipmentId',
          { path: { shipmentId }, query },
          options,
        ),
      getShipmentItems: (query: QueryOf<'getShipmentItems'>, options?: CallOptions) =>
        callTyped(requester, 'getShipmentItems', { query }, options),
    },
  };
}

/** The `fbaInventory` namespace. */
export type FbaInventoryApi = ReturnType<typeof createFbaInventoryApi>;
/** The `inbound` namespace. */
export type InboundApi = ReturnType<typeof createInboundApi>;
