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

interface PatchResponse {
  status?: string;
  issues?: ListingsMessageResult['issues'];
}

/**
 * Sends one patch. @throws ListingRejectedError when Amazon answers INVALID or with an ERROR issue.
 */
export async function patchListing(
  ctx: StarterContext,
  message: ListingsPatchMessage,
  summary: string,
): Promise<void> {
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

  if (!result.sent) return;

  const issues = result.value.body.issues ?? [];

  if (
    result.value.body.status !== 'ACCEPTED' ||
    issues.some((issue) => issue.severity === 'ERROR')
  ) {
    throw new ListingRejectedError(message.sku, issues);
  }
}

/** Submits messages as JSON_LISTINGS_FEED(s); results by SKU (empty in a dry run). */
export async function submitListingsFeed(
  ctx: StarterContext,
  messages: readonly ListingsPatchMessage[],
  summary: string,
): Promise<Map<string, ListingsMessageResult>> {
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

  return result.sent
    ? new Map(result.value.messages.map((message) => [message.sku, message]))
    : new Map();
}

/** Throws the per-SKU error of a feed result. @throws ListingRejectedError */
export function assertAccepted(sku: string, result: ListingsMessageResult | undefined): void {
  if (result && result.status === 'error') {
    throw new ListingRejectedError(sku, result.issues);
  }
}
