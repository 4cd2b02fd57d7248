/**
 * All-orders flat file rows (`GET_FLAT_FILE_ALL_ORDERS_DATA_BY_LAST_UPDATE_GENERAL`, one row per
 * order item, amazon-sp-api.md §5.8) → the Orders API `Order` shape, so history runs through the
 * same mapping as the API path. Buyer columns come back blank; order item ids are not in the
 * file, so report orders are never used to confirm shipments.
 */
import { parseAmazonDate } from '@sellerbridge/flows-core';
import type { AmazonOrder } from './amazon-order';
import { parseAmount, sumAmounts } from '../support/money';

/** Marketplace ids by `sales-channel` (https://developer-docs.amazon.com/sp-api/docs/marketplace-ids). */
const MARKETPLACE_BY_CHANNEL: Readonly<Record<string, string>> = {
  'amazon.com': 'ATVPDKIKX0DER',
  'amazon.ca': 'A2EUQ1WTGCTBG2',
  'amazon.com.mx': 'A1AM78C64UM0Y8',
  'amazon.de': 'A1PA6795UKMFR9',
  'amazon.co.uk': 'A1F83G8C2ARO7P',
  'amazon.fr': 'A13V1IB3VIYZZH',
  'amazon.it': 'APJ6JRA9NG5V4',
  'amazon.es': 'A1RKKUPIHCS9HS',
  'amazon.co.jp': 'A1VC38T7YXB528',
};

/** Report `order-status` → Orders API fulfillment status (unknown values stay pending). */
export function toFulfillmentStatus(reportStatus: string): string {
  const status = reportStatus.trim().toLowerCase();

  if (status.includes('cancel')) return 'CANCELLED';
  if (status.startsWith('unshipped')) return 'UNSHIPPED';
  if (status.includes('partially')) return 'PARTIALLY_SHIPPED';
  if (status.startsWith('shipped') || status.includes('complete') || status.includes('delivered'))
    return 'SHIPPED';
  if (status === 'shipping') return 'PARTIALLY_SHIPPED';

  return 'PENDING';
}

/** Parses `1.141,18` (EU) or `1,141.18` (US) into a plain decimal string; blank → undefined. */
export function parseReportAmount(text: string | undefined): string | undefined {
  const value = (text ?? '').trim();

  if (value === '') return undefined;

  const isEuropean = /,\d{1,2}$/.test(value);
  const plain = isEuropean ? value.replace(/\./g, '').replace(',', '.') : value.replace(/,/g, '');

  return /^-?\d+(\.\d+)?$/.test(plain) ? plain : undefined;
}

type Row = Readonly<Record<string, string | undefined>>;

/** Tax and discount columns with the breakdown subtype each becomes. */
const TAX_COLUMNS: ReadonlyArray<readonly [string, string]> = [
  ['item-tax', 'ITEM'],
  ['shipping-tax', 'SHIPPING'],
  ['gift-wrap-tax', 'GIFT_WRAP'],
];
const DISCOUNT_COLUMNS: ReadonlyArray<readonly [string, string]> = [
  ['item-promotion-discount', 'ITEM'],
  ['ship-promotion-discount', 'SHIPPING'],
];

function money(
  amount: string | undefined,
  currencyCode: string,
): { amount: string; currencyCode: string } | undefined {
  return amount === undefined ? undefined : { amount, currencyCode };
}

function toItem(row: Row, index: number, orderId: string): AmazonOrder['orderItems'][number] {
  const currencyCode = row.currency ?? 'USD';
  const quantity = Number(row.quantity ?? '0');
  const charge = (type: string, column: string) => {
    const amount = parseReportAmount(row[column]);

    return amount === undefined || parseAmount(amount, orderId).isZero()
      ? []
      : [
          {
            type,
            subtotal: money(amount, currencyCode) as { amount: string; currencyCode: string },
          },
        ];
  };
  const taxDetails = TAX_COLUMNS.flatMap(([column, subtype]) => {
    const amount = parseReportAmount(row[column]);

    return amount === undefined ? [] : [{ subtype, value: { amount, currencyCode } }];
  });
  const discountDetails = DISCOUNT_COLUMNS.flatMap(([column, subtype]) => {
    const amount = parseReportAmount(row[column]);

    return amount === undefined || parseAmount(amount, orderId).isZero()
      ? []
      : [
          {
            subtype,
            value: { amount: amount.startsWith('-') ? amount : `-${amount}`, currencyCode },
          },
        ];
  });
  const sumOf = (entries: Array<{ value: { amount: string } }>) =>
    sumAmounts(
      entries.map((entry) => parseAmount(entry.value.amount, `report ${orderId}`)),
    ).toString();
  const itemPrice = parseReportAmount(row['item-price']);

  return {
    orderItemId: `${orderId}-${index + 1}`,
    quantityOrdered: quantity,
    product: { asin: row.asin, title: row['product-name'], sellerSku: row.sku },
    proceeds: {
      breakdowns: [
        ...(itemPrice === undefined
          ? []
          : [{ type: 'ITEM', subtotal: { amount: itemPrice, currencyCode } }]),
        ...charge('SHIPPING', 'shipping-price'),
        ...charge('GIFT_WRAP', 'gift-wrap-price'),
        ...(taxDetails.length > 0
          ? [
              {
                type: 'TAX',
                subtotal: { amount: sumOf(taxDetails), currencyCode },
                detailedBreakdowns: taxDetails,
              },
            ]
          : []),
        ...(discountDetails.length > 0
          ? [
              {
                type: 'DISCOUNT',
                subtotal: { amount: sumOf(discountDetails), currencyCode },
                detailedBreakdowns: discountDetails,
              },
            ]
          : []),
      ],
    },
    promotion: row['promotion-ids']
      ? {
          breakdowns: row['promotion-ids']
            .split(',')
            .filter(Boolean)
            .map((promotionId) => ({ promotionId: promotionId.trim() })),
        }
      : undefined,
  };
}

/**
 * Groups report rows by order id into orders. Rows of cancelled items (`item-status`
 * Cancelled) in a shipped order are dropped.
 */
export function reportRowsToOrders(rows: readonly Row[]): AmazonOrder[] {
  const groups = new Map<string, Row[]>();

  for (const row of rows) {
    const orderId = row['amazon-order-id']?.trim();

    if (!orderId) continue;

    const group = groups.get(orderId);

    if (group) group.push(row);
    else groups.set(orderId, [row]);
  }

  return [...groups].map(([orderId, orderRows]) => toOrder(orderId, orderRows));
}

/**
 * A report date as a UTC instant: US files carry ISO-8601 with an offset, EU files
 * `dd.MM.yyyy HH:mm:ss UTC` (amazon-sp-api.md §5.1), parsed by flows-core's one date parser.
 */
function reportInstant(text: string | undefined): string {
  return text?.trim() ? parseAmazonDate(text) : '';
}

function toOrder(orderId: string, rows: Row[]): AmazonOrder {
  const first = rows[0] as Row;
  const status = toFulfillmentStatus(first['order-status'] ?? '');
  const live =
    status === 'CANCELLED' ? rows : rows.filter((row) => !/cancel/i.test(row['item-status'] ?? ''));
  const channel = (first['sales-channel'] ?? '').trim().toLowerCase();

  return {
    orderId,
    createdTime: reportInstant(first['purchase-date']),
    lastUpdatedTime: reportInstant(first['last-updated-date'] ?? first['purchase-date']),
    salesChannel: {
      channelName: channel.startsWith('amazon') ? 'AMAZON' : 'NON_AMAZON',
      marketplaceId: MARKETPLACE_BY_CHANNEL[channel],
    },
    recipient: {
      deliveryAddress: {
        city: first['ship-city'],
        stateOrRegion: first['ship-state'],
        postalCode: first['ship-postal-code'],
        countryCode: first['ship-country'],
      },
    },
    fulfillment: {
      fulfillmentStatus: status,
      fulfilledBy: /amazon|afn/i.test(first['fulfillment-channel'] ?? '') ? 'AMAZON' : 'MERCHANT',
      fulfillmentServiceLevel: first['ship-service-level'],
    },
    orderItems: live.map((row, index) => toItem(row, index, orderId)),
  };
}
