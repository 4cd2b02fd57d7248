/**
 * Typed rows of two FBA reports (reference §5.3, §5.4): the inventory ledger detail
 * (`GET_LEDGER_DETAIL_VIEW_DATA`) and customer returns
 * (`GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA`).
 */
import { cell, integerCell, mapRows, optionalCell } from './cells';
import type { ReportRow } from './tsv';

/** One inventory ledger event. */
export interface LedgerDetailRow {
  rowNumber: number;
  /** `MM/DD/YYYY` in observed files; kept as sent. */
  date: string;
  /** Present in newer files (`Date and Time`). */
  dateTime?: string;
  fnsku?: string;
  asin?: string;
  msku?: string;
  title?: string;
  eventType?: string;
  referenceId?: string;
  quantity?: number;
  fulfillmentCenter?: string;
  disposition?: string;
  reason?: string;
  country?: string;
  reconciledQuantity?: number;
  unreconciledQuantity?: number;
}

/**
 * Ledger headers differ between Amazon's page (`EventType`) and real files (`Event Type`,
 * airbytehq/airbyte@0ba3512), so headers are compared without spaces and case.
 */
function normalizeHeaders(row: ReportRow): ReportRow {
  const normalized: ReportRow = {};

  for (const [key, value] of Object.entries(row)) {
    normalized[key.replace(/[\s_-]/g, '').toLowerCase()] = value;
  }

  return normalized;
}

/** Types one ledger detail row. */
export function toLedgerDetailRow(row: ReportRow, rowNumber: number): LedgerDetailRow {
  const cells = normalizeHeaders(row);
  const context = { reportType: 'GET_LEDGER_DETAIL_VIEW_DATA', rowNumber };
  const text = (column: string) => optionalCell(cells, column);

  return {
    rowNumber,
    date: cell(cells, 'date'),
    dateTime: text('dateandtime'),
    fnsku: text('fnsku'),
    asin: text('asin'),
    msku: text('msku'),
    title: text('title'),
    eventType: text('eventtype'),
    referenceId: text('referenceid'),
    quantity: integerCell(cells, 'quantity', context),
    fulfillmentCenter: text('fulfillmentcenter'),
    disposition: text('disposition'),
    reason: text('reason'),
    country: text('country'),
    reconciledQuantity: integerCell(cells, 'reconciledquantity', context),
    unreconciledQuantity: integerCell(cells, 'unreconciledquantity', context),
  };
}

/** One FBA customer return. Dedupe on order id + SKU + LPN, not date (models#2940). */
export interface CustomerReturnRow {
  rowNumber: number;
  returnDate: string;
  orderId: string;
  sku?: string;
  asin?: string;
  fnsku?: string;
  productName?: string;
  quantity?: number;
  fulfillmentCenterId?: string;
  detailedDisposition?: string;
  reason?: string;
  /** Absent in Amazon.ae files (abuzuhri/Amazon-SP-API-CSharp#126). */
  status?: string;
  licensePlateNumber?: string;
  customerComments?: string;
}

/** Types one customer return row. */
export function toCustomerReturnRow(row: ReportRow, rowNumber: number): CustomerReturnRow {
  const text = (column: string) => optionalCell(row, column);

  return {
    rowNumber,
    returnDate: cell(row, 'return-date'),
    orderId: cell(row, 'order-id'),
    sku: text('sku'),
    asin: text('asin'),
    fnsku: text('fnsku'),
    productName: text('product-name'),
    quantity: integerCell(row, 'quantity', {
      reportType: 'GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA',
      rowNumber,
    }),
    fulfillmentCenterId: text('fulfillment-center-id'),
    detailedDisposition: text('detailed-disposition'),
    reason: text('reason'),
    status: text('status'),
    licensePlateNumber: text('license-plate-number'),
    customerComments: text('customer-comments'),
  };
}

/** Types a stream of ledger detail rows. */
export function readLedgerDetailRows(
  rows: AsyncIterable<ReportRow>,
): AsyncGenerator<LedgerDetailRow> {
  return mapRows(rows, toLedgerDetailRow);
}

/** Types a stream of customer return rows. */
export function readCustomerReturnRows(
  rows: AsyncIterable<ReportRow>,
): AsyncGenerator<CustomerReturnRow> {
  return mapRows(rows, toCustomerReturnRow);
}
