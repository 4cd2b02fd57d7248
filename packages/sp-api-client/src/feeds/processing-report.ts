/**
 * The JSON_LISTINGS_FEED processing report
 * (amazon/models/schemas/feeds/listings-feed-processing-report-schema-v2.json) and its
 * translation into one result per submitted message.
 */
import { z } from 'zod';

/** One issue of the processing report. `messageId` is absent for feed-level issues. */
export const processingIssueSchema = z.looseObject({
  messageId: z.number().int().optional(),
  sku: z.string().optional(),
  code: z.string(),
  severity: z.enum(['ERROR', 'WARNING', 'INFO']),
  message: z.string(),
  attributeName: z.string().optional(),
});

/** A processing report issue. */
export type ProcessingIssue = z.infer<typeof processingIssueSchema>;

/** The processing report fields we rely on. */
export const processingReportSchema = z.looseObject({
  header: z.looseObject({ sellerId: z.string(), version: z.string(), feedId: z.string() }),
  issues: z.array(processingIssueSchema).default([]),
  summary: z.looseObject({
    errors: z.number().int(),
    warnings: z.number().int(),
    messagesProcessed: z.number().int(),
    messagesAccepted: z.number().int(),
    messagesInvalid: z.number().int(),
  }),
});

/** A parsed processing report. */
export type ProcessingReport = z.infer<typeof processingReportSchema>;

/** How one message fared: no issue, only warnings, or at least one error. */
export type MessageStatus = 'accepted' | 'warning' | 'error';

/** The result of one submitted message. */
export interface MessageResult {
  /** Index of the message in the caller's input. */
  index: number;
  sku: string;
  feedId: string;
  messageId: number;
  status: MessageStatus;
  issues: Array<Pick<ProcessingIssue, 'code' | 'severity' | 'message' | 'attributeName'>>;
}

/** Groups a report's issues by messageId and derives each message's status. */
export function toMessageResults(
  report: ProcessingReport,
  feed: { feedId: string; skus: readonly string[]; inputIndexes: readonly number[] },
): MessageResult[] {
  const byMessage = new Map<number, ProcessingIssue[]>();

  for (const issue of report.issues) {
    if (issue.messageId === undefined) continue;
    byMessage.set(issue.messageId, [...(byMessage.get(issue.messageId) ?? []), issue]);
  }

  return feed.skus.map((sku, position) => {
    const messageId = position + 1;
    const issues = byMessage.get(messageId) ?? [];

    return {
      index: feed.inputIndexes[position] ?? position,
      sku,
      feedId: feed.feedId,
      messageId,
      status: statusOf(issues),
      issues: issues.map(({ code, severity, message, attributeName }) => ({
        code,
        severity,
        message,
        attributeName,
      })),
    };
  });
}

function statusOf(issues: readonly ProcessingIssue[]): MessageStatus {
  if (issues.some((issue) => issue.severity === 'ERROR')) return 'error';
  if (issues.some((issue) => issue.severity === 'WARNING')) return 'warning';

  return 'accepted';
}

/** Marks every message of a feed that did not finish (FATAL / CANCELLED) as an error. */
export function failedMessageResults(
  feed: { feedId: string; skus: readonly string[]; inputIndexes: readonly number[] },
  code: string,
  message: string,
): MessageResult[] {
  return feed.skus.map((sku, position) => ({
    index: feed.inputIndexes[position] ?? position,
    sku,
    feedId: feed.feedId,
    messageId: position + 1,
    status: 'error',
    issues: [{ code, severity: 'ERROR', message }],
  }));
}
