/**
 * The report and feed lifecycles the flows use, typed structurally: the SP-API client's
 * `reports` / `feeds` namespaces (sp-api-client `createReportsApi` / `createFeedsApi`) satisfy
 * them, and tests may pass their own.
 */
import type { StarterContext } from './context';
import { StarterConfigurationError } from './context';

/** Polling cadence of report and feed waits. */
export interface PollCadence {
  initialDelayMs?: number;
  maxDelayMs?: number;
  signal?: AbortSignal;
}

/** A typed-by-header report row. */
export type ReportRowLike = Readonly<Record<string, string | undefined>>;

/** What the order backfill needs from `client.reports`. */
export interface ReportsPort {
  requestReport(
    input: {
      reportType: string;
      marketplaceIds?: string[];
      dataStartTime?: string;
      dataEndTime?: string;
    },
    request?: PollCadence,
  ): AsyncIterable<ReportRowLike>;
}

/** One JSON_LISTINGS_FEED message as the flows write it. */
export interface ListingsPatchMessage {
  sku: string;
  operationType: 'PATCH';
  productType: string;
  patches: Array<{
    op: 'replace' | 'add' | 'merge' | 'delete';
    path: string;
    value?: Array<Record<string, unknown>>;
  }>;
}

/** The per-message outcome of a listings feed. */
export interface ListingsMessageResult {
  index: number;
  sku: string;
  status: 'accepted' | 'warning' | 'error';
  issues: Array<{ code?: string; severity?: string; message?: string; attributeName?: string }>;
}

/** What the inventory and pricing flows need from `client.feeds`. */
export interface FeedsPort {
  submitListingsFeed(
    input: { sellerId: string; messages: readonly ListingsPatchMessage[] },
    options?: { marketplaceIds?: string[]; poll?: PollCadence; signal?: AbortSignal },
  ): Promise<{ messages: ListingsMessageResult[] }>;
}

function namespaceOf<T>(ctx: StarterContext, name: 'reports' | 'feeds'): T {
  const value = (ctx.amazon as unknown as Record<string, unknown>)[name];

  if (value === undefined || value === null) {
    throw new StarterConfigurationError(
      `the SP-API client has no ${name} namespace`,
      `amazon.${name}`,
    );
  }

  return value as T;
}

/** The client's reports namespace. @throws StarterConfigurationError when absent. */
export function reportsOf(ctx: StarterContext): ReportsPort {
  return namespaceOf<ReportsPort>(ctx, 'reports');
}

/** The client's feeds namespace. @throws StarterConfigurationError when absent. */
export function feedsOf(ctx: StarterContext): FeedsPort {
  return namespaceOf<FeedsPort>(ctx, 'feeds');
}
