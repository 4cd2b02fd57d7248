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

// Reports, feeds and notifications (SP-DATA).
export type {
  AllOrdersRow,
  CharsetDecision,
  CharsetSource,
  CreateReportInput,
  CustomerReturnRow,
  LedgerDetailRow,
  ListReportsFilter,
  PollOptions,
  ReadRowsOptions,
  Report,
  ReportDocument,
  ReportRow,
  ReportsApi,
  ReportsApiOptions,
  SettlementLine,
  SettlementReadOptions,
  SettlementRecord,
  SettlementSummary,
  TsvParserOptions,
  TsvQuoteMode,
} from './reports';
export {
  DocumentTransferError,
  ProcessingFatalError,
  ProcessingTimeoutError,
  SETTLEMENT_REPORT_TYPES,
  SETTLEMENT_REQUIRED_COLUMNS,
  SETTLEMENT_V2_COLUMNS,
  createReportsApi,
  createTsvParser,
  decideCharset,
  isSettlementReportType,
  isSettlementSummaryRow,
  normalizeCharset,
  parseDeclaredCharset,
  pollUntilFinal,
  readAllOrdersRows,
  readCustomerReturnRows,
  readLedgerDetailRows,
  readSettlementRecords,
  toAllOrdersRow,
  toCustomerReturnRow,
  toLedgerDetailRow,
  toSettlementRecord,
} from './reports';
export type {
  BuiltListingsFeed,
  Feed,
  FeedDocument,
  FeedsApi,
  FeedsApiOptions,
  ListingsFeedDocument,
  ListingsFeedHeader,
  ListingsFeedInput,
  ListingsFeedMessage,
  ListingsFeedMessageInput,
  ListingsFeedOutcome,
  ListingsFeedSubmission,
  MessageResult,
  MessageStatus,
  ProcessingIssue,
  ProcessingReport,
  SubmitFeedInput,
  SubmitListingsOptions,
} from './feeds';
export {
  LISTINGS_FEED_CONTENT_TYPE,
  MAX_FEED_BYTES,
  MAX_LISTINGS_FEED_MESSAGES,
  buildListingsFeeds,
  createFeedsApi,
  listingsFeedDocumentSchema,
  listingsFeedMessageSchema,
  processingReportSchema,
  toMessageResults,
} from './feeds';
export type {
  AwsCredentials,
  AwsCredentialsSource,
  Destination,
  FeedProcessingFinishedNotification,
  NotificationConsumer,
  NotificationConsumerOptions,
  NotificationContext,
  NotificationsApi,
  OrderChangeNotification,
  ReportProcessingFinishedNotification,
  SpApiNotification,
  SqsClient,
  SqsClientOptions,
  SqsMessage,
  Subscription,
} from './notifications';
export {
  NotificationParseError,
  PAYLOAD_VERSIONS,
  createNotificationConsumer,
  createNotificationsApi,
  createSqsClient,
  feedProcessingFinishedNotificationSchema,
  orderChangeNotificationSchema,
  parseNotification,
  reportProcessingFinishedNotificationSchema,
} from './notifications';

export type { CreateSpApiClientOptions } from './client/create-client';
export type { PaginateOptions } from './pagination/paginate';
export { paginate } from './pagination/paginate';
export type { PaginationRule } from './pagination/rules';
export { PAGINATION_RULES } from './pagination/rules';
export type { OrdersApi } from './operations/namespaces/orders';
export type { ListingsApi, DefinitionsApi, CatalogApi } from './operations/namespaces/listings';
export type { FbaInventoryApi, InboundApi } from './operations/namespaces/inventory';
export { splitSkuQueries } from './operations/namespaces/inventory';
export type { FinancesApi, SellersApi } from './operations/namespaces/finances';
export type {
  TokensApi,
  RestrictedResource,
  RestrictedDataElement,
} from './operations/namespaces/tokens';
export type {
  CallOptions,
  QueryOf,
  PathOf,
  BodyOf,
  ResponseOf,
  TypedRequest,
} from './operations/namespaces/typed';
export { RESTRICTED_OPERATIONS, GRANTLESS_SCOPES } from './operations/table';
export { BEFORE_MARGIN_MS } from './operations/rules';
export type * as SpApiModels from './generated/index';
