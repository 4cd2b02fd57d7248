/**
 * Feeds API 2021-06-30: createFeedDocument (presigned upload), createFeed, getFeed, getFeeds,
 * cancelFeed, getFeedDocument. Presigned URLs expire after 5 minutes and feed document ids after
 * two days (https://developer-docs.amazon.com/sp-api/docs/submit-a-feed) — absolute times.
 */
import { randomUUID } from 'node:crypto';
import { AmazonApiError, quotaExceeded } from '../server/errors';
import type { UploadSlot } from '../server/documents';
import type {
  AmazonContext,
  AmazonRequest,
  AmazonResponse,
  AmazonRoute,
  StoredDocument,
} from '../server/types';
import { listParam } from '../server/params';
import type { FeedRecord } from './lifecycle';

const PRESIGNED_URL_TTL_MS = 300_000;
const FEED_DOCUMENT_TTL_MS = 2 * 86_400_000;
/** JSON_LISTINGS_FEED: 5 submissions per 5 minutes per region (changelog 2025-05-06); scaled like a rate. */
const LISTINGS_FEED_WINDOW_MS = 300_000;
const LISTINGS_FEED_MAX_IN_WINDOW = 5;
const STATUSES = new Set(['IN_QUEUE', 'IN_PROGRESS', 'DONE', 'CANCELLED', 'FATAL']);

function invalid(details = 'Invalid input'): never {
  throw new AmazonApiError(400, [{ code: 'InvalidInput', message: 'Invalid input', details }]);
}

/** Fields of the model's `Feed`; the rest of the record is internal. */
const FEED_FIELDS = [
  'feedId',
  'feedType',
  'marketplaceIds',
  'createdTime',
  'processingStatus',
  'processingStartTime',
  'processingEndTime',
  'resultFeedDocumentId',
] as const;

/** The feed as the API shows it (model `Feed`). */
export function presentFeed(feed: FeedRecord): Record<string, unknown> {
  return Object.fromEntries(
    FEED_FIELDS.filter((key) => feed[key] !== undefined).map((key) => [key, feed[key]]),
  );
}

function createFeedDocument(ctx: AmazonContext, req: AmazonRequest): AmazonResponse {
  const contentType = (req.body as { contentType?: unknown } | undefined)?.contentType;
  if (typeof contentType !== 'string' || contentType.trim() === '')
    invalid('contentType is required.');

  const feedDocumentId = `amzn1.tortuga.4.na.${randomUUID()}`;
  ctx.store.put<UploadSlot & { createdAtMs: number; sellerId: string }>(
    'uploadSlot',
    feedDocumentId,
    {
      contentType,
      uploaded: false,
      createdAtMs: ctx.clock().getTime(),
      sellerId: req.sellerId,
    },
  );
  const url = ctx.presign(`/__uploads/${encodeURIComponent(feedDocumentId)}`, PRESIGNED_URL_TTL_MS);
  return { status: 201, body: { feedDocumentId, url } };
}

function nextFeedId(ctx: AmazonContext): string {
  // Amazon's feed ids are numeric strings (sandbox example "3485934").
  return String(50_000_000_000 + ctx.store.list('feed').length + 1);
}

function createFeed(ctx: AmazonContext, req: AmazonRequest): AmazonResponse {
  const body = (req.body ?? {}) as {
    feedType?: unknown;
    marketplaceIds?: unknown;
    inputFeedDocumentId?: unknown;
    feedOptions?: unknown;
  };
  if (typeof body.feedType !== 'string' || body.feedType === '') invalid('feedType is required.');
  const marketplaceIds = body.marketplaceIds;
  if (!Array.isArray(marketplaceIds) || marketplaceIds.length < 1 || marketplaceIds.length > 25)
    invalid('marketplaceIds must hold 1 to 25 ids.');
  const slot = ctx.store.get<UploadSlot & { createdAtMs: number }>(
    'uploadSlot',
    String(body.inputFeedDocumentId),
  );
  if (!slot || !slot.uploaded)
    invalid('inputFeedDocumentId does not name an uploaded feed document.');
  if (ctx.clock().getTime() - slot.createdAtMs > FEED_DOCUMENT_TTL_MS)
    invalid('The feed document has expired.');

  const nowMs = ctx.clock().getTime();
  if (body.feedType === 'JSON_LISTINGS_FEED') {
    const windowMs = LISTINGS_FEED_WINDOW_MS / ctx.timeScale;
    const recent = ctx.store.list<FeedRecord>(
      'feed',
      (f) =>
        f.feedType === 'JSON_LISTINGS_FEED' &&
        f.sellerId === req.sellerId &&
        nowMs - f.createdAtMs < windowMs,
    );
    if (recent.length >= LISTINGS_FEED_MAX_IN_WINDOW) return quotaExceeded();
  }

  const feed: FeedRecord = {
    feedId: nextFeedId(ctx),
    feedType: body.feedType,
    marketplaceIds: marketplaceIds as string[],
    sellerId: req.sellerId,
    inputFeedDocumentId: String(body.inputFeedDocumentId),
    ...(body.feedOptions ? { feedOptions: body.feedOptions as Record<string, string> } : {}),
    createdTime: new Date(nowMs).toISOString(),
    processingStatus: 'IN_QUEUE',
    createdAtMs: nowMs,
  };
  ctx.store.put('feed', feed.feedId, feed);
  return { status: 202, body: { feedId: feed.feedId } };
}

function requireFeed(ctx: AmazonContext, req: AmazonRequest): FeedRecord {
  const feed = ctx.store.get<FeedRecord>('feed', req.params.feedId ?? '');
  if (!feed || feed.sellerId !== req.sellerId) {
    throw new AmazonApiError(404, [
      { code: 'NotFound', message: `Feed ${req.params.feedId} not found.` },
    ]);
  }
  return feed;
}

function getFeeds(ctx: AmazonContext, req: AmazonRequest): AmazonResponse {
  const token = req.query.get('nextToken');
  // "Specifying nextToken with any other parameters will cause the request to fail." (model)
  if (token !== null && [...req.query.keys()].some((k) => k !== 'nextToken'))
    invalid('nextToken must be the only parameter.');
  const params =
    token === null
      ? req.query
      : new URLSearchParams(Buffer.from(token, 'base64url').toString('utf8'));
  const feedTypes = listParam(params, 'feedTypes');
  if (feedTypes.length === 0) invalid('feedTypes or nextToken is required.');
  const statuses = listParam(params, 'processingStatuses');
  if (statuses.some((s) => !STATUSES.has(s))) invalid('Invalid processingStatuses value.');
  const pageSize = Number(params.get('pageSize') ?? '10');
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100)
    invalid('pageSize must be between 1 and 100.');
  const marketplaceIds = listParam(params, 'marketplaceIds');
  const sinceMs = params.get('createdSince') ? Date.parse(params.get('createdSince') as string) : 0;
  const untilMs = params.get('createdUntil')
    ? Date.parse(params.get('createdUntil') as string)
    : Number.POSITIVE_INFINITY;

  const feeds = ctx.store
    .list<FeedRecord>('feed', (f) => f.sellerId === req.sellerId && feedTypes.includes(f.feedType))
    .filter(
      (f) =>
        (statuses.length === 0 || statuses.includes(f.processingStatus)) &&
        (marketplaceIds.length === 0 || f.marketplaceIds.some((m) => marketplaceIds.includes(m))),
    )
    .filter((f) => f.createdAtMs >= sinceMs && f.createdAtMs <= untilMs)
    .reverse();
  const offset = Number(params.get('__offset') ?? '0');
  const body: Record<string, unknown> = {
    feeds: feeds.slice(offset, offset + pageSize).map(presentFeed),
  };
  if (offset + pageSize < feeds.length) {
    const next = new URLSearchParams(params);
    next.set('__offset', String(offset + pageSize));
    body.nextToken = Buffer.from(next.toString()).toString('base64url');
  }
  return { status: 200, body };
}

/** Feeds routes. */
export function feedRoutes(ctx: AmazonContext): AmazonRoute[] {
  return [
    {
      method: 'POST',
      path: '/feeds/2021-06-30/documents',
      operation: 'createFeedDocument',
      handle: (req) => createFeedDocument(ctx, req),
    },
    {
      method: 'POST',
      path: '/feeds/2021-06-30/feeds',
      operation: 'createFeed',
      handle: (req) => createFeed(ctx, req),
    },
    {
      method: 'GET',
      path: '/feeds/2021-06-30/feeds',
      operation: 'getFeeds',
      handle: (req) => getFeeds(ctx, req),
    },
    {
      method: 'GET',
      path: '/feeds/2021-06-30/feeds/{feedId}',
      operation: 'getFeed',
      handle: (req) => ({ status: 200, body: presentFeed(requireFeed(ctx, req)) }),
    },
    {
      method: 'DELETE',
      path: '/feeds/2021-06-30/feeds/{feedId}',
      operation: 'cancelFeed',
      handle(req) {
        const feed = requireFeed(ctx, req);
        // Only IN_QUEUE feeds can be cancelled (model cancelFeed).
        if (feed.processingStatus !== 'IN_QUEUE')
          invalid(`Feed ${feed.feedId} is ${feed.processingStatus} and cannot be cancelled.`);
        ctx.store.put<FeedRecord>('feed', feed.feedId, { ...feed, processingStatus: 'CANCELLED' });
        return { status: 200 };
      },
    },
    {
      method: 'GET',
      path: '/feeds/2021-06-30/documents/{feedDocumentId}',
      operation: 'getFeedDocument',
      handle(req) {
        const id = req.params.feedDocumentId ?? '';
        const doc = ctx.store.get<StoredDocument>('document', id);
        if (!doc)
          throw new AmazonApiError(404, [
            { code: 'NotFound', message: `Feed document ${id} not found.` },
          ]);
        const encoding =
          req.query.get('enableContentEncodingUrlHeader') === 'true' && doc.compressed
            ? '?contentEncoding=gzip'
            : '';
        const url = ctx.presign(
          `/__documents/${encodeURIComponent(id)}${encoding}`,
          PRESIGNED_URL_TTL_MS,
        );
        return {
          status: 200,
          body: {
            feedDocumentId: id,
            url,
            ...(doc.compressed ? { compressionAlgorithm: 'GZIP' } : {}),
          },
        };
      },
    },
  ];
}
