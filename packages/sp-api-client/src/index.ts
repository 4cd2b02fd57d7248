/**
 * @sellerbridge/sp-api-client — a typed, proactively rate-limited Selling Partner API client.
 */
export type {
  SpApiCallRequest,
  SpApiResponse,
  SpApiRequester,
  SpApiCredentials,
  SpApiCredentialsSource,
  UsagePlan,
  SpApiEvent,
} from './client/types';
export type { SpApiClient } from './client/create-client';
export { createSpApiClient } from './client/create-client';
export type { SpApiClientOptions, SpApiRateLimitOptions } from './client/options';

export type {
  AccessTokenProvider,
  LwaTokenProviderOptions,
  TokenRequest,
} from './auth/token-provider';
export { createLwaTokenProvider, TOKEN_REFRESH_MARGIN_MS } from './auth/token-provider';
export type { AuthorizationCodeExchange } from './auth/exchange';
export { exchangeAuthorizationCode } from './auth/exchange';

export type { SpApiRegion, MarketplaceCountry } from './regions';
export {
  SP_API_ENDPOINTS,
  SP_API_SANDBOX_ENDPOINTS,
  LWA_TOKEN_URL,
  MARKETPLACE_IDS,
  regionOfMarketplace,
  countryOfMarketplace,
  resolveEndpoint,
} from './regions';

export type {
  OperationKey,
  OperationSpec,
  OperationTypes,
  ParameterSpec,
} from './generated/operations';
export { OPERATIONS } from './generated/operations';
export { encodeRfc3986, formatSpApiDate } from './operations/encode';
