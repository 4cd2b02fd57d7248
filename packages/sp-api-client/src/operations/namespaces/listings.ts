/**
 * Listings Items 2021-08-01 and Product Type Definitions 2020-09-01. `sellerId` defaults to the
 * client's `sellingPartnerId`; SKUs are encoded once in the path (SKUs may hold `/`, spaces…).
 */
import { InvalidInputError } from '@sellerbridge/http-core';
import type { SpApiRequester } from '../../client/types';
import type { PaginateOptions } from '../../pagination/paginate';
import { callTyped, pagesTyped, type BodyOf, type CallOptions, type QueryOf } from './typed';

type ListingsQuery<
  K extends 'getListingsItem' | 'putListingsItem' | 'patchListingsItem' | 'deleteListingsItem',
> = Omit<QueryOf<K>, 'marketplaceIds'> & { marketplaceIds?: string[] };

function requireSellerId(sellerId: string | undefined, operation: string): string {
  if (sellerId) return sellerId;

  throw new InvalidInputError({
    vendor: 'amazon',
    operation,
    message: `${operation}: path.sellerId is required`,
    errorPath: 'path.sellerId',
    hint: 'Pass sellingPartnerId (the merchant token) to createSpApiClient.',
  });
}

/** Creates the `listings` namespace; `sellerId` is the client's `sellingPartnerId`. */
export function createListingsApi(requester: SpApiRequester, sellingPartnerId: string | undefined) {
  const seller = () => requireSellerId(sellingPartnerId, 'listings');
  const withMarketplaces = <T extends { marketplaceIds?: string[] }>(query: T) => ({
    ...query,
    marketplaceIds: query.marketplaceIds ?? requester.marketplaceIds,
  });

  return {
    get: async (sku: string, query: ListingsQuery<'getListingsItem'> = {}, options?: CallOptions) =>
      callTyped(
        requester,
        'getListingsItem',
        { path: { sellerId: seller(), sku }, query: withMarketplaces(query) },
        options,
      ),
    put: async (
      sku: string,
      body: BodyOf<'putListingsItem'>,
      query: ListingsQuery<'putListingsItem'> = {},
      options?: CallOptions,
    ) =>
      callTyped(
        requester,
        'putListingsItem',
        { path: { sellerId: seller(), sku }, query: withMarketplaces(query), body },
        options,
      ),
    patch: async (
      sku: string,
      body: BodyOf<'patchListingsItem'>,
      query: ListingsQuery<'patchListingsItem'> = {},
      options?: CallOptions,
    ) =>
      callTyped(
        requester,
        'patchListingsItem',
        { path: { sellerId: seller(), sku }, query: withMarketplaces(query), body },
        options,
      ),
    delete: async (
      sku: string,
      query: ListingsQuery<'deleteListingsItem'> = {},
      options?: CallOptions,
    ) =>
      callTyped(
        requester,
        'deleteListingsItem',
        { path: { sellerId: seller(), sku }, query: withMarketplaces(query) },
        options,
      ),
    search: async (
      query: Omit<QueryOf<'searchListingsItems'>, 'marketplaceIds'> & {
        marketplaceIds?: string[];
      } = {},
      options?: CallOptions,
    ) =>
      callTyped(
        requester,
        'searchListingsItems',
        { path: { sellerId: seller() }, query: withMarketplaces(query) },
        options,
      ),
    searchPages: (
      query: Omit<QueryOf<'searchListingsItems'>, 'marketplaceIds'> & {
        marketplaceIds?: string[];
      } = {},
      options?: CallOptions & PaginateOptions,
    ) =>
      pagesTyped(
        requester,
        'searchListingsItems',
        { path: { sellerId: seller() }, query: withMarketplaces(query) },
        options,
      ),
  };
}

/** Creates the `definitions` namespace (product type schemas for `putListingsItem`). */
export function createDefinitionsApi(requester: SpApiRequester) {
  return {
    getProductType: (
      productType: string,
      query: QueryOf<'getDefinitionsProductType'>,
      options?: CallOptions,
    ) =>
      callTyped(requester, 'getDefinitionsProductType', { path: { productType }, query }, options),
    searchProductTypes: (query: QueryOf<'searchDefinitionsProductTypes'>, options?: CallOptions) =>
      callTyped(requester, 'searchDefinitionsProductTypes', { query }, options),
  };
}

/** Creates the `catalog` namespace (Catalog Items 2022-04-01). */
export function createCatalogApi(requester: SpApiRequester) {
  return {
    getItem: (asin: string, query: QueryOf<'getCatalogItem'>, options?: CallOptions) =>
      callTyped(requester, 'getCatalogItem', { path: { asin }, query }, options),
    searchItems: (query: QueryOf<'searchCatalogItems'>, options?: CallOptions) =>
      callTyped(requester, 'searchCatalogItems', { query }, options),
    searchItemsPages: (
      query: QueryOf<'searchCatalogItems'>,
      options?: CallOptions & PaginateOptions,
    ) => pagesTyped(requester, 'searchCatalogItems', { query }, options),
  };
}

/** The `listings` namespace. */
export type ListingsApi = ReturnType<typeof createListingsApi>;
/** The `definitions` namespace. */
export type DefinitionsApi = ReturnType<typeof createDefinitionsApi>;
/** The `catalog` namespace. */
export type CatalogApi = ReturnType<typeof createCatalogApi>;
