import { fulfillmentCenterFor } from '../../../world/hash';
import { parseCents } from '../../../world/money';
import { isShippedFba, shippedAtMs } from '../../../world/returns';
import type { WorldOrderItem } from '../../../world/types';
import { flatFileLocale, toTsv, type ReportLocale } from './locale';
import type { ReportGenerator, ReportInput } from './types';

/** https://developer-docs.amazon.com/sp-api/docs/fba-customer-concessions-reports-attributes */
const RETURNS_COLUMNS = [
  'return-date',
  'order-id',
  'sku',
  'asin',
  'fnsku',
  'product-name',
  'quantity',
  'fulfillment-center-id',
  'detailed-disposition',
  'reason',
  'status',
  'license-plate-number',
  'customer-comments',
] as const;

/** 48 columns of `GET_AMAZON_FULFILLED_SHIPMENTS_DATA_GENERAL` (https://developer-docs.amazon.com/sp-api/docs/fba-sales-reports-attributes). */
const SHIPMENTS_COLUMNS = [
  'amazon-order-id',
  'merchant-order-id',
  'shipment-id',
  'shipment-item-id',
  'amazon-order-item-id',
  'merchant-order-item-id',
  'purchase-date',
  'payments-date',
  'shipment-date',
  'reporting-date',
  'buyer-email',
  'buyer-name',
  'buyer-phone-number',
  'sku',
  'product-name',
  'quantity-shipped',
  'currency',
  'item-price',
  'item-tax',
  'shipping-price',
  'shipping-tax',
  'gift-wrap-price',
  'gift-wrap-tax',
  'ship-service-level',
  'recipient-name',
  'ship-address-1',
  'ship-address-2',
  'ship-address-3',
  'ship-city',
  'ship-state',
  'ship-postal-code',
  'ship-country',
  'ship-phone-number',
  'bill-address-1',
  'bill-address-2',
  'bill-address-3',
  'bill-city',
  'bill-state',
  'bill-postal-code',
  'bill-country',
  'item-promotion-discount',
  'ship-promotion-discount',
  'carrier',
  'tracking-number',
  'estimated-arrival-date',
  'fulfillment-center-id',
  'fulfillment-channel',
  'sales-channel',
] as const;

function inWindow(input: ReportInput, ms: number, marketplaceId: string): boolean {
  return (
    ms >= input.startMs &&
    ms <= input.endMs &&
    input.marketplaces.some((m) => m.id === marketplaceId)
  );
}

/** `GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA`: FBA returns by return date. */
export const fbaCustomerReturns: ReportGenerator = (input) => {
  const locale = flatFileLocale(input.marketplaces);
  const rows = input.world.returns
    .filter((r) => inWindow(input, Date.parse(r.returnDate), r.marketplaceId))
    .map((r) => [
      locale.dateTime(Date.parse(r.returnDate)),
      r.orderId,
      r.sku,
      r.asin,
      r.fnsku,
      r.productName,
      String(r.quantity),
      r.fulfillmentCenterId,
      r.detailedDisposition,
      r.reason,
      r.status,
      r.licensePlateNumber,
      r.customerComments,
    ]);
  return rows.length === 0 ? null : toTsv(RETURNS_COLUMNS, rows);
};

function money(item: WorldOrderItem, type: string, locale: ReportLocale): string {
  const row = item.proceeds?.breakdowns?.find((b) => b.type === type);
  return locale.money(row ? parseCents(row.subtotal.amount) : 0);
}

/**
 * `GET_AMAZON_FULFILLED_SHIPMENTS_DATA_GENERAL`: shipped FBA lines by shipment date. The GENERAL
 * variant carries no buyer PII, so buyer and street columns stay empty.
 */
export const fbaFulfilledShipments: ReportGenerator = (input) => {
  const locale = flatFileLocale(input.marketplaces);
  const zero = locale.money(0);
  const rows: string[][] = [];

  for (const order of input.orders) {
    if (!isShippedFba(order)) continue;
    const marketplaceId = order.salesChannel.marketplaceId ?? '';
    const shipMs = shippedAtMs(order);
    if (!inWindow(input, shipMs, marketplaceId)) continue;

    const address = order.recipient?.deliveryAddress;
    const shipmentId = `D${order.orderId.replace(/-/g, '').slice(-9)}`;
    for (const item of order.orderItems) {
      rows.push([
        order.orderId,
        '',
        shipmentId,
        `S${item.orderItemId}`,
        item.orderItemId,
        '',
        locale.dateTime(Date.parse(order.createdTime)),
        locale.dateTime(Date.parse(order.createdTime)),
        locale.dateTime(shipMs),
        locale.dateTime(shipMs),
        '',
        '',
        '',
        item.product.sellerSku ?? '',
        item.product.title ?? '',
        String(item.quantityOrdered),
        item.proceeds?.proceedsTotal?.currencyCode ?? '',
        money(item, 'ITEM', locale),
        money(item, 'TAX', locale),
        money(item, 'SHIPPING', locale),
        zero,
        money(item, 'GIFT_WRAP', locale),
        zero,
        order.fulfillment?.fulfillmentServiceLevel === 'SECOND_DAY' ? 'SecondDay' : 'Standard',
        '',
        '',
        '',
        '',
        address?.city ?? '',
        address?.stateOrRegion ?? '',
        address?.postalCode ?? '',
        address?.countryCode ?? '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        money(item, 'DISCOUNT', locale),
        zero,
        order.salesChannel.marketplaceId === 'ATVPDKIKX0DER' ? 'AMZN_US' : 'DHL',
        `TBA${order.orderId.replace(/-/g, '').slice(0, 12)}`,
        locale.dateTime(shipMs + 3 * 86_400_000),
        fulfillmentCenterFor(marketplaceId, order.orderId),
        'AFN',
        order.salesChannel.marketplaceName ?? '',
      ]);
    }
  }

  return rows.length === 0 ? null : toTsv(SHIPMENTS_COLUMNS, rows);
};
