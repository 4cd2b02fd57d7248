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
export async function readListedSkus(ctx: StarterContext): Promise<ListedSku[]> {
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

    if (sku)
      listed.push({
        sku,
        isMfn: channel === 'DEFAULT' || channel === 'MERCHANT' || channel === 'MFN',
      });
  }

  return listed;
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
