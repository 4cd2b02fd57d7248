/**
 * Input rules of createReport: settlement reports are never requested, and dates go out as
 * UTC `YYYY-MM-DDTHH:mm:ssZ`.
 */
import { InvalidInputError } from '@sellerbridge/http-core';

import { isSettlementReportType } from './settlement-types';

/**
 * Rejects report types only Amazon creates.
 * @throws InvalidInputError naming `reportType`, before anything is sent
 */
export function assertRequestable(reportType: string): void {
  if (!isSettlementReportType(reportType)) return;

  throw new InvalidInputError({
    vendor: 'amazon',
    operation: 'createReport',
    errorPath: 'reportType',
    message: `amazon createReport: ${reportType} is produced by Amazon and cannot be requested`,
    hint: 'list settlement reports with reports.listSettlementReports() and read them with readReport()',
  });
}

/** Formats a date as UTC `YYYY-MM-DDTHH:mm:ssZ`; strings pass unchanged (the client validates). */
export function toAmazonDate(value: Date | string | undefined): string | undefined {
  if (value === undefined || typeof value === 'string') return value;

  return value.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
