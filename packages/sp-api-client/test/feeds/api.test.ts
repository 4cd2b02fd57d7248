import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

import { afterEach, describe, expect, it } from 'vitest';

import { createFeedsApi } from '../../src/feeds';
import type { ListingsFeedMessageInput } from '../../src/feeds';
import { sharedPath } from '../../../../test-support/shared';
import { fakeRequester, sendBody, sendExpired, startLoopback } from '../reports/support';
import type { LoopbackServer } from '../reports/support';

const reportExample = readFileSync(
  sharedPath('amazon/models/schemas/feeds/listings-feed-processing-report-schema-v2.example.json'),
);

const message = (sku: string): ListingsFeedMessageInput => ({ sku, operationType: 'DELETE' });
const feed = (processingStatus: string, extra: Record<string, unknown> = {}) => ({
  feedId: 'F1',
  feedType: 'JSON_LISTINGS_FEED',
  createdTime: '2026-12-01T00:00:00Z',
  processingStatus,
  ...extra,
});

let server: LoopbackServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('createFeedsApi.submitListingsFeed', () => {
  it('uploads with the declared content type, creates the feed, polls and maps issues to each message', async () => {
    server = await startLoopback({
      '/upload': (_, res) => res.writeHead(200).end(),
      '/result': (_, res) => sendBody(res, gzipSync(reportExample)),
    });
    const requester = fakeRequester({
      createFeedDocument: () => ({
        feedDocumentId: 'IN1',
        url: `${server?.url}/upload?X-Amz-Signature=s`,
      }),
      createFeed: () => ({ feedId: 'F1' }),
      getFeed: (_, count) =>
        feed(count === 0 ? 'IN_PROGRESS' : 'DONE', { resultFeedDocumentId: 'OUT1' }),
      getFeedDocument: () => ({
        feedDocumentId: 'OUT1',
        url: `${server?.url}/result`,
        compressionAlgorithm: 'GZIP',
      }),
    });
    const skus = ['My-SKU-A', 'My-SKU-X', 'My-SKU-Y', 'My-SKU-B', 'My-SKU-C'];

    const result = await createFeedsApi(requester).submitListingsFeed(
      { sellerId: 'AXXXXXXXXXXXX', messages: skus.map(message) },
      { poll: { initialDelayMs: 1 } },
    );

    const upload = server.requests.find((request) => request.path === '/upload');
    expect(upload?.method).toBe('PUT');
    expect(upload?.headers['content-type']).toBe('application/json; charset=UTF-8');
    expect(upload?.headers.authorization).toBeUndefined();
    expect(JSON.parse(upload?.body.toString('utf8') ?? '{}')).toMatchObject({
      header: { sellerId: 'AXXXXXXXXXXXX', version: '2.0' },
    });
    expect(requester.calls[0]?.request.body).toEqual({
      contentType: 'application/json; charset=UTF-8',
    });
    expect(requester.calls[1]?.request.body).toEqual({
      feedType: 'JSON_LISTINGS_FEED',
      inputFeedDocumentId: 'IN1',
      marketplaceIds: ['ATVPDKIKX0DER'],
    });

    expect(result.messages.map((item) => [item.sku, item.status, item.issues.length])).toEqual([
      ['My-SKU-A', 'accepted', 0],
      ['My-SKU-X', 'accepted', 0],
      ['My-SKU-Y', 'accepted', 0],
      ['My-SKU-B', 'error', 2],
      ['My-SKU-C', 'error', 1],
    ]);
    expect(result.messages[4]?.issues[0]).toMatchObject({
      code: '99022',
      attributeName: 'purchasable_offer.our_price',
    });
    expect(result.feeds[0]).toMatchObject({
      feedId: 'F1',
      processingStatus: 'DONE',
      summary: { messagesInvalid: 2 },
    });
  });

  it('creates a new feed document when the upload URL expired', async () => {
    server = await startLoopback({
      '/upload': (_, res, count) => (count === 0 ? sendExpired(res) : res.writeHead(200).end()),
    });
    const requester = fakeRequester({
      createFeedDocument: (_, count) => ({
        feedDocumentId: `IN${count}`,
        url: `${server?.url}/upload`,
      }),
      createFeed: () => ({ feedId: 'F1' }),
    });

    const feedId = await createFeedsApi(requester).submitFeed({
      feedType: 'JSON_LISTINGS_FEED',
      content: '{}',
      contentType: 'application/json; charset=UTF-8',
    });

    expect(feedId).toBe('F1');
    expect(requester.calls.map((call) => call.operation)).toEqual([
      'createFeedDocument',
      'createFeedDocument',
      'createFeed',
    ]);
    expect(requester.calls[2]?.request.body).toMatchObject({ inputFeedDocumentId: 'IN1' });
  });

  it('marks every message of a FATAL feed as an error carrying the result document text', async () => {
    server = await startLoopback({
      '/upload': (_, res) => res.writeHead(200).end(),
      '/result': (_, res) => sendBody(res, 'Feed processing failed: invalid JSON at line 1'),
    });
    const requester = fakeRequester({
      createFeedDocument: () => ({ feedDocumentId: 'IN1', url: `${server?.url}/upload` }),
      createFeed: () => ({ feedId: 'F1' }),
      getFeed: () => feed('FATAL', { resultFeedDocumentId: 'OUT1' }),
      getFeedDocument: () => ({ feedDocumentId: 'OUT1', url: `${server?.url}/result` }),
    });

    const result = await createFeedsApi(requester).submitListingsFeed({
      sellerId: 'A1',
      messages: [message('S1'), message('S2')],
    });

    expect(result.messages).toHaveLength(2);
    expect(result.messages[1]).toMatchObject({
      sku: 'S2',
      status: 'error',
      issues: [{ code: 'FEED_FATAL', message: 'Feed processing failed: invalid JSON at line 1' }],
    });
  });

  it('marks messages of a CANCELLED feed as errors without reading any document', async () => {
    server = await startLoopback({ '/upload': (_, res) => res.writeHead(200).end() });
    const requester = fakeRequester({
      createFeedDocument: () => ({ feedDocumentId: 'IN1', url: `${server?.url}/upload` }),
      createFeed: () => ({ feedId: 'F1' }),
      getFeed: () => feed('CANCELLED'),
    });

    const result = await createFeedsApi(requester).submitListingsFeed({
      sellerId: 'A1',
      messages: [message('S1')],
    });

    expect(result.feeds[0]).toMatchObject({ processingStatus: 'CANCELLED', messageCount: 1 });
    expect(result.messages[0]).toMatchObject({
      status: 'error',
      issues: [{ code: 'FEED_CANCELLED' }],
    });
    expect(requester.calls.map((call) => call.operation)).not.toContain('getFeedDocument');
  });
});
