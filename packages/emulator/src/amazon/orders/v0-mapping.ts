/**
 * Maps the stored (2026-01-01 shaped) orders to the Orders v0 wire shape
 * (https://developer-docs.amazon.com/sp-api/docs/orders-api-v0-reference). Personal data
 * (buyer info, address lines, names, phone) is only included when an RDT grants it.
 */
import { formatCents, parseCents } from '../../world/money';
import type { CustomerAddress, Money, WorldOrder, WorldOrderItem } from '../../world/types';

const V0_STATUS: Record<string, string> = {
  PENDING_AVAILABILITY: 'PendingAvailability',
  PENDING: 'Pending',
  UNSHIPPED: 'Unshipped',
  PARTIALLY_SHIPPED: 'PartiallyShipped',
  SHIPPED: 'Shipped',
  CANCELLED: 'Canceled',
  UNFULFILLABLE: 'Unfulfillable',
};

/** v0 `OrderStatus` of a 2026 fulfillment status. */
export function toV0Status(status: string | undefined): string {
  return V0_STATUS[status ?? 'PENDING'] ?? 'Pending';
}

/** v0 status → 2026 status (for the `OrderStatuses` filter). */
export function fromV0Status(status: string): string | undefined {
  return Object.entries(V0_STATUS).find(([, v0]) => v0 === status)?.[0];
}

function v0Money(money: Money | undefined): { CurrencyCode: string; Amount: string } | undefined {
  return money ? { CurrencyCode: money.currencyCode, Amount: money.amount } : undefined;
}

function breakdownMoney(item: WorldOrderItem, type: string): Money | undefined {
  return item.proceeds?.breakdowns?.find((b) => b.type === type)?.subtotal;
}

/** v0 reports discounts as positive amounts; the 2026 breakdown may carry them negative. */
function absolute(money: Money | undefined): Money | undefined {
  return money
    ? { currencyCode: money.currencyCode, amount: formatCents(Math.abs(parseCents(money.amount))) }
    : undefined;
}

/** Restricted parts the caller's RDT opens. */
export interface PiiGrant {
  buyerInfo: boolean;
  shippingAddress: boolean;
}

/** v0 `Address`; name, lines and phone only with the shippingAddress grant. */
export function toV0Address(
  address: CustomerAddress | undefined,
  withPii: boolean,
): Record<string, unknown> | undefined {
  if (!address) return undefined;

  const base = {
    City: address.city,
    StateOrRegion: address.stateOrRegion,
    PostalCode: address.postalCode,
    CountryCode: address.countryCode,
  };
  if (!withPii) return base;
  return {
    Name: address.name,
    AddressLine1: address.addressLine1,
    AddressLine2: address.addressLine2,
    ...base,
    Phone: address.phone,
    AddressType: address.addressType === 'COMMERCIAL' ? 'Commercial' : 'Residential',
  };
}

function sumQuantities(
  order: WorldOrder,
  pick: (item: WorldOrderItem) => number | undefined,
): number {
  return order.orderItems.reduce((sum, item) => sum + (pick(item) ?? 0), 0);
}

/** Only these statuses carry a shipping address (model `Order.ShippingAddress`). */
const ADDRESS_STATUSES = new Set(['UNSHIPPED', 'PARTIALLY_SHIPPED', 'SHIPPED']);

/** v0 `Order`. */
export function toV0Order(order: WorldOrder, grant: PiiGrant): Record<string, unknown> {
  const status = order.fulfillment?.fulfillmentStatus;
  const programs = order.programs ?? [];
  const result: Record<string, unknown> = {
    AmazonOrderId: order.orderId,
    SellerOrderId:
      order.orderAliases?.find((a) => a.aliasType === 'SELLER_ORDER_ID')?.aliasId ?? order.orderId,
    PurchaseDate: order.createdTime,
    LastUpdateDate: order.lastUpdatedTime,
    OrderStatus: toV0Status(status),
    FulfillmentChannel: order.fulfillment?.fulfilledBy === 'AMAZON' ? 'AFN' : 'MFN',
    SalesChannel: order.salesChannel.marketplaceName,
    ShipServiceLevel: order.fulfillment?.fulfillmentServiceLevel,
    NumberOfItemsShipped: sumQuantities(order, (i) => i.fulfillment?.quantityFulfilled),
    NumberOfItemsUnshipped: sumQuantities(order, (i) => i.fulfillment?.quantityUnfulfilled),
    PaymentMethod: 'Other',
    PaymentMethodDetails: ['Standard'],
    MarketplaceId: order.salesChannel.marketplaceId,
    ShipmentServiceLevelCategory:
      order.fulfillment?.fulfillmentServiceLevel === 'SECOND_DAY' ? 'Expedited' : 'Standard',
    OrderType: programs.includes('PREORDER') ? 'Preorder' : 'StandardOrder',
    EarliestShipDate: order.fulfillment?.shipByWindow?.earliestDateTime,
    LatestShipDate: order.fulfillment?.shipByWindow?.latestDateTime,
    EarliestDeliveryDate: order.fulfillment?.deliverByWindow?.earliestDateTime,
    LatestDeliveryDate: order.fulfillment?.deliverByWindow?.latestDateTime,
    IsBusinessOrder: programs.includes('AMAZON_BUSINESS'),
    IsPrime: programs.includes('PRIME'),
    IsPremiumOrder: false,
    IsGlobalExpressEnabled: false,
    IsReplacementOrder: false,
    IsSoldByAB: false,
    IsISPU: false,
    IsAccessPointOrder: false,
    HasRegulatedItems: false,
  };
  // Pending orders have no total yet (model `Order.OrderTotal`).
  if (status !== 'PENDING' && status !== 'PENDING_AVAILABILITY')
    result.OrderTotal = v0Money(order.proceeds?.grandTotal);
  if (ADDRESS_STATUSES.has(status ?? '')) {
    result.ShippingAddress = toV0Address(order.recipient?.deliveryAddress, grant.shippingAddress);
  }
  if (grant.buyerInfo) result.BuyerInfo = toV0BuyerInfo(order);
  return result;
}

/** v0 `BuyerInfo` (restricted). */
export function toV0BuyerInfo(order: WorldOrder): Record<string, unknown> {
  return {
    BuyerEmail: order.buyer?.buyerEmail,
    BuyerName: order.buyer?.buyerName,
    PurchaseOrderNumber: order.buyer?.buyerPurchaseOrderNumber,
  };
}

/** v0 `OrderItem`; prices are absent while the order is pending (model `getOrderItems`). */
export function toV0OrderItem(
  order: WorldOrder,
  item: WorldOrderItem,
  grant: PiiGrant,
): Record<string, unknown> {
  const pending = ['PENDING', 'PENDING_AVAILABILITY'].includes(
    order.fulfillment?.fulfillmentStatus ?? '',
  );
  const promotionIds = (item.promotion?.breakdowns ?? []).map((b) => b.promotionId).filter(Boolean);
  const gift = item.fulfillment?.packing?.giftOption;
  const result: Record<string, unknown> = {
    ASIN: item.product.asin,
    SellerSKU: item.product.sellerSku,
    OrderItemId: item.orderItemId,
    Title: item.product.title,
    QuantityOrdered: item.quantityOrdered,
    QuantityShipped: item.fulfillment?.quantityFulfilled ?? 0,
    ProductInfo: { NumberOfItems: '1' },
    IsGift: gift ? 'true' : 'false',
    ConditionId: 'New',
    ConditionSubtypeId: 'New',
    IsTransparency: false,
    SerialNumberRequired: false,
  };
  if (!pending) {
    Object.assign(result, {
      ItemPrice: v0Money(breakdownMoney(item, 'ITEM')),
      ItemTax: v0Money(breakdownMoney(item, 'TAX')),
      ShippingPrice: v0Money(breakdownMoney(item, 'SHIPPING')),
      PromotionDiscount: v0Money(absolute(breakdownMoney(item, 'DISCOUNT'))),
      PromotionIds: promotionIds,
    });
    const collection = item.tax?.taxCollections?.[0];
    if (collection)
      result.TaxCollection = {
        Model: collection.model,
        ResponsibleParty: collection.responsibleParty,
      };
  }
  if (grant.buyerInfo && gift)
    result.BuyerInfo = { GiftMessageText: gift.giftMessage, GiftWrapLevel: gift.giftWrapLevel };
  return result;
}
