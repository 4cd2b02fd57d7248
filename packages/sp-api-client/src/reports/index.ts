/** The `client.reports` namespace and the report row helpers. */
export { createReportsApi } from './api';
export { toAmazonDate } from './report-input';
export type {
  CreateReportInput,
  ListReportsFilter,
  ReadRowsOptions,
  ReportsApi,
  ReportsApiOptions,
} from './api';
export { decideCharset, normalizeCharset, parseDeclaredCharset } from './charset';
export type { CharsetDecision, CharsetSource } from './charset';
export { DocumentTransferError, ProcessingFatalError, ProcessingTimeoutError } from './errors';
export { pollUntilFinal } from './poll';
export type { PollOptions } from './poll';
export type { Report, ReportDocument } from './schemas';
export { SETTLEMENT_REPORT_TYPES, isSettlementReportType } from './settlement-types';
export {
  SETTLEMENT_REQUIRED_COLUMNS,
  SETTLEMENT_V2_COLUMNS,
  isSettlementSummaryRow,
  readSettlementRecords,
  toSettlementRecord,
} from './settlement';
export type {
  SettlementLine,
  SettlementReadOptions,
  SettlementRecord,
  SettlementSummary,
} from './settlement';
export { readAllOrdersRows, toAllOrdersRow } from './order-rows';
export type { AllOrdersRow } from './order-rows';
export {
  readCustomerReturnRows,
  readLedgerDetailRows,
  toCustomerReturnRow,
  toLedgerDetailRow,
} from './fba-rows';
export type { CustomerReturnRow, LedgerDetailRow } from './fba-rows';
export { createTsvParser } from './tsv';
export type { ReportRow, TsvParserOptions, TsvQuoteMode } from './tsv';
