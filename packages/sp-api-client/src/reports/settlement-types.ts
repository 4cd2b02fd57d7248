/**
 * Settlement reports are produced by Amazon on its own schedule; they cannot be requested or
 * scheduled, only listed with getReports
 * (https://developer-docs.amazon.com/sp-api/docs/report-type-values-settlement).
 */
export const SETTLEMENT_REPORT_TYPES = [
  'GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2',
  'GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE',
  'GET_V2_SETTLEMENT_REPORT_DATA_XML',
] as const;

/** True for a report type that only Amazon creates (settlements). */
export function isSettlementReportType(reportType: string): boolean {
  return (SETTLEMENT_REPORT_TYPES as readonly string[]).includes(reportType);
}
