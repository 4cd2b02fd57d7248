/**
 * Finances 2024-06-19 (transactions) and v0 (event groups), Sellers v1. Money fields stay the
 * decimal text Amazon sent (see operations/responses.ts).
 */
import type { SpApiRequester } from '../../client/types';
import type { PaginateOptions } from '../../pagination/paginate';
import { callTyped, pagesTyped, type CallOptions, type QueryOf } from './typed';

/** Creates the `finances` namespace. */
export function createFinancesApi(requester: SpApiRequester) {
  return {
    listTransactions: (query: QueryOf<'listTransactions'>, options?: CallOptions) =>
      callTyped(requester, 'listTransactions', { query }, options),
    /** Every page; empty pages with a token are followed ("this operation can return empty pages"). */
    transactionsPages: (
      query: QueryOf<'listTransactions'>,
      options?: CallOptions & PaginateOptions,
    ) => pagesTyped(requester, 'listTransactions', { query }, options),
    v0: {
      listFinancialEventGroups: (
        query: QueryOf<'listFinancialEventGroups'> = {},
        options?: CallOptions,
      ) => callTyped(requester, 'listFinancialEventGroups', { query }, options),
      financialEventGroupsPages: (
        query: QueryOf<'listFinancialEventGroups'> = {},
        options?: CallOptions & PaginateOptions,
      ) => pagesTyped(requester, 'listFinancialEventGroups', { query }, options),
      listFinancialEventsByGroupId: (
        eventGroupId: string,
        query: QueryOf<'listFinancialEventsByGroupId'> = {},
        options?: CallOptions,
      ) =>
        callTyped(
          requester,
          'listFinancialEventsByGroupId',
          { path: { eventGroupId }, query },
          options,
        ),
      financialEventsByGroupIdPages: (
        eventGroupId: string,
        query: QueryOf<'listFinancialEventsByGroupId'> = {},
        options?: CallOptions & PaginateOptions,
      ) =>
        pagesTyped(
          requester,
          'listFinancialEventsByGroupId',
          { path: { eventGroupId }, query },
          options,
        ),
      listFinancialEventsByOrderId: (
        orderId: string,
        query: QueryOf<'listFinancialEventsByOrderId'> = {},
        options?: CallOptions,
      ) =>
        callTyped(requester, 'listFinancialEventsByOrderId', { path: { orderId }, query }, options),
    },
  };
}

/** Creates the `sellers` namespace. */
export function createSellersApi(requester: SpApiRequester) {
  return {
    getMarketplaceParticipations: (options?: CallOptions) =>
      callTyped(requester, 'getMarketplaceParticipations', {}, options),
    getAccount: (options?: CallOptions) => callTyped(requester, 'getAccount', {}, options),
  };
}

/** The `finances` namespace. */
export type FinancesApi = ReturnType<typeof createFinancesApi>;
/** The `sellers` namespace. */
export type SellersApi = ReturnType<typeof createSellersApi>;
