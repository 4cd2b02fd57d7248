import { afterEach, describe, expect, it } from 'vitest';

import { AmazonApiError } from '../../src/amazon/server/errors';
import { reportRoutes } from '../../src/amazon/reports';
import { createTestContext, documentBytes, parseTsv, request, type TestContext } from './context';

let t: TestContext | undefined;
afterEach(() => t?.close());

async function create(tc: TestContext, body: unknown): Promise<string> {
  const res = await tc.route('createReport').handle(request({ body }));
  expect(res.status).toBe(202);
  return (res.body as { reportId: string }).reportId;
}

async function getReport(tc: TestContext, reportId: string): Promise<Record<string, unknown>> {
  const res = await tc.route('getReport').handle(request({ params: { reportId } }));
  return res.body as Record<string, unknown>;
}

async function rejection(fn: () => unknown): Promise<AmazonApiError> {
  try {
    await fn();
  } catch (error) {
    if (error instanceof AmazonApiError) return error;
    throw error;
  }
  throw new Error('expected an AmazonApiError');
}

const ALL_ORDERS = {
  reportType: 'GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL',
  marketplaceIds: ['ATVPDKIKX0DER'],
};

describe('reportRoutes lifecycle', () => {
  it('moves IN_QUEUE → IN_PROGRESS → DONE and publishes REPORT_PROCESSING_FINISHED', async () => {
    t = createTestContext(reportRoutes);
    const reportId = await create(t, ALL_ORDERS);

    expect((await getReport(t, reportId)).processingStatus).toBe('IN_QUEUE');
    t.advance(10_000);
    expect((await getReport(t, reportId)).processingStatus).toBe('IN_PROGRESS');
    t.advance(30_000);
    const done = await getReport(t, reportId);

    expect(done.processingStatus).toBe('DONE');
    expect(done.reportDocumentId).toMatch(/^amzn1\.spdoc\./);
    expect(done).not.toHaveProperty('internal');
    expect(t.events).toHaveLength(1);
    expect(t.events[0]?.type).toBe('REPORT_PROCESSING_FINISHED');
    expect(t.events[0]?.payload).toMatchObject({
      reportProcessingFinishedNotification: { reportId, processingStatus: 'DONE' },
    });
  });

  it('divides the durations by timeScale', async () => {
    t = createTestContext(reportRoutes, { timeScale: 10 });
    const reportId = await create(t, ALL_ORDERS);

    t.advance(3_999);
    expect((await getReport(t, reportId)).processingStatus).toBe('IN_PROGRESS');
    t.advance(1);
    expect((await getReport(t, reportId)).processingStatus).toBe('DONE');
  });

  it('serves a presigned gzip document valid for five minutes', async () => {
    t = createTestContext(reportRoutes);
    const reportId = await create(t, ALL_ORDERS);
    t.advance(60_000);
    const { reportDocumentId } = (await getReport(t, reportId)) as { reportDocumentId: string };

    const res = await t
      .route('getReportDocument')
      .handle(request({ params: { reportDocumentId } }));
    const body = res.body as { url: string; compressionAlgorithm?: string };
    const { bytes, doc } = documentBytes(t.ctx, reportDocumentId);
    const { header, rows } = parseTsv(bytes.toString('utf8'));

    expect(body.url).toContain('ttl=300000');
    expect(body.compressionAlgorithm).toBe('GZIP');
    expect(doc.charset).toBe('UTF-8');
    expect(header).toContain('amazon-order-id');
    expect(header).toHaveLength(32);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.length === header.length)).toBe(true);
  });

  it('asks for Content-Encoding: gzip when enableContentEncodingUrlHeader=true', async () => {
    t = createTestContext(reportRoutes);
    const reportId = await create(t, ALL_ORDERS);
    t.advance(60_000);
    const { reportDocumentId } = (await getReport(t, reportId)) as { reportDocumentId: string };
    const query = new URLSearchParams({ enableContentEncodingUrlHeader: 'true' });

    const res = await t
      .route('getReportDocument')
      .handle(request({ params: { reportDocumentId }, query }));

    expect((res.body as { url: string }).url).toContain('contentEncoding=gzip');
  });

  it('cancels a report without data instead of delivering an empty file', async () => {
    t = createTestContext(reportRoutes);
    const reportId = await create(t, {
      ...ALL_ORDERS,
      dataStartTime: '2020-01-01T00:00:00Z',
      dataEndTime: '2020-01-02T00:00:00Z',
    });
    t.advance(60_000);
    const report = await getReport(t, reportId);

    expect(report.processingStatus).toBe('CANCELLED');
    expect(report.reportDocumentId).toBeUndefined();
    expect(t.events[0]?.payload).toMatchObject({
      reportProcessingFinishedNotification: { processingStatus: 'CANCELLED' },
    });
  });

  it('cancels only queued reports', async () => {
    t = createTestContext(reportRoutes);
    const queued = await create(t, ALL_ORDERS);

    expect(
      (await t.route('cancelReport').handle(request({ params: { reportId: queued } }))).status,
    ).toBe(200);
    expect((await getReport(t, queued)).processingStatus).toBe('CANCELLED');

    const running = await create(t, ALL_ORDERS);
    t.advance(10_000);
    const error = await rejection(() =>
      t!.route('cancelReport').handle(request({ params: { reportId: running } })),
    );
    expect(error.status).toBe(400);
  });

  it('rejects settlement types with Amazon’s InvalidInput', async () => {
    t = createTestContext(reportRoutes);
    const body = {
      reportType: 'GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2',
      marketplaceIds: ['ATVPDKIKX0DER'],
    };

    const error = await rejection(() => t!.route('createReport').handle(request({ body })));

    expect(error.status).toBe(400);
    expect(error.errors[0]).toEqual({
      code: 'InvalidInput',
      message: 'Request for report type 1118 is not allowed at this time',
      details: '',
    });
  });

  it('rejects bad specifications naming the field', async () => {
    t = createTestContext(reportRoutes);
    const cases: Array<[unknown, RegExp]> = [
      [{ marketplaceIds: ['ATVPDKIKX0DER'] }, /reportType/],
      [{ reportType: ALL_ORDERS.reportType, marketplaceIds: [] }, /marketplaceIds/],
      [{ ...ALL_ORDERS, dataStartTime: 'yesterday' }, /dataStartTime/],
      [
        {
          reportType: 'GET_LEDGER_DETAIL_VIEW_DATA',
          marketplaceIds: ['ATVPDKIKX0DER'],
          reportOptions: { eventType: '' },
        },
        /Member must have length greater than or equal to 1/,
      ],
    ];

    for (const [body, message] of cases) {
      const error = await rejection(() => t!.route('createReport').handle(request({ body })));
      expect(error.errors[0]?.message).toMatch(message);
    }
  });

  it('returns 404 for unknown reports and documents', async () => {
    t = createTestContext(reportRoutes);

    expect((await rejection(() => getReport(t!, '1'))).status).toBe(404);
    const docError = await rejection(() =>
      t!.route('getReportDocument').handle(request({ params: { reportDocumentId: 'nope' } })),
    );
    expect(docError.status).toBe(404);
  });
});
