/**
 * Zod schemas for the Reports 2021-06-30 fields the helpers rely on; unknown fields pass
 * through (reports_2021-06-30.json `Report`, `ReportDocument`, `GetReportsResponse`).
 */
import { z } from 'zod';

/** `processingStatus` values of a report (reports_2021-06-30.json). */
export const reportProcessingStatusSchema = z.enum([
  'CANCELLED',
  'DONE',
  'FATAL',
  'IN_PROGRESS',
  'IN_QUEUE',
]);

/** A report as returned by getReport / getReports. */
export const reportSchema = z.looseObject({
  reportId: z.string(),
  reportType: z.string(),
  processingStatus: reportProcessingStatusSchema,
  createdTime: z.string(),
  marketplaceIds: z.array(z.string()).optional(),
  dataStartTime: z.string().optional(),
  dataEndTime: z.string().optional(),
  reportScheduleId: z.string().optional(),
  processingStartTime: z.string().optional(),
  processingEndTime: z.string().optional(),
  reportDocumentId: z.string().optional(),
});

/** A report (subset of fields typed; others kept). */
export type Report = z.infer<typeof reportSchema>;

/** A report document: the presigned URL (valid 5 minutes) and an optional compression hint. */
export const reportDocumentSchema = z.looseObject({
  reportDocumentId: z.string(),
  url: z.string(),
  compressionAlgorithm: z.string().optional(),
});

/** A report document. */
export type ReportDocument = z.infer<typeof reportDocumentSchema>;

/** The createReport answer. */
export const createReportResponseSchema = z.looseObject({ reportId: z.string() });

/** One getReports page. */
export const getReportsResponseSchema = z.looseObject({
  reports: z.array(reportSchema),
  nextToken: z.string().optional(),
});
