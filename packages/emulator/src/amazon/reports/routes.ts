import { invalidInput, notFound } from '../server/errors';
import type { AmazonContext, AmazonRequest, AmazonRoute, RouteModule } from '../server/types';
import { advanceReport, advanceReports } from './lifecycle';
import { listReports } from './list';
import { ensureSettlementDocument, ensureSettlementReports } from './settlement-reports';
import {
  REPORT_DOCUMENT_KIND,
  REPORT_KIND,
  toWireReport,
  type StoredReport,
  type StoredReportDocument,
} from './types';
import { parseReportSpecification } from './validate';

const BASE = '/reports/2021-06-30';
/** Presigned report URLs expire after five minutes (reports_2021-06-30.json, ReportDocument.url). */
export const REPORT_URL_TTL_MS = 5 * 60_000;

function nextReportId(ctx: AmazonContext): string {
  const count = ctx.store.list(REPORT_KIND, (r: StoredReport) => !r.internal.settlementId).length;
  return String(50_000_000_000 + (count + 1) * 17);
}

function createReport(ctx: AmazonContext, req: AmazonRequest): { status: number; body: unknown } {
  const spec = parseReportSpecification(req.body);
  const reportId = nextReportId(ctx);
  const report: StoredReport = {
    reportId,
    reportType: spec.reportType,
    marketplaceIds: spec.marketplaceIds,
    ...(spec.dataStartTime ? { dataStartTime: spec.dataStartTime } : {}),
    ...(spec.dataEndTime ? { dataEndTime: spec.dataEndTime } : {}),
    createdTime: ctx.clock().toISOString(),
    processingStatus: 'IN_QUEUE',
    internal: {
      sellerId: req.sellerId || ctx.world.seller.sellerId,
      reportOptions: spec.reportOptions,
      notified: false,
    },
  };

  ctx.store.put(REPORT_KIND, reportId, report);
  return { status: 202, body: { reportId } };
}

function loadReport(ctx: AmazonContext, reportId: string): StoredReport {
  ensureSettlementReports(ctx);
  const report = ctx.store.get<StoredReport>(REPORT_KIND, reportId);
  if (!report) notFound(`Report ${reportId} not found.`);

  advanceReport(ctx, report);
  return report;
}

function cancelReport(ctx: AmazonContext, reportId: string): { status: number } {
  const report = loadReport(ctx, reportId);
  if (report.processingStatus !== 'IN_QUEUE') {
    invalidInput(
      `Report ${reportId} cannot be cancelled: only reports with processingStatus IN_QUEUE can be cancelled.`,
    );
  }

  report.processingStatus = 'CANCELLED';
  report.processingEndTime = ctx.clock().toISOString();
  ctx.store.put(REPORT_KIND, reportId, report);
  return { status: 200 };
}

function getReportDocument(
  ctx: AmazonContext,
  req: AmazonRequest,
): { status: number; body: unknown } {
  ensureSettlementReports(ctx);
  const documentId = req.params.reportDocumentId ?? '';
  const meta = ctx.store.get<StoredReportDocument>(REPORT_DOCUMENT_KIND, documentId);
  if (!meta) notFound(`Report document ${documentId} not found.`);

  ensureSettlementDocument(ctx, meta);
  const wantsEncoding =
    req.query.get('enableContentEncodingUrlHeader') === 'true' && meta.compressed;
  const path = `/__documents/${encodeURIComponent(documentId)}${wantsEncoding ? '?contentEncoding=gzip' : ''}`;
  const body: Record<string, string> = {
    reportDocumentId: documentId,
    url: ctx.presign(path, REPORT_URL_TTL_MS),
  };
  if (meta.compressed) body.compressionAlgorithm = 'GZIP';
  return { status: 200, body };
}

/** Reports API 2021-06-30 routes: create/get/list/cancel reports and get their documents. */
export const reportRoutes: RouteModule = (ctx) => {
  const routes: AmazonRoute[] = [
    {
      method: 'POST',
      path: `${BASE}/reports`,
      operation: 'createReport',
      handle: (req) => createReport(ctx, req),
    },
    {
      method: 'GET',
      path: `${BASE}/reports`,
      operation: 'getReports',
      handle: (req) => {
        ensureSettlementReports(ctx);
        advanceReports(ctx);
        return { status: 200, body: listReports(ctx, req.query) };
      },
    },
    {
      method: 'GET',
      path: `${BASE}/reports/{reportId}`,
      operation: 'getReport',
      handle: (req) => ({
        status: 200,
        body: toWireReport(loadReport(ctx, req.params.reportId ?? '')),
      }),
    },
    {
      method: 'DELETE',
      path: `${BASE}/reports/{reportId}`,
      operation: 'cancelReport',
      handle: (req) => cancelReport(ctx, req.params.reportId ?? ''),
    },
    {
      method: 'GET',
      path: `${BASE}/documents/{reportDocumentId}`,
      operation: 'getReportDocument',
      handle: (req) => getReportDocument(ctx, req),
    },
  ];
  return routes;
};

/** Periodic work: finish due reports and publish REPORT_PROCESSING_FINISHED. */
export function tickReports(ctx: AmazonContext): void {
  advanceReports(ctx);
}
