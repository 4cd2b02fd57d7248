import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningAmazonEmulator } from '../../src/amazon/server/emulator';
import { call, sellerToken, startTestEmulator, type FakeClock } from './helpers';

let amazon: RunningAmazonEmulator;
let clock: FakeClock;
let token: string;
const US = 'ATVPDKIKX0DER';
const CONTENT_TYPE = 'application/json; charset=UTF-8';

beforeAll(async () => {
  // timeScale 1000: rates are high enough for the test and the feed lifecycle takes 90 ms of fake time.
  ({ amazon, clock } = await startTestEmulator({ timeScale: 1000 }));
  token = await sellerToken(amazon);
});
afterAll(async () => amazon.close());

async function submitFeed(
  messages: unknown[],
  header: Record<string, unknown> = {},
): Promise<string> {
  const doc = await call(amazon, token, 'POST', '/feeds/2021-06-30/documents', {
    contentType: CONTENT_TYPE,
  });
  expect(doc.status).toBe(201);
  const body = JSON.stringify({
    header: { sellerId: amazon.credentials.sellingPartnerId, version: '2.0', ...header },
    messages,
  });
  const upload = await fetch(doc.body.url, {
    method: 'PUT',
    headers: { 'content-type': CONTENT_TYPE },
    body,
  });
  expect(upload.status).toBe(200);
  const feed = await call(amazon, token, 'POST', '/feeds/2021-06-30/feeds', {
    feedType: 'JSON_LISTINGS_FEED',
    marketplaceIds: [US],
    inputFeedDocumentId: doc.body.feedDocumentId,
  });
  expect(feed.status).toBe(202);
  return feed.body.feedId;
}

async function resultReport(feedId: string) {
  const feed = await call(amazon, token, 'GET', `/feeds/2021-06-30/feeds/${feedId}`);
  const doc = await call(
    amazon,
    token,
    'GET',
    `/feeds/2021-06-30/documents/${feed.body.resultFeedDocumentId}`,
  );
  expect(doc.body.compressionAlgorithm).toBe('GZIP');
  const bytes = Buffer.from(await (await fetch(doc.body.url)).arrayBuffer());
  return { feed: feed.body, report: JSON.parse(gunzipSync(bytes).toString('utf8')) };
}

describe('Feeds', () => {
  it('rejects an upload whose content type differs from the declared one', async () => {
    const doc = await call(amazon, token, 'POST', '/feeds/2021-06-30/documents', {
      contentType: CONTENT_TYPE,
    });
    const upload = await fetch(doc.body.url, {
      method: 'PUT',
      headers: { 'content-type': 'text/plain' },
      body: '{}',
    });
    expect(upload.status).toBe(403);
    expect(await upload.text()).toContain('SignatureDoesNotMatch');
    const feed = await call(amazon, token, 'POST', '/feeds/2021-06-30/feeds', {
      feedType: 'JSON_LISTINGS_FEED',
      marketplaceIds: [US],
      inputFeedDocumentId: doc.body.feedDocumentId,
    });
    expect(feed.status).toBe(400);
  });

  it('expires the presigned upload URL after five minutes', async () => {
    const doc = await call(amazon, token, 'POST', '/feeds/2021-06-30/documents', {
      contentType: CONTENT_TYPE,
    });
    clock.advance(300_001);
    const upload = await fetch(doc.body.url, {
      method: 'PUT',
      headers: { 'content-type': CONTENT_TYPE },
      body: '{}',
    });
    expect(upload.status).toBe(403);
    expect(await upload.text()).toContain('Request has expired');
  });

  it('processes a JSON_LISTINGS_FEED through its lifecycle and reports invalid messages', async () => {
    clock.advance(60_000);
    const skus = amazon.world.catalog
      .filter((c) => c.channels.includes('MFN'))
      .slice(0, 2)
      .map((c) => c.sku);
    const feedId = await submitFeed(
      [
        {
          messageId: 1,
          sku: skus[0],
          operationType: 'PATCH',
          productType: 'HOME',
          patches: [
            {
              op: 'replace',
              path: '/attributes/fulfillment_availability',
              value: [{ fulfillment_channel_code: 'DEFAULT', quantity: 42 }],
            },
          ],
        },
        {
          messageId: 2,
          sku: skus[1],
          operationType: 'PARTIAL_UPDATE',
          productType: 'HOME',
          attributes: {
            purchasable_offer: [
              { currency: 'USD', our_price: [{ schedule: [{ value_with_tax: 9.95 }] }] },
            ],
          },
        },
        {
          messageId: 3,
          sku: skus[1],
          operationType: 'PATCH',
          productType: 'HOME',
          patches: [
            {
              op: 'replace',
              path: '/attributes/fulfillment_availability',
              value: [{ fulfillment_channel_code: 'DEFAULT', quantity: 'many' }],
            },
          ],
        },
        { messageId: 3, sku: 'DUP', operationType: 'DELETE' },
        { messageId: 5, operationType: 'PATCH', productType: 'HOME', patches: [] },
      ],
      { report: { includedData: ['fulfillmentAvailability'], apiVersion: '2021-08-01' } },
    );
    expect(
      (await call(amazon, token, 'GET', `/feeds/2021-06-30/feeds/${feedId}`)).body.processingStatus,
    ).toBe('IN_QUEUE');
    clock.advance(30);
    expect(
      (await call(amazon, token, 'GET', `/feeds/2021-06-30/feeds/${feedId}`)).body.processingStatus,
    ).toBe('IN_PROGRESS');
    expect(amazon.inspect.listing(skus[0]!)?.quantity).not.toBe(42);
    clock.advance(60);

    const { feed, report } = await resultReport(feedId);
    expect(feed.processingStatus).toBe('DONE');
    expect(feed.processingEndTime).toBeDefined();
    expect(report.header).toMatchObject({ feedId, version: '2.0' });
    expect(report.summary).toEqual({
      errors: 3,
      warnings: 0,
      messagesProcessed: 5,
      messagesAccepted: 2,
      messagesInvalid: 3,
      itemSummary: { items: 2, errors: 0, warnings: 0 },
    });
    expect(report.issues.map((i: { messageId: number }) => i.messageId)).toEqual([3, 3, 5]);
    expect(report.issues[0]).toMatchObject({
      sku: skus[1],
      code: '4000001',
      attributeName: 'fulfillment_availability',
    });
    expect(amazon.inspect.listing(skus[0]!)?.quantity).toBe(42);
    expect(amazon.inspect.listing(skus[1]!)?.price).toBe('9.95');
    expect(amazon.inspect.feeds().map((f) => f.feedId)).toContain(feedId);
  });

  it('ends FATAL for a document with the wrong seller', async () => {
    clock.advance(60_000);
    const feedId = await submitFeed([{ messageId: 1, sku: 'x', operationType: 'DELETE' }], {
      sellerId: 'ANOTHER',
    });
    clock.advance(100);
    const { feed, report } = await resultReport(feedId);
    expect(feed.processingStatus).toBe('FATAL');
    expect(report.issues[0].message).toContain('sellerId');
  });

  it('allows five JSON_LISTINGS_FEED submissions per (scaled) five minutes, cancels only queued feeds and lists feeds', async () => {
    clock.advance(600_000);
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1)
      ids.push(await submitFeed([{ messageId: 1, sku: 'x', operationType: 'DELETE' }]));

    const doc = await call(amazon, token, 'POST', '/feeds/2021-06-30/documents', {
      contentType: CONTENT_TYPE,
    });
    await fetch(doc.body.url, {
      method: 'PUT',
      headers: { 'content-type': CONTENT_TYPE },
      body: '{}',
    });
    const sixth = await call(amazon, token, 'POST', '/feeds/2021-06-30/feeds', {
      feedType: 'JSON_LISTINGS_FEED',
      marketplaceIds: [US],
      inputFeedDocumentId: doc.body.feedDocumentId,
    });
    expect(sixth.status).toBe(429);
    expect(sixth.body.errors[0].code).toBe('QuotaExceeded');
    expect(sixth.headers.get('x-amzn-ratelimit-limit')).toBeNull();

    expect((await call(amazon, token, 'DELETE', `/feeds/2021-06-30/feeds/${ids[0]}`)).status).toBe(
      200,
    );
    expect(
      (await call(amazon, token, 'GET', `/feeds/2021-06-30/feeds/${ids[0]}`)).body.processingStatus,
    ).toBe('CANCELLED');
    clock.advance(100);
    expect((await call(amazon, token, 'DELETE', `/feeds/2021-06-30/feeds/${ids[1]}`)).status).toBe(
      400,
    );

    const page = await call(
      amazon,
      token,
      'GET',
      '/feeds/2021-06-30/feeds?feedTypes=JSON_LISTINGS_FEED&pageSize=3',
    );
    expect(page.body.feeds).toHaveLength(3);
    const next = await call(
      amazon,
      token,
      'GET',
      `/feeds/2021-06-30/feeds?nextToken=${page.body.nextToken}`,
    );
    expect(next.body.feeds.length).toBeGreaterThan(0);
    const mixed = await call(
      amazon,
      token,
      'GET',
      `/feeds/2021-06-30/feeds?nextToken=${page.body.nextToken}&pageSize=3`,
    );
    expect(mixed.status).toBe(400);
    clock.advance(300);
    expect(
      (await submitFeed([{ messageId: 1, sku: 'x', operationType: 'DELETE' }])).length,
    ).toBeGreaterThan(0);
  });
});
