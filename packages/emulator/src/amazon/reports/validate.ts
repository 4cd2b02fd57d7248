import { marketplaceById } from '../../world/marketplaces';
import { invalidInput } from '../server/errors';
import { LEDGER_EVENT_TYPES } from './format/ledger';
import { REPORT_TYPES, SETTLEMENT_REPORT_TYPES } from './report-types';

/** Validated `CreateReportSpecification`. */
export interface ReportSpecification {
  reportType: string;
  marketplaceIds: string[];
  dataStartTime?: string;
  dataEndTime?: string;
  reportOptions: Record<string, string>;
}

/** Amazon's internal ids of the settlement types, which its error message names. */
const SETTLEMENT_TYPE_CODES: Record<string, string> = {
  GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2: '1118',
  GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE: '1117',
};

function checkDate(value: unknown, field: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || Number.isNaN(Date.parse(value)))
    invalidInput(`Invalid ${field}: must be an ISO 8601 date-time.`);
  return new Date(Date.parse(value)).toISOString();
}

function checkOptions(value: unknown, reportType: string): Record<string, string> {
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    invalidInput('reportOptions must be a map of strings.');

  const options = value as Record<string, unknown>;
  for (const [key, option] of Object.entries(options)) {
    if (typeof option !== 'string') invalidInput(`reportOptions.${key} must be a string.`);
    // Amazon's message for an empty map value (https://github.com/amzn/selling-partner-api-models/issues/4747).
    if (option.length === 0)
      invalidInput(
        'Map value must satisfy constraint: [Member must have length greater than or equal to 1]',
      );
  }

  const eventType = options.eventType as string | undefined;
  if (
    reportType === 'GET_LEDGER_DETAIL_VIEW_DATA' &&
    eventType &&
    !(LEDGER_EVENT_TYPES as readonly string[]).includes(eventType)
  ) {
    invalidInput(`Invalid eventType: ${eventType}`);
  }

  return options as Record<string, string>;
}

/**
 * Parses a `createReport` body.
 *
 * @throws AmazonApiError 400 InvalidInput naming the field, or Amazon's settlement message.
 */
export function parseReportSpecification(body: unknown): ReportSpecification {
  if (typeof body !== 'object' || body === null)
    invalidInput('Request body must be a CreateReportSpecification object.');
  const raw = body as Record<string, unknown>;

  if (typeof raw.reportType !== 'string' || raw.reportType === '')
    invalidInput('reportType is required.');
  const reportType = raw.reportType;
  if (SETTLEMENT_REPORT_TYPES.has(reportType)) {
    invalidInput(
      `Request for report type ${SETTLEMENT_TYPE_CODES[reportType] ?? reportType} is not allowed at this time`,
      '',
    );
  }

  if (!REPORT_TYPES[reportType]) invalidInput(`Invalid reportType: ${reportType}`);

  const ids = raw.marketplaceIds;
  if (
    !Array.isArray(ids) ||
    ids.length < 1 ||
    ids.length > 25 ||
    !ids.every((id) => typeof id === 'string')
  ) {
    invalidInput('marketplaceIds must contain 1 to 25 marketplace ids.');
  }

  for (const id of ids as string[]) {
    if (!marketplaceById(id)) invalidInput(`Invalid marketplaceId: ${id}`);
  }

  const dataStartTime = checkDate(raw.dataStartTime, 'dataStartTime');
  const dataEndTime = checkDate(raw.dataEndTime, 'dataEndTime');
  if (dataStartTime && dataEndTime && dataStartTime > dataEndTime)
    invalidInput('dataStartTime must be before dataEndTime.');

  const spec: ReportSpecification = {
    reportType,
    marketplaceIds: ids as string[],
    reportOptions: checkOptions(raw.reportOptions, reportType),
  };
  if (dataStartTime) spec.dataStartTime = dataStartTime;
  if (dataEndTime) spec.dataEndTime = dataEndTime;
  return spec;
}
