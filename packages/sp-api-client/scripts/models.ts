/**
 * The Amazon models the client is generated from (DESIGN §2: which API versions we build on).
 * `preferred` models own the bare operation name when two models share an operationId
 * (Orders 2026-01-01 `getOrder` over v0 `getOrder`); the other is reachable as `<key>.<operationId>`.
 */
export interface ApiModelSpec {
  /** File key and qualified-operation prefix, e.g. `ordersV0`. */
  key: string;
  /** TypeScript namespace the types are exported under. */
  namespace: string;
  /** Model path under `amazon/models/`. */
  file: string;
  /** Wins a bare-name collision. */
  preferred?: boolean;
}

/** Models in generation order. */
export const API_MODELS: readonly ApiModelSpec[] = [
  {
    key: 'orders-2026-01-01',
    namespace: 'OrdersV20260101',
    file: 'orders-api-model/orders_2026-01-01.json',
    preferred: true,
  },
  { key: 'orders-v0', namespace: 'OrdersV0', file: 'orders-api-model/ordersV0.json' },
  {
    key: 'reports-2021-06-30',
    namespace: 'ReportsV20210630',
    file: 'reports-api-model/reports_2021-06-30.json',
  },
  {
    key: 'feeds-2021-06-30',
    namespace: 'FeedsV20210630',
    file: 'feeds-api-model/feeds_2021-06-30.json',
  },
  {
    key: 'listings-items-2021-08-01',
    namespace: 'ListingsItemsV20210801',
    file: 'listings-items-api-model/listingsItems_2021-08-01.json',
  },
  {
    key: 'product-type-definitions-2020-09-01',
    namespace: 'ProductTypeDefinitionsV20200901',
    file: 'product-type-definitions-api-model/definitionsProductTypes_2020-09-01.json',
  },
  {
    key: 'catalog-items-2022-04-01',
    namespace: 'CatalogItemsV20220401',
    file: 'catalog-items-api-model/catalogItems_2022-04-01.json',
  },
  {
    key: 'finances-2024-06-19',
    namespace: 'FinancesV20240619',
    file: 'finances-api-model/finances_2024-06-19.json',
    preferred: true,
  },
  { key: 'finances-v0', namespace: 'FinancesV0', file: 'finances-api-model/financesV0.json' },
  {
    key: 'fba-inventory-v1',
    namespace: 'FbaInventoryV1',
    file: 'fba-inventory-api-model/fbaInventory.json',
  },
  {
    key: 'fulfillment-inbound-2024-03-20',
    namespace: 'FulfillmentInboundV20240320',
    file: 'fulfillment-inbound-api-model/fulfillmentInbound_2024-03-20.json',
    preferred: true,
  },
  {
    key: 'fulfillment-inbound-v0',
    namespace: 'FulfillmentInboundV0',
    file: 'fulfillment-inbound-api-model/fulfillmentInboundV0.json',
  },
  {
    key: 'tokens-2021-03-01',
    namespace: 'TokensV20210301',
    file: 'tokens-api-model/tokens_2021-03-01.json',
  },
  { key: 'sellers-v1', namespace: 'SellersV1', file: 'sellers-api-model/sellers.json' },
  {
    key: 'notifications-v1',
    namespace: 'NotificationsV1',
    file: 'notifications-api-model/notifications.json',
  },
];
