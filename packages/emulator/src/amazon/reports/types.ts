/** Store kind of reports. */
export const REPORT_KIND = 'report';

/** Reports API 2021-06-30 `Report` plus what the emulator needs to finish it. */
export interface StoredReport {
  reportId: string;
  reportType: string;
  marketplaceIds: string[];
  dataStartTime?: string;
  dataEndTime?: string;
  reportScheduleId?: string;
  createdTime: string;
  processingStatus: 'IN_QUEUE' | 'IN_PROGRESS' | 'DONE' | 'CANCELLED' | 'FATAL';
  processingStartTime?: string;
  processingEndTime?: string;
  reportDocumentId?: string;
  /** Internal: not part of the wire shape. */
  internal: {
    sellerId: string;
    reportOptions: Record<string, string>;
    /** Set for the settlement reports Amazon generated on its own. */
    settlementId?: string;
    /** True once REPORT_PROCESSING_FINISHED was published. */
    notified: boolean;
  };
}

/** Report document id → where its bytes come from. */
export interface StoredReportDocument {
  reportDocumentId: string;
  compressed: boolean;
  /** Settlement documents are rendered on first download; others at DONE. */
  settlementId?: string;
}

/** Store kind of report-document metadata (the bytes are under kind `document`). */
export const REPORT_DOCUMENT_KIND = 'reportDocument';

/** Wire shape of a stored report. */
export function toWireReport(report: StoredReport): Omit<StoredReport, 'internal'> {
  const { internal: _internal, ...wire } = report;
  return wire;
}
