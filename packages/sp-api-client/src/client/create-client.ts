/**
 * `createSpApiClient`: the requester plus typed namespaces for what the flows use.
 */
import { createLwaTokenProvider } from '../auth/token-provider';
import { createHttp } from './http';
import { resolveOptions, type SpApiClientOptions } from './options';
import { createCall } from './pipeline';
import type { SpApiRequester } from './types';

/** The SP-API client: `call` for any generated operation, plus typed namespaces. */
export interface SpApiClient extends SpApiRequester {
  /** The region's resolved base URL. */
  readonly endpoint: string;
  /** Stops the limiters this client created (not an injected registry). */
  close(): Promise<void>;
}

/**
 * Creates an SP-API client.
 * @throws TypeError when an option is invalid
 * @example
 * const amazon = createSpApiClient({ region: 'na', credentials, sellingPartnerId, marketplaceIds: ['ATVPDKIKX0DER'] });
 * const { body } = await amazon.call('getOrder', { path: { orderId: '902-1845936-5435065' } });
 */
export function createSpApiClient(options: SpApiClientOptions): SpApiClient {
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
  const call = createCall({ options: resolved, http, tokens });

  return {
    call,
    logger: resolved.logger,
    marketplaceIds: resolved.marketplaceIds,
    endpoint: resolved.endpoint,
    close: async () => {
      if (resolved.ownsRegistry) await resolved.registry.close();
    },
  };
}
