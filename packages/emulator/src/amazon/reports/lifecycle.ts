import { randomUUID } from 'node:crypto';

import { marketplaceById } from '../../world/marketplaces';
import type { WorldOrder } from '../../world/types';
import type { AmazonContext } from '../server/types';
import { storeTextDocument } from './documents';
import { REPORT_TYPES } from './report-types';
import {
  REPORT_DOCUMENT_KIND,
  REPORT_KIND,
  type StoredReport,
  type StoredReportDocument,
} from './types';

/**
 * Amazon takes from seconds to minutes per report; the emulator waits these (real-time) durations
 * divided by `timeScale` before each step (https://developer-docs.amazon.com/sp-api/docs/reports-api-v2021-06-30-use-case-guide).
 */
export const REPORT_QUEUE_MS = 10_000;
export const REPORT_PROCESSING_MS = 30_000;
const DAY_MS = 86_400_000;

/** Orders as the server currently sees them (the store reflects confirmed shipments). */
export function currentOrders(ctx: AmazonContext): WorldOrder[] {
  const stored = ctx.store.list<WorldOrder>('order');
  return stored.length > 0 ? stored : ctx.world.orders;
}

/** Amazon-style report document id. */
export function newReportDocumentId(): string {
  return `amzn1.spdoc.1.4.na.${randomUUID()}.T${Date.now().toString(36).toUpperCase()}`;
}

function finish(ctx: AmazonContext, report: StoredReport, endMs: number): void {
  const spec = REPORT_TYPES[report.reportType];
  const marketplaces = report.marketplaceIds.flatMap((id) => marketplaceById(id) ?? []);
  const dataEndMs = report.dataEndTime ? Date.parse(report.dataEndTime) : Date.parse(ctx.world.now);
  const dataStartMs = report.dataStartTime
    ? Date.parse(report.dataStartTime)
    : dataEndMs - (spec?.defaultDays ?? 30) * DAY_MS;

  const text = spec?.generate({
    world: ctx.world,
    orders: currentOrders(ctx),
    marketplaces,
    startMs: dataStartMs,
    endMs: dataEndMs,
    options: report.internal.reportOptions,
  });

  report.processingEndTime = new Date(endMs).toISOString();
  if (!spec || text === null || text === undefined) {
    // Amazon cancels instead of delivering an empty file (https://developer-docs.amazon.com/sp-api/docs/report-type-values-order).
    report.processingStatus = 'CANCELLED';
    return;
  }

  const documentId = newReportDocumentId();
  const isEu = marketplaces.some((market) => market.code !== 'US');
  storeTextDocument(ctx, documentId, text, isEu ? spec.euCharset : 'UTF-8', spec.compressed);
  ctx.store.put<StoredReportDocument>(REPORT_DOCUMENT_KIND, documentId, {
    reportDocumentId: documentId,
    compressed: spec.compressed,
  });
  report.reportDocumentId = documentId;
  report.processingStatus = 'DONE';
}

function notify(ctx: AmazonContext, report: StoredReport): void {
  if (report.internal.notified) return;
  report.internal.notified = true;
  ctx.publish({
    type: 'REPORT_PROCESSING_FINISHED',
    payload: {
      reportProcessingFinishedNotification: {
        sellerId: report.internal.sellerId,
        accountId: `amzn1.merchant.o.${report.internal.sellerId}`,
        reportId: report.reportId,
        reportType: report.reportType,
        processingStatus: report.processingStatus,
        ...(report.reportDocumentId ? { reportDocumentId: report.reportDocumentId } : {}),
      },
    },
  });
}

/** Moves one report along IN_QUEUE → IN_PROGRESS → DONE/CANCELLED by the (scaled) clock; true when it changed. */
export function advanceReport(ctx: AmazonContext, report: StoredReport): boolean {
  const nowMs = ctx.clock().getTime();
  const queueMs = REPORT_QUEUE_MS / ctx.timeScale;
  const processingMs = REPORT_PROCESSING_MS / ctx.timeScale;
  let changed = false;

  if (report.processingStatus === 'IN_QUEUE' && nowMs >= Date.parse(report.createdTime) + queueMs) {
    report.processingStatus = 'IN_PROGRESS';
    report.processingStartTime = new Date(Date.parse(report.createdTime) + queueMs).toISOString();
    changed = true;
  }

  if (report.processingStatus === 'IN_PROGRESS' && report.processingStartTime) {
    const doneMs = Date.parse(report.processingStartTime) + processingMs;
    if (nowMs >= doneMs) {
      finish(ctx, report, doneMs);
      changed = true;
    }
  }

  const isFinal =
    report.processingStatus === 'DONE' ||
    report.processingStatus === 'CANCELLED' ||
    report.processingStatus === 'FATAL';
  if (isFinal && !report.internal.notified && !report.internal.settlementId) {
    notify(ctx, report);
    changed = true;
  }

  if (changed) ctx.store.put(REPORT_KIND, report.reportId, report);
  return changed;
}

/** Advances every unfinished report (the server's periodic tick). */
export function advanceReports(ctx: AmazonContext): void {
  const open = ctx.store.list<StoredReport>(
    REPORT_KIND,
    (r) => r.processingStatus === 'IN_QUEUE' || r.processingStatus === 'IN_PROGRESS',
  );
  for (const report of open) advanceReport(ctx, report);
}
