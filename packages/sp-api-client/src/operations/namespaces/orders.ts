/**
 * Orders: API 2026-01-01 (`searchOrders`, `getOrder` with `includedData`, no RDT) and v0
 * (`confirmShipment`; the deprecated reads stay callable, DESIGN §2).
 */
import type { SpApiRequester } from '../../client/types';
import type { PaginateOptions } from '../../pagination/paginate';
import { callTyped, pagesTyped, type BodyOf, type CallOptions, type QueryOf } from './typed';

/** Creates the `orders` namespace. */
export function createOrdersApi(requester: SpApiRequester) {
  return {
    /** One page of orders; exactly one of `createdAfter` / `lastUpdatedAfter` is required. */
    searchOrders: (query: QueryOf<'searchOrders'>, options?: CallOptions) =>
      callTyped(requester, 'searchOrders', { query }, options),
    /** Every page of a search; the filters are resent unchanged with each `paginationToken`. */
    searchOrdersPages: (query: QueryOf<'searchOrders'>, options?: CallOptions & PaginateOptions) =>
      pagesTyped(requester, 'searchOrders', { query }, options),
    /** One order; `includedData` adds buyer, recipient, proceeds, fulfillment, packages. */
    getOrder: (orderId: string, query: QueryOf<'getOrder'> = {}, options?: CallOptions) =>
      callTyped(requester, 'getOrder', { path: { orderId }, query }, options),
    /** Confirms an MFN shipment (Orders v0; 204 on success). */
    confirmShipment: (orderId: string, body: BodyOf<'confirmShipment'>, options?: CallOptions) =>
      callTyped(requester, 'confirmShipment', { path: { orderId }, body }, options),
    /** Deprecated Orders v0 reads (migrate by 2027-03-27); PII needs an RDT (`options.restrictedDataToken`). */
    v0: {
      getOrders: (query: QueryOf<'getOrders'>, options?: CallOptions) =>
        callTyped(requester, 'getOrders', { query }, options),
      getOrdersPages: (query: QueryOf<'getOrders'>, options?: CallOptions & PaginateOptions) =>
        pagesTyped(requester, 'getOrders', { query }, options),
      getOrder: (orderId: string, options?: CallOptions) =>
        callTyped(requester, 'orders-v0.getOrder', { path: { orderId } }, options),
      getOrderItems: (
        orderId: string,
        query: QueryOf<'getOrderItems'> = {},
        options?: CallOptions,
      ) => callTyped(requester, 'getOrderItems', { path: { orderId }, query }, options),
      getOrderAddress: (orderId: string, options?: CallOptions) =>
        callTyped(requester, 'getOrderAddress', { path: { orderId } }, options),
      getOrderBuyerInfo: (orderId: string, options?: CallOptions) =>
        callTyped(requester, 'getOrderBuyerInfo', { path: { orderId } }, options),
      getOrderItemsBuyerInfo: (
        orderId: string,
        query: QueryOf<'getOrderItemsBuyerInfo'> = {},
        options?: CallOptions,
      ) => callTyped(requester, 'getOrderItemsBuyerInfo', { path: { orderId }, query }, options),
      getOrderRegulatedInfo: (orderId: string, options?: CallOptions) =>
        callTyped(requester, 'getOrderRegulatedInfo', { path: { orderId } }, options),
    },
  };
}

/** The `orders` namespace. */
export type OrdersApi = ReturnType<typeof createOrdersApi>;
