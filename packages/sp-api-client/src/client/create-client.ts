/**
 * `createSpApiClient`: the requester plus typed namespaces for what the flows use.
 */
import { createLwaTokenProvider } from '../auth/token-provider';
import { createFeedsApi, type FeedsApiOptions } from '../feeds/index';
import { createNotificationsApi } from '../notifications/index';
import { createFinancesApi, createSellersApi } from '../operations/namespaces/finances';
import { createFbaInventoryApi, createInboundApi } from '../operations/namespaces/inventory';
import {
  createCatalogApi,
  createDefinitionsApi,
  createListingsApi,
} from '../operations/namespaces/listings';
import { createOrdersApi } from '../operations/namespaces/orders';
import { createTokensApi } from '../operations/namespaces/tokens';
import { paginate, type PaginateOptions } from '../pagination/paginate';
import { createReportsApi, type ReportsApiOptions } from '../reports/index';
import { createDeadlineWatch } from './deadlines';
import { createHttp } from './http';
import { resolveOptions, type SpApiClientOptions } from './options';
import { createCall } from './pipeline';
import type { SpApiCallRequest, SpApiRequester } from './types';

/** Options of `createSpApiClient`, with the report and feed helpers' settings. */
export interface CreateSpApiClientOptions extends SpApiClientOptions {
  reports?: ReportsApiOptions;
  feeds?: FeedsApiOptions;
}

function createNamespaces(requester: SpApiRequester, options: CreateSpApiClientOptions) {
  return {
    orders: createOrdersApi(requester),
    listings: createListingsApi(requester, options.sellingPartnerId),
    definitions: createDefinitionsApi(requester),
    catalog: createCatalogApi(requester),
    fbaInventory: createFbaInventoryApi(requester),
    inbound: createInboundApi(requester),
    finances: createFinancesApi(requester),
    sellers: createSellersApi(requester),
    tokens: createTokensApi(requester),
    reports: createReportsApi(requester, options.reports),
    feeds: createFeedsApi(requester, options.feeds),
    notifications: createNotificationsApi(requester),
  };
}

/** The SP-API client: `call` for any generated operation, `paginate`, and typed namespaces. */
export interface SpApiClient extends SpApiRequester, ReturnType<typeof createNamespaces> {
  /** The region's resolved base URL. */
  readonly endpoint: string;
  /** Iterates the page bodies of any paginated operation by its pagination rule. */
  paginate<TBody = unknown>(
    operation: string,
    request?: SpApiCallRequest,
    options?: PaginateOptions,
  ): AsyncGenerator<TBody, void, undefined>;
  /** Stops the limiters this client created (not an injected registry). */
  close(): Promise<void>;
}

/**
 * Creates an SP-API client.
 * @throws TypeError when an option is invalid
 * @example
 * const amazon = createSpApiClient({ region: 'na', credentials, sellingPartnerId, marketplaceIds: ['ATVPDKIKX0DER'] });
 * const { order } = await amazon.orders.getOrder('902-1845936-5435065', { includedData: ['BUYER'] });
 */
export function createSpApiClient(options: CreateSpApiClientOptions): SpApiClient {
  const resolved = resolveOptions(options);
  const http = createHttp();
  const tokens =
    resolved.tokenProvider ??
    createLwaTokenProvider({
      credentials: resolved.credentials,
      http,
      lwaUrl: resolved.lwaUrl,
      timeoutMs: resolved.timeoutMs,
      now: resolved.now,
    });
  const requester: SpApiRequester = {
    call: createCall({ options: resolved, http, tokens, deadlines: createDeadlineWatch() }),
    logger: resolved.logger,
    marketplaceIds: resolved.marketplaceIds,
  };

  return {
    ...requester,
    ...createNamespaces(requester, options),
    endpoint: resolved.endpoint,
    paginate: (operation, request, paginateOptions) =>
      paginate(requester, operation, request, paginateOptions),
    close: async () => {
      if (resolved.ownsRegistry) await resolved.registry.close();
    },
  };
}
