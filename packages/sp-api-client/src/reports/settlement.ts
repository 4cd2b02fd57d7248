/**
 * Typed rows of the V2 settlement flat file, `GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2`
 * (reference §5.1). The first data row is a summary (settlement id, dates, total, currency,
 * nothing else); reading it as a detail line would double-count `total-amount`.
 */
import { cell, integerCell, mapRows, optionalCell } from './cells';
import type { ReportRow } from './tsv';

const REPORT_TYPE = 'GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2';

/**
 * The 24 columns of a V2 settlement file: Amazon's attribute page lists 23, real files add
 * `promotion-id` (amzn/selling-partner-api-models#5353).
 */
export const SETTLEMENT_V2_COLUMNS = [
  'settlement-id',
  'settlement-start-date',
  'settlement-end-date',
  'deposit-date',
  'total-amount',
  'currency',
  'transaction-type',
  'order-id',
  'merchant-order-id',
  'adjustment-id',
  'shipment-id',
  'marketplace-name',
  'amount-type',
  'amount-description',
  'amount',
  'fulfillment-id',
  'posted-date',
  'posted-date-time',
  'order-item-code',
  'merchant-order-item-id',
  'merchant-adjustment-item-id',
  'sku',
  'quantity-purchased',
  'promotion-id',
] as const;

/** The summary row of a settlement. Dates and amounts are the text Amazon sent (localised). */
export interface SettlementSummary {
  kind: 'summary';
  settlementId: string;
  settlementStartDate: string;
  settlementEndDate: string;
  depositDate: string;
  /** Decimal string, possibly localised (`1141,18` in EU files). */
  totalAmount: string;
  currency: string;
}

/** One detail line of a V2 settlement. */
export interface SettlementLine {
  kind: 'line';
  rowNumber: number;
  settlementId: string;
  currency: string;
  transactionType?: string;
  orderId?: string;
  merchantOrderId?: string;
  adjustmentId?: string;
  shipmentId?: string;
  marketplaceName?: string;
  amountType?: string;
  amountDescription?: string;
  /** Decimal string as sent (trimmed), possibly localised. */
  amount?: string;
  fulfillmentId?: string;
  postedDate?: string;
  postedDateTime?: string;
  orderItemCode?: string;
  merchantOrderItemId?: string;
  merchantAdjustmentItemId?: string;
  sku?: string;
  quantityPurchased?: number;
  promotionId?: string;
}

/** A row of a V2 settlement: the summary or a detail line. */
export type SettlementRecord = SettlementSummary | SettlementLine;

/**
 * True for a settlement summary row (V1 and V2): `total-amount` set and no transaction type.
 * Detail rows leave `total-amount` empty (reference §5.1 quirk 1).
 */
export function isSettlementSummaryRow(row: ReportRow): boolean {
  return (
    optionalCell(row, 'total-amount') !== undefined &&
    optionalCell(row, 'transaction-type') === undefined
  );
}

/** Types one V2 settlement row. */
export function toSettlementRecord(row: ReportRow, rowNumber: number): SettlementRecord {
  if (isSettlementSummaryRow(row)) {
    return {
      kind: 'summary',
      settlementId: cell(row, 'settlement-id'),
      settlementStartDate: cell(row, 'settlement-start-date'),
      settlementEndDate: cell(row, 'settlement-end-date'),
      depositDate: cell(row, 'deposit-date'),
      totalAmount: cell(row, 'total-amount'),
      currency: cell(row, 'currency'),
    };
  }

  return toSettlementLine(row, rowNumber);
}

function toSettlementLine(row: ReportRow, rowNumber: number): SettlementLine {
  return {
    kind: 'line',
    rowNumber,
    settlementId: cell(row, 'settlement-id'),
    currency: cell(row, 'currency'),
    transactionType: optionalCell(row, 'transaction-type'),
    orderId: optionalCell(row, 'order-id'),
    merchantOrderId: optionalCell(row, 'merchant-order-id'),
    adjustmentId: optionalCell(row, 'adjustment-id'),
    shipmentId: optionalCell(row, 'shipment-id'),
    marketplaceName: optionalCell(row, 'marketplace-name'),
    amountType: optionalCell(row, 'amount-type'),
    amountDescription: optionalCell(row, 'amount-description'),
    amount: optionalCell(row, 'amount'),
    fulfillmentId: optionalCell(row, 'fulfillment-id'),
    postedDate: optionalCell(row, 'posted-date'),
    postedDateTime: optionalCell(row, 'posted-date-time'),
    orderItemCode: optionalCell(row, 'order-item-code'),
    merchantOrderItemId: optionalCell(row, 'merchant-order-item-id'),
    merchantAdjustmentItemId: optionalCell(row, 'merchant-adjustment-item-id'),
    sku: optionalCell(row, 'sku'),
    quantityPurchased: integerCell(row, 'quantity-purchased', {
      reportType: REPORT_TYPE,
      rowNumber,
    }),
    promotionId: optionalCell(row, 'promotion-id'),
  };
}

/** Types a stream of V2 settlement rows (summary first, then lines). */
export function readSettlementRecords(
  rows: AsyncIterable<ReportRow>,
): AsyncGenerator<SettlementRecord> {
  return mapRows(rows, toSettlementRecord);
}
