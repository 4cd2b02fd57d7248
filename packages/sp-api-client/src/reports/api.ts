/**
 * The Reports lifecycle (reference §2.7): createReport → poll getReport → getReportDocument →
 * stream the document's rows. Settlement reports are never created, only listed.
 */
import type { SpApiRequester } from '../client/types';
import { readDocumentBytes } from './document-text';
import { ProcessingFatalError } from './errors';
import { parseBody } from './parse-body';
import { pollUntilFinal } from './poll';
import type { PollOptions } from './poll';
import { streamDocumentRows } from './rows';
import type { StreamRowsOptions } from './rows';
import {
  createReportResponseSchema,
  getReportsResponseSchema,
  reportDocumentSchema,
  reportSchema,
} from './schemas';
import type { Report, ReportDocument } from './schemas';
import { assertRequestable, toAmazonDate } from './report-input';
import { SETTLEMENT_REPORT_TYPES } from './settlement-types';
import type { ReportRow } from './tsv';

/** What createReport sends; `marketplaceIds` defaults to the client's marketplaces. */
export interface CreateReportInput {
  reportType: string;
  marketplaceIds?: string[];
  dataStartTime?: Date | string;
  dataEndTime?: Date | string;
  /** Values are strings; an empty string is rejected by Amazon (models#4747). */
  reportOptions?: Record<string, string>;
}

/** Filters of getReports. Only the first page sends them; later pages send the token alone. */
export interface ListReportsFilter {
  reportTypes?: string[];
  processingStatuses?: string[];
  marketplaceIds?: string[];
  /** @default 100 (Amazon's maximum) */
  pageSize?: number;
  createdSince?: Date | string;
  createdUntil?: Date | string;
}

/** Options of a row read. */
export type ReadRowsOptions = Partial<
  Pick<StreamRowsOptions, 'maxRefetches' | 'quoteMode' | 'idleTimeoutMs'>
> & {
  signal?: AbortSignal;
  /** Marketplaces of the report (Japan selects cp932 when the charset is guessed). */
  marketplaceIds?: readonly string[];
};

/** Options of {@link createReportsApi}. */
export interface ReportsApiOptions {
  /** Default polling cadence for waitForReport / requestReport. */
  poll?: PollOptions;
}

/** Cap on a FATAL report's error document kept in the error (it is plain text, usually short). */
const MAX_ERROR_DOCUMENT_CHARS = 4_000;

/**
 * Builds the `client.reports` namespace on an SP-API requester.
 * @example
 * const reports = createReportsApi(requester);
 * for await (const row of reports.requestReport({ reportType: 'GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL', dataStartTime: since })) {
 *   handle(row['amazon-order-id']);
 * }
 */
export function createReportsApi(requester: SpApiRequester, options: ReportsApiOptions = {}) {
  async function createReport(input: CreateReportInput, signal?: AbortSignal): Promise<string> {
    assertRequestable(input.reportType);

    const body = {
      reportType: input.reportType,
      marketplaceIds: input.marketplaceIds ?? requester.marketplaceIds,
      dataStartTime: toAmazonDate(input.dataStartTime),
      dataEndTime: toAmazonDate(input.dataEndTime),
      reportOptions: input.reportOptions,
    };
    const response = await requester.call('createReport', { body, signal });

    return parseBody(createReportResponseSchema, response.body, {
      operation: 'createReport',
      requestId: response.requestId,
    }).reportId;
  }

  async function getReport(reportId: string, signal?: AbortSignal): Promise<Report> {
    const response = await requester.call('getReport', { path: { reportId }, signal });

    return parseBody(reportSchema, response.body, {
      operation: 'getReport',
      requestId: response.requestId,
    });
  }

  async function getReportDocument(
    reportDocumentId: string,
    signal?: AbortSignal,
  ): Promise<ReportDocument> {
    const response = await requester.call('getReportDocument', {
      path: { reportDocumentId },
      signal,
    });

    return parseBody(reportDocumentSchema, response.body, {
      operation: 'getReportDocument',
      requestId: response.requestId,
    });
  }

  async function* listReports(
    filter: ListReportsFilter = {},
    signal?: AbortSignal,
  ): AsyncGenerator<Report> {
    // "Specifying nextToken with any other parameters will cause the request to fail" (reports_2021-06-30.json).
    let query: Record<string, unknown> = {
      ...filter,
      pageSize: filter.pageSize ?? 100,
      createdSince: toAmazonDate(filter.createdSince),
      createdUntil: toAmazonDate(filter.createdUntil),
    };

    for (;;) {
      const response = await requester.call('getReports', { query, signal });
      const page = parseBody(getReportsResponseSchema, response.body, {
        operation: 'getReports',
        requestId: response.requestId,
      });
      yield* page.reports;

      if (page.nextToken === undefined || page.nextToken === '') return;
      query = { nextToken: page.nextToken };
    }
  }

  function listSettlementReports(
    filter: Omit<ListReportsFilter, 'reportTypes'> = {},
    signal?: AbortSignal,
  ): AsyncGenerator<Report> {
    return listReports({ ...filter, reportTypes: [SETTLEMENT_REPORT_TYPES[0]] }, signal);
  }

  function waitForReport(reportId: string, poll: PollOptions = {}): Promise<Report> {
    const merged = { ...options.poll, ...poll };

    return pollUntilFinal(
      () => getReport(reportId, merged.signal),
      { operation: 'getReport', id: reportId },
      merged,
    );
  }

  function readReportDocument(
    reportDocumentId: string,
    read: ReadRowsOptions = {},
  ): AsyncGenerator<ReportRow> {
    return streamDocumentRows({
      ...read,
      fetchDocument: () => getReportDocument(reportDocumentId, read.signal),
      marketplaceIds: read.marketplaceIds ?? requester.marketplaceIds,
      logger: requester.logger,
    });
  }

  async function* readReport(
    report: Report,
    read: ReadRowsOptions = {},
  ): AsyncGenerator<ReportRow> {
    if (report.processingStatus === 'FATAL') throw await toFatalError(report, read.signal);

    // CANCELLED includes Amazon's "automatic cancellation if there is no data to return".
    if (report.processingStatus !== 'DONE' || report.reportDocumentId === undefined) return;

    yield* readReportDocument(report.reportDocumentId, {
      marketplaceIds: report.marketplaceIds,
      ...read,
    });
  }

  async function* requestReport(
    input: CreateReportInput,
    request: PollOptions & ReadRowsOptions = {},
  ): AsyncGenerator<ReportRow> {
    const reportId = await createReport(input, request.signal);
    const report = await waitForReport(reportId, request);

    yield* readReport(report, request);
  }

  async function toFatalError(report: Report, signal?: AbortSignal): Promise<ProcessingFatalError> {
    const errorDocumentText =
      report.reportDocumentId === undefined
        ? undefined
        : await readErrorDocument(report.reportDocumentId, signal);

    return new ProcessingFatalError({
      vendor: 'amazon',
      operation: 'getReport',
      message: `amazon getReport: report ${report.reportId} (${report.reportType}) ended FATAL`,
      vendorMessage: errorDocumentText,
      errorDocumentText,
    });
  }

  async function readErrorDocument(
    reportDocumentId: string,
    signal?: AbortSignal,
  ): Promise<string> {
    const document = await getReportDocument(reportDocumentId, signal);
    const bytes = await readDocumentBytes(document.url, {
      operation: 'downloadReportDocument',
      signal,
      maxBytes: 1024 * 1024,
    });

    return bytes.toString('utf8').trim().slice(0, MAX_ERROR_DOCUMENT_CHARS);
  }

  return {
    createReport,
    getReport,
    getReportDocument,
    listReports,
    listSettlementReports,
    waitForReport,
    readReportDocument,
    readReport,
    requestReport,
  };
}

/** The `client.reports` namespace. */
export type ReportsApi = ReturnType<typeof createReportsApi>;
