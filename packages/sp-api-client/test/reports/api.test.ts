import { gzipSync } from 'node:zlib';

import { AbortedError, InvalidInputError } from '@sellerbridge/http-core';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { ProcessingFatalError, ProcessingTimeoutError, createReportsApi } from '../../src/reports';
import type { Report } from '../../src/reports';
import { collect, fakeRequester, sendBody, startLoopback } from './support';
import type { LoopbackServer } from './support';

const report = (
  processingStatus: Report['processingStatus'],
  extra: Record<string, unknown> = {},
): Report => ({
  reportId: 'R1',
  reportType: 'GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL',
  createdTime: '2026-12-01T00:00:00Z',
  processingStatus,
  ...extra,
});

let server: LoopbackServer | undefined;
afterEach(async () => {
  vi.useRealTimers();
  await server?.close();
  server = undefined;
});

describe('createReportsApi.createReport', () => {
  it('sends the specification with UTC second-precision dates and the client marketplaces', async () => {
    const requester = fakeRequester(
      { createReport: () => ({ reportId: 'R9' }) },
      { marketplaceIds: ['A1PA6795UKMFR9'] },
    );

    const reportId = await createReportsApi(requester).createReport({
      reportType: 'GET_LEDGER_DETAIL_VIEW_DATA',
      dataStartTime: new Date('2026-11-01T10:20:30.456Z'),
      reportOptions: { eventType: 'Receipts' },
    });

    expect(reportId).toBe('R9');
    expect(requester.calls[0]?.request.body).toEqual({
      reportType: 'GET_LEDGER_DETAIL_VIEW_DATA',
      marketplaceIds: ['A1PA6795UKMFR9'],
      dataStartTime: '2026-11-01T10:20:30Z',
      dataEndTime: undefined,
      reportOptions: { eventType: 'Receipts' },
    });
  });

  it.each([
    'GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2',
    'GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE',
  ])('rejects settlement type %s before sending', async (reportType) => {
    const requester = fakeRequester({});

    const error = await createReportsApi(requester)
      .createReport({ reportType })
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error).toMatchObject({ errorPath: 'reportType', operation: 'createReport' });
    expect(requester.calls).toHaveLength(0);
  });
});

describe('createReportsApi.listSettlementReports', () => {
  it('sends filters on the first page and the nextToken alone afterwards', async () => {
    const requester = fakeRequester({
      getReports: (_, count) =>
        count === 0
          ? { reports: [report('DONE', { reportId: 'S1' })], nextToken: 'a+b/c=' }
          : { reports: [report('DONE', { reportId: 'S2' })] },
    });

    const reports = await collect(
      createReportsApi(requester).listSettlementReports({
        createdSince: new Date('2026-09-01T00:00:00Z'),
      }),
    );

    expect(reports.map((item) => item.reportId)).toEqual(['S1', 'S2']);
    expect(requester.calls.map((call) => call.request.query)).toEqual([
      {
        reportTypes: ['GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2'],
        pageSize: 100,
        createdSince: '2026-09-01T00:00:00Z',
        createdUntil: undefined,
      },
      { nextToken: 'a+b/c=' },
    ]);
  });
});

describe('createReportsApi.waitForReport', () => {
  it('polls with growing delays until a final status', async () => {
    vi.useFakeTimers();
    const statuses: Array<Report['processingStatus']> = [
      'IN_QUEUE',
      'IN_PROGRESS',
      'IN_PROGRESS',
      'DONE',
    ];
    const requester = fakeRequester({ getReport: (_, count) => report(statuses[count] ?? 'DONE') });
    const reports = createReportsApi(requester, {
      poll: { initialDelayMs: 1_000, factor: 2, maxDelayMs: 3_000 },
    });

    const done = reports.waitForReport('R1');
    await vi.advanceTimersByTimeAsync(999);
    expect(requester.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(requester.calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(requester.calls).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(3_000);

    await expect(done).resolves.toMatchObject({ processingStatus: 'DONE' });
    expect(requester.calls).toHaveLength(4);
  });

  it('gives up with ProcessingTimeoutError when the wait budget is spent', async () => {
    vi.useFakeTimers();
    const requester = fakeRequester({ getReport: () => report('IN_PROGRESS') });
    const reports = createReportsApi(requester);

    const done = reports
      .waitForReport('R1', { initialDelayMs: 1_000, factor: 1, maxWaitMs: 3_000 })
      .catch((caught: unknown) => caught);
    await vi.advanceTimersByTimeAsync(10_000);

    expect(await done).toBeInstanceOf(ProcessingTimeoutError);
    expect(requester.calls).toHaveLength(4);
  });

  it('stops waiting when the signal aborts', async () => {
    vi.useFakeTimers();
    const controller = new AbortController();
    const requester = fakeRequester({ getReport: () => report('IN_QUEUE') });

    const done = createReportsApi(requester)
      .waitForReport('R1', { signal: controller.signal })
      .catch((caught: unknown) => caught);
    await vi.advanceTimersByTimeAsync(100);
    controller.abort();

    expect(await done).toBeInstanceOf(AbortedError);
    expect(requester.calls).toHaveLength(1);
  });
});

describe('createReportsApi.readReport', () => {
  it('yields no rows for a CANCELLED report without fetching a document', async () => {
    const requester = fakeRequester({});

    const rows = await collect(createReportsApi(requester).readReport(report('CANCELLED')));

    expect(rows).toEqual([]);
    expect(requester.calls).toHaveLength(0);
  });

  it('throws ProcessingFatalError carrying the error document text for a FATAL report', async () => {
    const errorDocument =
      '{"errorDetails":"Report data is not available for the requested date range."}';
    server = await startLoopback({ '/err': (_, res) => sendBody(res, gzipSync(errorDocument)) });
    const requester = fakeRequester({
      getReportDocument: () => ({ reportDocumentId: 'E1', url: `${server?.url}/err` }),
    });

    const error = await collect(
      createReportsApi(requester).readReport(report('FATAL', { reportDocumentId: 'E1' })),
    ).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ProcessingFatalError);
    expect(error).toMatchObject({
      errorDocumentText: errorDocument,
      retryable: false,
      vendorCode: 'FATAL',
    });
  });

  it('runs create → poll → document → rows with requestReport', async () => {
    server = await startLoopback({
      '/doc': (_, res) =>
        sendBody(res, 'amazon-order-id\tquantity\n111-1\t2\n', 'text/plain; charset=UTF-8'),
    });
    const requester = fakeRequester({
      createReport: () => ({ reportId: 'R1' }),
      getReport: (_, count) =>
        report(count === 0 ? 'IN_PROGRESS' : 'DONE', { reportDocumentId: 'D1' }),
      getReportDocument: () => ({ reportDocumentId: 'D1', url: `${server?.url}/doc` }),
    });

    const rows = await collect(
      createReportsApi(requester).requestReport(
        { reportType: 'GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL' },
        { initialDelayMs: 1 },
      ),
    );

    expect(rows).toEqual([{ 'amazon-order-id': '111-1', quantity: '2' }]);
    expect(requester.calls.map((call) => call.operation)).toEqual([
      'createReport',
      'getReport',
      'getReport',
      'getReportDocument',
    ]);
  });
});
