import { invalidInput } from '../server/errors';
import type { AmazonContext } from '../server/types';
import { REPORT_KIND, toWireReport, type StoredReport } from './types';

const DAY_MS = 86_400_000;
/** getReports: pageSize 1..100, default 10; reports are listed for 90 days (reports_2021-06-30.json). */
const DEFAULT_PAGE_SIZE = 10;
const MAX_PAGE_SIZE = 100;
const RETENTION_MS = 90 * DAY_MS;

interface ListQuery {
  reportTypes: string[];
  processingStatuses: string[];
  marketplaceIds: string[];
  pageSize: number;
  createdSinceMs: number;
  createdUntilMs: number;
  offset: number;
}

function csv(query: URLSearchParams, name: string): string[] {
  return query
    .getAll(name)
    .flatMap((value) => value.split(','))
    .filter((value) => value !== '');
}

function parseQuery(ctx: AmazonContext, query: URLSearchParams): ListQuery {
  const token = query.get('nextToken');
  if (token) {
    // With a nextToken Amazon ignores every other parameter.
    try {
      return JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as ListQuery;
    } catch {
      invalidInput('Invalid nextToken.');
    }
  }

  const reportTypes = csv(query, 'reportTypes');
  if (reportTypes.length === 0) invalidInput('reportTypes or nextToken is required.');
  if (reportTypes.length > 10) invalidInput('reportTypes must contain 1 to 10 report types.');

  const pageSize = Number(query.get('pageSize') ?? DEFAULT_PAGE_SIZE);
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE)
    invalidInput('pageSize must be an integer between 1 and 100.');

  const nowMs = ctx.clock().getTime();
  const since = query.get('createdSince');
  const until = query.get('createdUntil');
  const createdSinceMs = since ? Date.parse(since) : nowMs - RETENTION_MS;
  const createdUntilMs = until ? Date.parse(until) : nowMs;
  if (Number.isNaN(createdSinceMs) || Number.isNaN(createdUntilMs))
    invalidInput('createdSince and createdUntil must be ISO 8601 date-times.');

  return {
    reportTypes,
    processingStatuses: csv(query, 'processingStatuses'),
    marketplaceIds: csv(query, 'marketplaceIds'),
    pageSize,
    createdSinceMs,
    createdUntilMs,
    offset: 0,
  };
}

function matches(report: StoredReport, q: ListQuery): boolean {
  const createdMs = Date.parse(report.createdTime);
  if (!q.reportTypes.includes(report.reportType)) return false;
  if (q.processingStatuses.length > 0 && !q.processingStatuses.includes(report.processingStatus))
    return false;
  if (createdMs < q.createdSinceMs || createdMs > q.createdUntilMs) return false;

  // Settlement reports ignore the marketplace filter (https://github.com/amzn/selling-partner-api-models/issues/2911).
  if (report.internal.settlementId || q.marketplaceIds.length === 0) return true;
  return report.marketplaceIds.some((id) => q.marketplaceIds.includes(id));
}

/** getReports: newest first, paged with an opaque nextToken. */
export function listReports(
  ctx: AmazonContext,
  query: URLSearchParams,
): { reports: unknown[]; nextToken?: string } {
  const q = parseQuery(ctx, query);
  const all = ctx.store
    .list<StoredReport>(REPORT_KIND, (report) => matches(report, q))
    .sort((a, b) => (a.createdTime < b.createdTime ? 1 : a.createdTime > b.createdTime ? -1 : 0));

  const page = all.slice(q.offset, q.offset + q.pageSize).map(toWireReport);
  if (q.offset + q.pageSize >= all.length) return { reports: page };

  const next: ListQuery = { ...q, offset: q.offset + q.pageSize };
  return { reports: page, nextToken: Buffer.from(JSON.stringify(next)).toString('base64url') };
}
