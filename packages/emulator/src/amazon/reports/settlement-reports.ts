import type { AmazonContext } from '../server/types';
import { renderSettlementV2 } from './format/settlement';
import { storeTextDocument } from './documents';
import { SETTLEMENT_V2 } from './report-types';
import {
  REPORT_DOCUMENT_KIND,
  REPORT_KIND,
  type StoredReport,
  type StoredReportDocument,
} from './types';

const HOUR_MS = 3_600_000;

/** Document id of a settlement's V2 flat file. */
function settlementDocumentId(settlementId: string): string {
  return `amzn1.spdoc.1.4.na.settlement.${settlementId}`;
}

/**
 * Lists every closed settlement of the world as a DONE report, the way Amazon generates them on
 * its own a few hours after the period closes. Idempotent: new settlements appear as the world's
 * clock advances.
 */
export function ensureSettlementReports(ctx: AmazonContext): void {
  for (const settlement of ctx.world.settlements) {
    if (settlement.open) continue;
    const reportId = `9${settlement.settlementId}`;
    if (ctx.store.get(REPORT_KIND, reportId)) continue;

    const createdMs = Date.parse(settlement.endDate) + 6 * HOUR_MS;
    const documentId = settlementDocumentId(settlement.settlementId);
    const report: StoredReport = {
      reportId,
      reportType: SETTLEMENT_V2,
      marketplaceIds: [settlement.marketplaceId],
      dataStartTime: new Date(Date.parse(settlement.startDate)).toISOString(),
      dataEndTime: new Date(Date.parse(settlement.endDate)).toISOString(),
      createdTime: new Date(createdMs).toISOString(),
      processingStatus: 'DONE',
      processingStartTime: new Date(createdMs).toISOString(),
      processingEndTime: new Date(createdMs + 60_000).toISOString(),
      reportDocumentId: documentId,
      internal: {
        sellerId: ctx.world.seller.sellerId,
        reportOptions: {},
        settlementId: settlement.settlementId,
        notified: true,
      },
    };
    ctx.store.put(REPORT_KIND, reportId, report);
    ctx.store.put<StoredReportDocument>(REPORT_DOCUMENT_KIND, documentId, {
      reportDocumentId: documentId,
      compressed: false,
      settlementId: settlement.settlementId,
    });
  }
}

/** Renders a settlement document on first download (a 100k-order world has large settlements). */
export function ensureSettlementDocument(ctx: AmazonContext, meta: StoredReportDocument): void {
  if (!meta.settlementId || ctx.store.get('document', meta.reportDocumentId)) return;

  const settlement = ctx.world.settlements.find((s) => s.settlementId === meta.settlementId);
  if (settlement)
    storeTextDocument(
      ctx,
      meta.reportDocumentId,
      renderSettlementV2(settlement),
      'UTF-8',
      meta.compressed,
    );
}
