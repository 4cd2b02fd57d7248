/**
 * Typed rows of the all-orders flat files,
 * `GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL` / `…_BY_LAST_UPDATE_GENERAL`
 * (reference §5.8, https://developer-docs.amazon.com/sp-api/docs/order-tracking-reports-attributes).
 * One row per order item; columns vary by marketplace, so everything but the ids is optional.
 */
import { booleanCell, cell, integerCell, mapRows, optionalCell } from './cells';
import type { ReportRow } from './tsv';

const REPORT_TYPE = 'GET_FLAT_FILE_ALL_ORDERS_DATA';

/** One order-item row. Money fields are decimal strings as sent. */
export interface AllOrdersRow {
  rowNumber: number;
  amazonOrderId: string;
  merchantOrderId?: string;
  purchaseDate?: string;
  lastUpdatedDate?: string;
  orderStatus?: string;
  fulfillmentChannel?: string;
  salesChannel?: string;
  orderChannel?: string;
  shipServiceLevel?: string;
  productName?: string;
  sku?: string;
  asin?: string;
  itemStatus?: string;
  quantity?: number;
  currency?: string;
  itemPrice?: string;
  itemTax?: string;
  shippingPrice?: string;
  shippingTax?: string;
  giftWrapPrice?: string;
  giftWrapTax?: string;
  itemPromotionDiscount?: string;
  shipPromotionDiscount?: string;
  shipCountry?: string;
  promotionIds?: string;
  isBusinessOrder?: boolean;
  purchaseOrderNumber?: string;
}

/** Types one all-orders row. */
export function toAllOrdersRow(row: ReportRow, rowNumber: number): AllOrdersRow {
  const text = (column: string) => optionalCell(row, column);

  return {
    rowNumber,
    amazonOrderId: cell(row, 'amazon-order-id'),
    merchantOrderId: text('merchant-order-id'),
    purchaseDate: text('purchase-date'),
    lastUpdatedDate: text('last-updated-date'),
    orderStatus: text('order-status'),
    fulfillmentChannel: text('fulfillment-channel'),
    salesChannel: text('sales-channel'),
    orderChannel: text('order-channel'),
    shipServiceLevel: text('ship-service-level'),
    productName: text('product-name'),
    sku: text('sku'),
    asin: text('asin'),
    itemStatus: text('item-status'),
    quantity: integerCell(row, 'quantity', { reportType: REPORT_TYPE, rowNumber }),
    currency: text('currency'),
    itemPrice: text('item-price'),
    itemTax: text('item-tax'),
    shippingPrice: text('shipping-price'),
    shippingTax: text('shipping-tax'),
    giftWrapPrice: text('gift-wrap-price'),
    giftWrapTax: text('gift-wrap-tax'),
    itemPromotionDiscount: text('item-promotion-discount'),
    shipPromotionDiscount: text('ship-promotion-discount'),
    shipCountry: text('ship-country'),
    promotionIds: text('promotion-ids'),
    isBusinessOrder: booleanCell(row, 'is-business-order'),
    purchaseOrderNumber: text('purchase-order-number'),
  };
}

/** Types a stream of all-orders rows. */
export function readAllOrdersRows(rows: AsyncIterable<ReportRow>): AsyncGenerator<AllOrdersRow> {
  return mapRows(rows, toAllOrdersRow);
}
