import { parseCents } from '../../../world/money';
import type { WorldOrder, WorldOrderItem } from '../../../world/types';
import { flatFileLocale, toTsv, type ReportLocale } from './locale';
import type { ReportGenerator, ReportInput } from './types';

/** Documented columns (https://developer-docs.amazon.com/sp-api/docs/order-tracking-reports-attributes). */
const BY_ORDER_DATE_COLUMNS = [
  'amazon-order-id',
  'merchant-order-id',
  'purchase-date',
  'last-updated-date',
  'order-status',
  'fulfillment-channel',
  'sales-channel',
  'order-channel',
  'ship-service-level',
  'product-name',
  'sku',
  'asin',
  'item-status',
  'quantity',
  'currency',
  'item-price',
  'item-tax',
  'shipping-price',
  'shipping-tax',
  'gift-wrap-price',
  'gift-wrap-tax',
  'item-promotion-discount',
  'ship-promotion-discount',
  'ship-city',
  'ship-state',
  'ship-postal-code',
  'ship-country',
  'promotion-ids',
  'cpf',
  'is-business-order',
  'purchase-order-number',
  'price-designation',
] as const;

/** BY_LAST_UPDATE has the same columns minus `cpf`. */
const BY_LAST_UPDATE_COLUMNS = BY_ORDER_DATE_COLUMNS.filter((column) => column !== 'cpf');

/** Seller Central order statuses of the flat file. */
const ORDER_STATUS: Record<string, string> = {
  PENDING: 'Pending',
  PENDING_AVAILABILITY: 'Pending',
  UNSHIPPED: 'Unshipped',
  PARTIALLY_SHIPPED: 'Shipping',
  SHIPPED: 'Shipped',
  CANCELLED: 'Cancelled',
  UNFULFILLABLE: 'Unfulfillable',
};

const SERVICE_LEVEL: Record<string, string> = {
  STANDARD: 'Standard',
  SECOND_DAY: 'SecondDay',
  NEXT_DAY: 'NextDay',
  EXPEDITED: 'Expedited',
};

function amount(item: WorldOrderItem, type: string, locale: ReportLocale): string {
  const row = item.proceeds?.breakdowns?.find((b) => b.type === type);
  return row ? locale.money(parseCents(row.subtotal.amount)) : '';
}

function itemStatus(order: WorldOrder, item: WorldOrderItem): string {
  if (order.fulfillment?.fulfillmentStatus === 'CANCELLED') return 'Cancelled';
  if ((item.fulfillment?.quantityUnfulfilled ?? 1) === 0) return 'Shipped';
  return 'Unshipped';
}

function rowFor(
  order: WorldOrder,
  item: WorldOrderItem,
  withCpf: boolean,
  locale: ReportLocale,
): string[] {
  const address = order.recipient?.deliveryAddress;
  const currency =
    item.proceeds?.proceedsTotal?.currencyCode ??
    (order.salesChannel.marketplaceId === 'ATVPDKIKX0DER' ? 'USD' : 'EUR');
  const isPriced = item.proceeds !== undefined;
  const isBusiness = order.programs?.includes('AMAZON_BUSINESS') ?? false;
  const money = (type: string): string => amount(item, type, locale);
  const zero = locale.money(0);

  const row = [
    order.orderId,
    order.orderAliases?.[0]?.aliasId ?? '',
    locale.dateTime(Date.parse(order.createdTime)),
    locale.dateTime(Date.parse(order.lastUpdatedTime)),
    ORDER_STATUS[order.fulfillment?.fulfillmentStatus ?? ''] ?? 'Pending',
    order.fulfillment?.fulfilledBy === 'AMAZON' ? 'Amazon' : 'Merchant',
    order.salesChannel.marketplaceName ?? '',
    '',
    SERVICE_LEVEL[order.fulfillment?.fulfillmentServiceLevel ?? ''] ?? 'Standard',
    item.product.title ?? '',
    item.product.sellerSku ?? '',
    item.product.asin ?? '',
    itemStatus(order, item),
    String(item.quantityOrdered),
    isPriced ? currency : '',
    money('ITEM'),
    money('TAX'),
    money('SHIPPING'),
    isPriced ? zero : '',
    money('GIFT_WRAP'),
    isPriced && money('GIFT_WRAP') ? zero : '',
    money('DISCOUNT'),
    '',
    address?.city ?? '',
    address?.stateOrRegion ?? '',
    address?.postalCode ?? '',
    address?.countryCode ?? '',
    (item.promotion?.breakdowns ?? []).map((p) => p.promotionId ?? '').join(','),
    '',
    isBusiness ? 'true' : 'false',
    order.buyer?.buyerPurchaseOrderNumber ?? '',
    item.product.price?.priceDesignation === 'BUSINESS_PRICE' ? 'BusinessPrice' : '',
  ];

  if (!withCpf) row.splice(BY_ORDER_DATE_COLUMNS.indexOf('cpf'), 1);
  return row;
}

function render(input: ReportInput, byLastUpdate: boolean): string | null {
  const ids = new Set(input.marketplaces.map((market) => market.id));
  const locale = flatFileLocale(input.marketplaces);
  const rows: string[][] = [];

  for (const order of input.orders) {
    if (!ids.has(order.salesChannel.marketplaceId ?? '')) continue;
    const atMs = Date.parse(byLastUpdate ? order.lastUpdatedTime : order.createdTime);
    if (atMs < input.startMs || atMs > input.endMs) continue;
    for (const item of order.orderItems) rows.push(rowFor(order, item, !byLastUpdate, locale));
  }

  if (rows.length === 0) return null;
  return toTsv(byLastUpdate ? BY_LAST_UPDATE_COLUMNS : BY_ORDER_DATE_COLUMNS, rows);
}

/** `GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL`: one row per order item, by purchase date. */
export const allOrdersByOrderDate: ReportGenerator = (input) => render(input, false);

/** `GET_FLAT_FILE_ALL_ORDERS_DATA_BY_LAST_UPDATE_GENERAL`: one row per order item, by last update. */
export const allOrdersByLastUpdate: ReportGenerator = (input) => render(input, true);
