/**
 * Types of the seeded seller world shared by the Amazon and NetSuite emulators.
 *
 * Orders mirror the Orders API 2026-01-01 `Order` definition verbatim (field names are the wire
 * names), see https://developer-docs.amazon.com/sp-api/reference/getorder.
 */

/** Marketplace codes the world can enable. */
export type MarketplaceCode = 'US' | 'DE';

/** Currencies of the enabled marketplaces. */
export type CurrencyCode = 'USD' | 'EUR';

/** Options of {@link createWorld}. */
export interface WorldOptions {
  /** Seed of the deterministic generator. @default 1 */
  seed?: number;
  /** Number of generated orders, 50..100_000. @default 200 */
  orders?: number;
  /** Enabled marketplaces; DE yields the localised EU report variants. @default ['US'] */
  marketplaces?: MarketplaceCode[];
  /** When set, the US orders of Amazon's static sandbox examples are added. @default '' */
  sandboxExamplesDir?: string;
  /** ISO instant of the frozen "now". @default '2026-11-30T12:00:00Z' */
  startTime?: string;
  /**
   * Share of orders still open (unshipped, pending, partially shipped, pre-order, unfulfillable),
   * 0..1. Unset: the default mix, 23 % open. A long history, what a report backfill reads, has
   * few open orders (they are all from the last three days).
   */
  openShare?: number;
}

/** Options after defaults were applied (`openShare` stays optional: unset is the default mix). */
export type ResolvedWorldOptions = Required<Omit<WorldOptions, 'openShare'>> &
  Pick<WorldOptions, 'openShare'>;

/** One marketplace the seller sells in. */
export interface WorldMarketplace {
  id: string;
  code: MarketplaceCode;
  currency: CurrencyCode;
  countryCode: string;
  /** Public name as the Orders API reports it, e.g. `Amazon.com`. */
  name: string;
}

/** The seller account. */
export interface WorldSeller {
  sellerId: string;
  name: string;
  marketplaces: WorldMarketplace[];
}

/** NetSuite-side facts of a catalog item (what EMU-NS seeds). */
export interface CatalogNetSuite {
  itemId: string;
  warehouseQty: number;
  fbaQty: number;
  basePrice: string;
  priceLevel2?: string;
}

/** One SKU the seller lists. */
export interface CatalogItem {
  /** Seller SKU; some contain spaces, '/', ',' and non-ASCII characters on purpose. */
  sku: string;
  asin: string;
  title: string;
  upc: string;
  /** Amazon product type, e.g. 'HOME', 'APPAREL'. */
  productType: string;
  /** Decimal string in the marketplace currency, e.g. '19.99'. */
  price: string;
  currency: CurrencyCode;
  kind: 'inventory' | 'kit' | 'matrix' | 'nonInventory';
  /** Components of a kit. */
  components?: Array<{ sku: string; quantity: number }>;
  /** Parent SKU of a matrix child. */
  parentSku?: string;
  channels: Array<'MFN' | 'FBA'>;
  /** False for the SKUs deliberately missing from NetSuite. */
  inNetSuite: boolean;
  netsuite: CatalogNetSuite;
  /** MFN quantity currently on the Amazon listing. */
  amazonQuantity: number;
  /** FBA fulfillable units in Amazon's fulfillment network. */
  fbaFulfillable: number;
  /** Fulfillment network SKU (FBA only, else ''). */
  fnsku: string;
  /** Marketplace the listing belongs to. */
  marketplaceId: string;
}

/** Orders API 2026-01-01 `Money`. */
export interface Money {
  amount: string;
  currencyCode: string;
}

/** Orders API 2026-01-01 `CustomerAddress` (fields the world fills). */
export interface CustomerAddress {
  name?: string;
  companyName?: string;
  addressLine1?: string;
  addressLine2?: string;
  city?: string;
  districtOrCounty?: string;
  stateOrRegion?: string;
  postalCode?: string;
  countryCode?: string;
  phone?: string;
  addressType?: 'RESIDENTIAL' | 'COMMERCIAL' | 'PICKUP_POINT';
}

/** Orders API 2026-01-01 `FulfillmentStatus`. */
export type FulfillmentStatus =
  | 'PENDING_AVAILABILITY'
  | 'PENDING'
  | 'UNSHIPPED'
  | 'PARTIALLY_SHIPPED'
  | 'SHIPPED'
  | 'CANCELLED'
  | 'UNFULFILLABLE';

/** Orders API 2026-01-01 `ItemProceedsBreakdown`. */
export interface ItemProceedsBreakdown {
  type: 'ITEM' | 'SHIPPING' | 'GIFT_WRAP' | 'COD_FEE' | 'OTHER' | 'TAX' | 'DISCOUNT';
  subtotal: Money;
  detailedBreakdowns?: Array<{ subtype: string; value: Money }>;
}

/** Orders API 2026-01-01 `OrderItem` (fields the world fills). */
export interface WorldOrderItem {
  orderItemId: string;
  quantityOrdered: number;
  programs?: string[];
  product: {
    asin?: string;
    title?: string;
    sellerSku?: string;
    condition?: { conditionType?: string; conditionSubtype?: string };
    price?: { unitPrice?: Money; priceDesignation?: string };
  };
  proceeds?: { proceedsTotal?: Money; breakdowns?: ItemProceedsBreakdown[] };
  promotion?: { breakdowns?: Array<{ promotionId?: string }> };
  cancellation?: {
    cancellationRequest?: { requester?: string; cancelReason?: string };
    cancellationExecution?: { cancelledBy?: string; cancelReason?: string };
  };
  fulfillment?: {
    quantityFulfilled?: number;
    quantityUnfulfilled?: number;
    packing?: { giftOption?: { giftMessage?: string; giftWrapLevel?: string } };
  };
  tax?: {
    taxCollections?: Array<{ model?: string; responsibleParty?: string }>;
  };
}

/** Orders API 2026-01-01 `OrderPackage`. */
export interface WorldOrderPackage {
  packageReferenceId: string;
  createdTime?: string;
  packageStatus?: { status: string; detailedStatus?: string };
  carrier?: string;
  shipTime?: string;
  shippingService?: string;
  trackingNumber?: string;
  shipFromAddress?: Omit<CustomerAddress, 'phone' | 'companyName' | 'addressType'>;
  packageItems?: Array<{ orderItemId: string; quantity: number }>;
}

/** Orders API 2026-01-01 `Order` as the world holds it. */
export interface WorldOrder {
  orderId: string;
  orderAliases?: Array<{ aliasId: string; aliasType: string }>;
  createdTime: string;
  lastUpdatedTime: string;
  programs?: string[];
  salesChannel: { channelName: string; marketplaceId?: string; marketplaceName?: string };
  buyer?: {
    buyerName?: string;
    buyerEmail?: string;
    buyerCompanyName?: string;
    buyerPurchaseOrderNumber?: string;
  };
  recipient?: { deliveryAddress?: CustomerAddress };
  proceeds?: {
    grandTotal?: Money;
    breakdowns?: Array<{ type: string; subtotal: Money }>;
  };
  payment?: { paymentExecutions?: Array<{ paymentMethod?: string; paymentAmount?: Money }> };
  tax?: {
    taxRegistrations?: Array<{ taxRegistrationType?: string; taxRegistrationNumber?: string }>;
  };
  fulfillment?: {
    fulfillmentStatus: FulfillmentStatus;
    fulfilledBy?: 'AMAZON' | 'MERCHANT';
    fulfillmentServiceLevel?: string;
    shipByWindow?: { earliestDateTime?: string; latestDateTime?: string };
    deliverByWindow?: { earliestDateTime?: string; latestDateTime?: string };
  };
  orderItems: WorldOrderItem[];
  packages?: WorldOrderPackage[];
}

/** One row of a settlement V2 flat file (values as Amazon writes them, money in cents). */
export interface SettlementLine {
  transactionType: string;
  orderId: string;
  merchantOrderId: string;
  adjustmentId: string;
  shipmentId: string;
  marketplaceName: string;
  amountType: string;
  amountDescription: string;
  /** Signed amount in minor units (cents). */
  amountCents: number;
  fulfillmentId: string;
  postedDate: string;
  /** `postedDate` as epoch milliseconds (for sorting and windows without re-parsing). */
  postedMs: number;
  orderItemCode: string;
  merchantOrderItemId: string;
  merchantAdjustmentItemId: string;
  sku: string;
  quantityPurchased: number | null;
  promotionId: string;
}

/** A settlement period (~14 days) whose lines sum to the total. */
export interface WorldSettlement {
  settlementId: string;
  marketplaceId: string;
  currency: CurrencyCode;
  startDate: string;
  endDate: string;
  depositDate: string;
  /** Total in minor units; equals the sum of `lines[].amountCents`. */
  totalCents: number;
  lines: SettlementLine[];
  /** True for the current, still open period: no report yet, no reserve, no deposit. */
  open?: boolean;
}

/** An FBA customer return. */
export interface WorldReturn {
  returnDate: string;
  orderId: string;
  sku: string;
  asin: string;
  fnsku: string;
  productName: string;
  quantity: number;
  fulfillmentCenterId: string;
  detailedDisposition: 'SELLABLE' | 'DAMAGED' | 'CUSTOMER_DAMAGED' | 'DEFECTIVE';
  reason: string;
  status: string;
  licensePlateNumber: string;
  customerComments: string;
  marketplaceId: string;
  /** Refunded amount in minor units (principal only). */
  refundCents: number;
}

/** An FBA inventory adjustment (ledger `Adjustments`). */
export interface WorldAdjustment {
  date: string;
  fnsku: string;
  sku: string;
  asin: string;
  title: string;
  /** Signed unit delta. */
  quantity: number;
  fulfillmentCenter: string;
  /** Ledger reason code, e.g. 'M' (misplaced), 'F' (found), 'E' (damaged). */
  reason: string;
  disposition: 'SELLABLE' | 'UNSELLABLE';
  referenceId: string;
  marketplaceId: string;
}

/** One item of an inbound shipment. */
export interface WorldInboundItem {
  sku: string;
  fnsku: string;
  asin: string;
  quantityShipped: number;
  quantityReceived: number;
}

/** An FBA inbound shipment (v0 legacy or part of a 2024-03-20 plan). */
export interface WorldInbound {
  shipmentId: string;
  /** Set for shipments created through a 2024-03-20 inbound plan. */
  inboundPlanId?: string;
  name: string;
  destinationFulfillmentCenterId: string;
  status:
    'WORKING' | 'SHIPPED' | 'IN_TRANSIT' | 'DELIVERED' | 'CHECKED_IN' | 'RECEIVING' | 'CLOSED';
  createdTime: string;
  lastUpdatedTime: string;
  marketplaceId: string;
  items: WorldInboundItem[];
}

/** The whole world. */
export interface World {
  options: ResolvedWorldOptions;
  /** Frozen clock of the world; {@link advanceWorld} moves it. */
  now: string;
  seller: WorldSeller;
  catalog: CatalogItem[];
  orders: WorldOrder[];
  settlements: WorldSettlement[];
  returns: WorldReturn[];
  adjustments: WorldAdjustment[];
  inboundShipments: WorldInbound[];
}

/** What {@link advanceWorld} changed. */
export type WorldChange =
  | { type: 'ORDER_CREATED'; orderId: string; at: string }
  | {
      type: 'ORDER_STATUS_CHANGED';
      orderId: string;
      at: string;
      from: FulfillmentStatus;
      to: FulfillmentStatus;
    };
