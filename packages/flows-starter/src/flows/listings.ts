/**
 * Listings writes shared by the inventory and pricing flows: `patchListingsItem` for small sets,
 * one `JSON_LISTINGS_FEED` above a threshold (amazon-sp-api.md §2.9), processing-report issues
 * kept per SKU.
 */
import type { ListingsMessageResult, ListingsPatchMessage } from './amazon-ports';
import { feedsOf, reportsOf } from './amazon-ports';
import type { StarterContext } from './context';
import { sellerIdOf } from './context';

/** Merchant listings report: every listing with its fulfillment channel (`DEFAULT` = MFN). */
export const MERCHANT_LISTINGS_REPORT = 'GET_MERCHANT_LISTINGS_ALL_DATA';

/** One listed SKU. */
export interface ListedSku {
  sku: string;
  isMfn: boolean;
}

/** A listings patch or feed message rejected by Amazon, with its issues (no buyer data). */
export class ListingRejectedError extends Error {
  readonly retryable = false;

  constructor(
    readonly sku: string,
    readonly issues: ListingsMessageResult['issues'],
  ) {
    super(
      `Amazon rejected the listing update of SKU ${JSON.stringify(sku)}: ${issues.map((issue) => `${issue.code ?? '?'} ${issue.message ?? ''}`.trim()).join('; ') || 'no issue given'}`,
    );
    this.name = 'ListingRejectedError';
  }
}

/** The seller's listings from the merchant listings report. */
async function listedSkusFromReport(ctx: StarterContext): Promise<ListedSku[]> {
  const listed: ListedSku[] = [];
  const input = {
    reportType: MERCHANT_LISTINGS_REPORT,
    marketplaceIds: ctx.settings.marketplaceIds,
  };

  for await (const row of reportsOf(ctx).requestReport(input, {
    ...ctx.settings.polling,
    signal: ctx.signal,
  })) {
    const sku = row['seller-sku']?.trim();
    const channel = (row['fulfillment-channel'] ?? 'DEFAULT').trim().toUpperCase();

    if (sku) listed.push({ sku, isMfn: channel === 'DEFAULT' });
  }

  return listed;
}

interface SearchListingsBody {
  items?: Array<{
    sku?: string;
    fulfillmentAvailability?: Array<{ fulfillmentChannelCode?: string }>;
  }>;
  pagination?: { nextToken?: string };
}

/** Most listings per `searchListingsItems` page (listingsItems_2021-08-01.json `pageSize`). */
const SEARCH_PAGE_SIZE = 20;

/** The seller's listings from `searchListingsItems` (MFN = a `DEFAULT` fulfillment channel). */
async function listedSkusFromApi(ctx: StarterContext): Promise<ListedSku[]> {
  const listed = new Map<string, ListedSku>();

  for (const marketplaceId of ctx.settings.marketplaceIds) {
    let pageToken: string | undefined;

    do {
      const query = {
        marketplaceIds: [marketplaceId],
        includedData: ['summaries', 'fulfillmentAvailability'],
        pageSize: SEARCH_PAGE_SIZE,
        pageToken,
      };
      const response = await ctx.amazon.call<SearchListingsBody>('searchListingsItems', {
        path: { sellerId: sellerIdOf(ctx) },
        query,
        signal: ctx.signal,
      });

      for (const item of response.body.items ?? []) {
        const isMfn = (item.fulfillmentAvailability ?? []).some(
          (entry) => entry.fulfillmentChannelCode === 'DEFAULT',
        );

        if (item.sku)
          listed.set(item.sku, {
            sku: item.sku,
            isMfn: isMfn || listed.get(item.sku)?.isMfn === true,
          });
      }

      pageToken = response.body.pagination?.nextToken || undefined;
    } while (pageToken !== undefined);
  }

  return [...listed.values()];
}

/** The seller's listings, from the API or the merchant listings report (setting `listingsSource`). */
export function readListedSkus(ctx: StarterContext): Promise<ListedSku[]> {
  return ctx.settings.listingsSource === 'report'
    ? listedSkusFromReport(ctx)
    : listedSkusFromApi(ctx);
}

/**
 * A SKU's part of a listings feed: only recorded (the write gate did not send the feed), or sent,
 * with Amazon's result for the SKU (null when the processing report has no line for it).
 */
export type FeedPart = { sent: false } | { sent: true; result: ListingsMessageResult | null };

/**
 * How a handler counts a listing write that was recorded, not sent: as the engine counts a dry
 * run's writes (the outcome it would have had; the intent is in the summary's `writes`).
 */
export const RECORDED_NOT_SENT = { outcome: 'updated', note: 'recorded, not sent' } as const;

// Records whose write Amazon accepted. A WeakSet, not a field, so nothing leaks into the stored
// record of an error, and a record never handled is simply absent.
const acceptedRecords = new WeakSet<object>();

/** Counts a record whose write Amazon accepted and remembers it for {@link pushedAfter}. */
export function acceptedWrite(record: object): 'updated' {
  acceptedRecords.add(record);

  return 'updated';
}

/**
 * The "last pushed" values after a page was handled: the values of the records whose write
 * Amazon accepted replace the old ones; failed, rejected and recorded-only writes leave them.
 */
export function pushedAfter<TValue, TRecord extends object>(
  pushed: Readonly<Record<string, TValue>>,
  records: readonly TRecord[],
  entryOf: (record: TRecord) => [key: string, value: TValue],
): Record<string, TValue> {
  const next = { ...pushed };

  for (const record of records) {
    if (!acceptedRecords.has(record)) continue;

    const [key, value] = entryOf(record);
    next[key] = value;
  }

  return next;
}

interface PatchResponse {
  status?: string;
  issues?: ListingsMessageResult['issues'];
}

/**
 * Sends one patch; resolves to true when it was sent (and accepted), false when the write gate
 * only recorded it (dry run, or Amazon writes not sent in a sandbox).
 * @throws ListingRejectedError when Amazon answers INVALID or with an ERROR issue.
 */
export async function patchListing(
  ctx: StarterContext,
  message: ListingsPatchMessage,
  summary: string,
): Promise<boolean> {
  const intent = {
    target: 'amazon' as const,
    action: 'patchListingsItem',
    recordType: 'listing',
    externalId: undefined,
    summary,
  };
  const result = await ctx.write(intent, () =>
    ctx.amazon.call<PatchResponse>('patchListingsItem', {
      path: { sellerId: sellerIdOf(ctx), sku: message.sku },
      query: { marketplaceIds: ctx.settings.marketplaceIds },
      body: { productType: message.productType, patches: message.patches },
      signal: ctx.signal,
    }),
  );

  if (!result.sent) return false;

  const issues = result.value.body.issues ?? [];

  if (
    result.value.body.status !== 'ACCEPTED' ||
    issues.some((issue) => issue.severity === 'ERROR')
  ) {
    throw new ListingRejectedError(message.sku, issues);
  }

  return true;
}

/**
 * Writes above `threshold` go in one listings feed (submitted here), each record carrying its
 * part of the outcome; at or below it the records are returned as they are, for patches.
 */
export async function feedAboveThreshold<T extends { sku: string; feed?: FeedPart }>(
  ctx: StarterContext,
  updates: T[],
  options: { threshold: number; toMessage: (update: T) => ListingsPatchMessage; summary: string },
): Promise<T[]> {
  if (updates.length <= options.threshold) return updates;

  const parts = await submitListingsFeed(ctx, updates.map(options.toMessage), options.summary);

  return updates.map((update) => ({ ...update, feed: parts.get(update.sku) ?? { sent: false } }));
}

/** Submits messages as JSON_LISTINGS_FEED(s); each message's part by SKU. */
export async function submitListingsFeed(
  ctx: StarterContext,
  messages: readonly ListingsPatchMessage[],
  summary: string,
): Promise<Map<string, FeedPart>> {
  const intent = {
    target: 'amazon' as const,
    action: 'submitFeed',
    recordType: 'JSON_LISTINGS_FEED',
    summary,
  };
  const result = await ctx.write(intent, () =>
    feedsOf(ctx).submitListingsFeed(
      { sellerId: sellerIdOf(ctx), messages },
      {
        marketplaceIds: ctx.settings.marketplaceIds,
        poll: ctx.settings.polling,
        signal: ctx.signal,
      },
    ),
  );

  if (!result.sent) return new Map(messages.map((message) => [message.sku, { sent: false }]));

  const results = new Map(result.value.messages.map((message) => [message.sku, message]));

  return new Map(
    messages.map((message) => [
      message.sku,
      { sent: true, result: results.get(message.sku) ?? null },
    ]),
  );
}

/**
 * Whether a SKU's feed part was sent (true) or only recorded (false).
 * @throws ListingRejectedError when Amazon reported an error for the SKU.
 */
export function settleFeedPart(sku: string, part: FeedPart): boolean {
  if (part.sent && part.result?.status === 'error') {
    throw new ListingRejectedError(sku, part.result.issues);
  }

  return part.sent;
}
