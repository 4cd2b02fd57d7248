/**
 * @sellerbridge/flows-starter — the Starter edition flows: MFN and FBA orders, customers,
 * fulfillments, inventory and pricing.
 */
export { starter, STARTER_FLOW_IDS } from './plugin';
export { requestOrderImport } from './flows/order-flows';
export type { OnDemandRequest, OnDemandHost } from './flows/order-flows';

export { starterSettingsSchema, parseStarterSettings } from './settings/index';
export type { StarterOptions, StarterSettings } from './settings/index';
export type { MarketplaceMapping, ItemLookupSettings } from './settings/common';
export type { OrdersSettings } from './settings/orders';
export type {
  CustomersSettings,
  FulfillmentsSettings,
  InventorySettings,
  PricingSettings,
} from './settings/flows';

export type { StarterContext } from './flows/context';
export { StarterConfigurationError } from './flows/context';
export type {
  ReportsPort,
  FeedsPort,
  ListingsPatchMessage,
  ListingsMessageResult,
  PollCadence,
} from './flows/amazon-ports';
export type { OrderRecord } from './flows/order-handler';
export type { OrderCheckpoint } from './flows/order-source';
export { ALL_ORDERS_REPORT } from './flows/order-source';
export type { FulfillmentRecord, FulfillmentCheckpoint } from './flows/fulfillments';
export type { InventoryRecord, InventoryCheckpoint } from './flows/inventory';
export type { PriceRecord, PricingCheckpoint } from './flows/pricing';
export { PriceNotAppliedError } from './flows/pricing';
export { ListingRejectedError, MERCHANT_LISTINGS_REPORT } from './flows/listings';

export type { AmazonOrder, AmazonOrderItem } from './orders/amazon-order';
export { parseAmazonOrder, InvalidOrderError } from './orders/amazon-order';
export type { TransactionDraft, TransactionInput } from './orders/sales-order';
export { buildTransactionBody } from './orders/sales-order';
export type { OrderAction } from './orders/classify';
export { classifyMfnOrder, classifyFbaOrder } from './orders/classify';
export type { CancellationDecision } from './orders/cancellation';
export { decideCancellation } from './orders/cancellation';
export {
  OrderMappingError,
  MissingItemError,
  UnmappedShipMethodError,
  MissingSettingError,
  CancelledAfterFulfilmentError,
} from './orders/errors';
export { reportRowsToOrders } from './orders/report-rows';
export { planWindow, dedupeOrders, AMAZON_MIN_LAG_MS } from './orders/windows';

export type { CustomerChoice } from './customers/strategy';
export { chooseCustomer, defaultCustomerIndex } from './customers/strategy';
export { buildCustomerBody } from './customers/customer-body';
export { buildItemLookupQuery, mapSkusToItems } from './items/lookup';
export type { AmazonCarrier } from './fulfillments/carrier';
export { mapCarrier } from './fulfillments/carrier';
export type { ShipmentConfirmation, ShippedFulfillment } from './fulfillments/packages';
export {
  buildShipmentConfirmations,
  UnmatchedFulfillmentLineError,
  MissingTrackingError,
} from './fulfillments/packages';
export type { InventorySku, QuantityUpdate } from './inventory/compute';
export { computeQuantityUpdates, availableUnits, offeredQuantity } from './inventory/compute';
export type { PriceUpdate } from './pricing/select';
export { computePriceUpdates, selectPrice } from './pricing/select';
export { salesOrderExternalId, toExternalIdPart } from './support/ids';
