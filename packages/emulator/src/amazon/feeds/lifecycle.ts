/**
 * Feed lifecycle IN_QUEUE → IN_PROGRESS → DONE (or FATAL/CANCELLED), advanced by the server's
 * tick from the creation time and the (scaled) durations; on completion the document is
 * processed, the result document stored gzip-compressed, and FEED_PROCESSING_FINISHED published
 * (https://developer-docs.amazon.com/sp-api/docs/feeds-api-v2021-06-30-reference).
 */
import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { AmazonContext, StoredDocument } from '../server/types';
import { FatalFeedError, processListingsFeed } from './processor';

/** A feed as stored. */
export interface FeedRecord {
  feedId: string;
  feedType: string;
  marketplaceIds: string[];
  sellerId: string;
  inputFeedDocumentId: string;
  feedOptions?: Record<string, string>;
  createdTime: string;
  processingStatus: 'IN_QUEUE' | 'IN_PROGRESS' | 'DONE' | 'CANCELLED' | 'FATAL';
  processingStartTime?: string;
  processingEndTime?: string;
  resultFeedDocumentId?: string;
  createdAtMs: number;
}

/** Unscaled durations: queue wait and processing time of a feed. */
export const FEED_QUEUE_MS = 30_000;
export const FEED_PROCESSING_MS = 60_000;

/** Feed types the XML/flat-file listings removal (2025-07-31) turned FATAL. */
export const REMOVED_FEED_TYPES = new Set([
  'POST_PRODUCT_DATA',
  'POST_INVENTORY_AVAILABILITY_DATA',
  'POST_PRODUCT_OVERRIDES_DATA',
  'POST_PRODUCT_PRICING_DATA',
  'POST_PRODUCT_IMAGE_DATA',
  'POST_PRODUCT_RELATIONSHIP_DATA',
  'POST_FLAT_FILE_INVLOADER_DATA',
  'POST_FLAT_FILE_BOOKLOADER_DATA',
  'POST_FLAT_FILE_CONVERGENCE_LISTINGS_DATA',
  'POST_FLAT_FILE_LISTINGS_DATA',
  'POST_FLAT_FILE_PRICEANDQUANTITYONLY_UPDATE_DATA',
  'POST_UIEE_BOOKLOADER_DATA',
]);

function storeResult(ctx: AmazonContext, body: unknown): string {
  const id = `amzn1.tortuga.4.na.${randomUUID()}`;
  const gzipped = gzipSync(Buffer.from(JSON.stringify(body)));
  ctx.store.put<StoredDocument>('document', id, {
    contentType: 'application/json',
    charset: 'UTF-8',
    compressed: true,
    body: gzipped.toString('base64'),
  });
  return id;
}

function finish(ctx: AmazonContext, feed: FeedRecord): FeedRecord {
  const input = ctx.store.get<StoredDocument>('document', feed.inputFeedDocumentId);
  const text = input ? Buffer.from(input.body, 'base64').toString('utf8') : '';
  let status: FeedRecord['processingStatus'] = 'DONE';
  let result: unknown;
  try {
    if (REMOVED_FEED_TYPES.has(feed.feedType)) {
      throw new FatalFeedError(`Feed type ${feed.feedType} is no longer supported.`);
    }
    if (feed.feedType !== 'JSON_LISTINGS_FEED') {
      throw new FatalFeedError(`Feed type ${feed.feedType} is not processed by the emulator.`);
    }
    result = processListingsFeed(
      ctx,
      { feedId: feed.feedId, sellerId: feed.sellerId, marketplaceId: feed.marketplaceIds[0] ?? '' },
      text,
    );
  } catch (error) {
    if (!(error instanceof FatalFeedError)) throw error;
    status = 'FATAL';
    result = {
      header: { sellerId: feed.sellerId, version: '2.0', feedId: feed.feedId },
      issues: [{ messageId: 0, code: '100000', severity: 'ERROR', message: error.message }],
      summary: {
        errors: 1,
        warnings: 0,
        messagesProcessed: 0,
        messagesAccepted: 0,
        messagesInvalid: 0,
      },
    };
  }
  return { ...feed, processingStatus: status, resultFeedDocumentId: storeResult(ctx, result) };
}

/** Moves every feed whose (scaled) time has come; publishes FEED_PROCESSING_FINISHED. */
export function advanceFeeds(ctx: AmazonContext): void {
  const nowMs = ctx.clock().getTime();
  const startAfterMs = FEED_QUEUE_MS / ctx.timeScale;
  const doneAfterMs = startAfterMs + FEED_PROCESSING_MS / ctx.timeScale;
  const open = ctx.store.list<FeedRecord>(
    'feed',
    (f) => f.processingStatus === 'IN_QUEUE' || f.processingStatus === 'IN_PROGRESS',
  );

  for (let feed of open) {
    const ageMs = nowMs - feed.createdAtMs;
    if (feed.processingStatus === 'IN_QUEUE' && ageMs >= startAfterMs) {
      feed = {
        ...feed,
        processingStatus: 'IN_PROGRESS',
        processingStartTime: new Date(feed.createdAtMs + startAfterMs).toISOString(),
      };
    }
    if (feed.processingStatus === 'IN_PROGRESS' && ageMs >= doneAfterMs) {
      feed = {
        ...finish(ctx, feed),
        processingEndTime: new Date(feed.createdAtMs + doneAfterMs).toISOString(),
      };
      ctx.publish({
        type: 'FEED_PROCESSING_FINISHED',
        payload: {
          feedProcessingFinishedNotification: {
            sellerId: feed.sellerId,
            accountId: `amzn1.merchant.o.${feed.sellerId}`,
            feedId: feed.feedId,
            feedType: feed.feedType,
            processingStatus: feed.processingStatus,
            resultFeedDocumentId: feed.resultFeedDocumentId,
          },
        },
      });
    }
    ctx.store.put('feed', feed.feedId, feed);
  }
}
