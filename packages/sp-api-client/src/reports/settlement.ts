/**
 * Typed rows of the V2 settlement flat file, `GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2`
 * (reference §5.1). The first data row is a summary (settlement id, dates, total, currency,
 * nothing else); reading it as a detail line would double-count `total-amount`.
 */
import {
  cell,
  cellError,
  dateCell,
  decimalCell,
  integerCell,
  optionalCell,
  type RowContext,
} from './cells';
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
 * Columns a settlement file must have, V1 and V2 alike (V1 has no `amount`; its amounts sit in
 * fee-type/amount pairs): the summary's columns and a detail line's identity.
 */
export const SETTLEMENT_REQUIRED_COLUMNS = [
  'settlement-id',
  'settlement-start-date',
  'settlement-end-date',
  'deposit-date',
  'total-amount',
  'currency',
  'transaction-type',
  'order-id',
  'posted-date',
] as const;

// Only the summary row fills these (reference §5.1 quirk 1); they define it.
const SUMMARY_DEFINING_COLUMNS = [
  'settlement-start-date',
  'settlement-end-date',
  'deposit-date',
  'total-amount',
] as const;

/** Where settlement rows come from, for error messages. */
export interface SettlementReadOptions {
  /** The file name or report document id named in errors. */
  source?: string;
}

/**
 * True for a settlement summary row (V1 and V2): no transaction type, and one of the columns
 * only a summary fills (settlement dates, deposit date, total) set. Detail rows leave those
 * empty (reference §5.1 quirk 1).
 */
export function isSettlementSummaryRow(row: ReportRow): boolean {
  return (
    optionalCell(row, 'transaction-type') === undefined &&
    SUMMARY_DEFINING_COLUMNS.some((column) => optionalCell(row, column) !== undefined)
  );
}

/**
 * Types one V2 settlement row.
 * @throws InvalidInputError naming the row and column: a summary without its total, an amount
 *   that is no decimal, a date that does not parse completely, a row without settlement id
 */
export function toSettlementRecord(
  row: ReportRow,
  rowNumber: number,
  options: SettlementReadOptions = {},
): SettlementRecord {
  const context: RowContext = { reportType: REPORT_TYPE, rowNumber, source: options.source };

  if (optionalCell(row, 'settlement-id') === undefined)
    throw cellError(context, 'settlement-id', 'is empty');
  if (isSettlementSummaryRow(row)) return toSettlementSummary(row, context);

  return toSettlementLine(row, context);
}

function toSettlementSummary(row: ReportRow, context: RowContext): SettlementSummary {
  const totalAmount = decimalCell(row, 'total-amount', context);
  if (totalAmount === undefined)
    throw cellError(context, 'total-amount', 'is empty in the summary row');

  return {
    kind: 'summary',
    settlementId: cell(row, 'settlement-id'),
    settlementStartDate: dateCell(row, 'settlement-start-date', context) ?? '',
    settlementEndDate: dateCell(row, 'settlement-end-date', context) ?? '',
    depositDate: dateCell(row, 'deposit-date', context) ?? '',
    totalAmount,
    currency: cell(row, 'currency'),
  };
}

function toSettlementLine(row: ReportRow, context: RowContext): SettlementLine {
  return {
    kind: 'line',
    rowNumber: context.rowNumber ?? 0,
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
    amount: decimalCell(row, 'amount', context),
    fulfillmentId: optionalCell(row, 'fulfillment-id'),
    postedDate: dateCell(row, 'posted-date', context),
    postedDateTime: dateCell(row, 'posted-date-time', context),
    orderItemCode: optionalCell(row, 'order-item-code'),
    merchantOrderItemId: optionalCell(row, 'merchant-order-item-id'),
    merchantAdjustmentItemId: optionalCell(row, 'merchant-adjustment-item-id'),
    sku: optionalCell(row, 'sku'),
    quantityPurchased: integerCell(row, 'quantity-purchased', context),
    promotionId: optionalCell(row, 'promotion-id'),
  };
}

/**
 * Types a stream of V2 settlement rows (summary first, then lines).
 * @throws InvalidInputError when the header lacks a required column (a file without its header
 *   row, or not a settlement) or a row is invalid (see {@link toSettlementRecord})
 */
export async function* readSettlementRecords(
  rows: AsyncIterable<ReportRow>,
  options: SettlementReadOptions = {},
): AsyncGenerator<SettlementRecord> {
  let rowNumber = 0;

  for await (const row of rows) {
    rowNumber += 1;
    if (rowNumber === 1) assertSettlementHeader(row, options);

    yield toSettlementRecord(row, rowNumber, options);
  }
}

function assertSettlementHeader(row: ReportRow, options: SettlementReadOptions): void {
  const missing = SETTLEMENT_REQUIRED_COLUMNS.filter((column) => !(column in row));
  if (missing.length === 0) return;

  const context = { reportType: REPORT_TYPE, rowNumber: 0, source: options.source };
  const listed = missing.slice(0, 5).join(', ') + (missing.length > 5 ? ', …' : '');

  throw cellError(
    context,
    missing[0]!,
    `is missing from the header (missing: ${listed}); is the header row there?`,
  );
}
