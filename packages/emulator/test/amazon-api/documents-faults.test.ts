import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningAmazonEmulator } from '../../src/amazon/server/emulator';
import { call, sellerToken, startTestEmulator, type FakeClock } from './helpers';

let amazon: RunningAmazonEmulator;
let clock: FakeClock;
afterEach(async () => amazon.close());

const CONTENT_TYPE = 'application/json; charset=UTF-8';

/** Submits a one-message feed and returns the getFeedDocument answer for its gzip result. */
async function resultDocument(
  token: string,
  query = '',
): Promise<{ url: string; compressionAlgorithm?: string }> {
  const doc = await call(amazon, token, 'POST', '/feeds/2021-06-30/documents', {
    contentType: CONTENT_TYPE,
  });
  const body = JSON.stringify({
    header: { sellerId: amazon.credentials.sellingPartnerId, version: '2.0' },
    messages: [{ messageId: 1, sku: 'none', operationType: 'DELETE' }],
  });
  await fetch(doc.body.url, { method: 'PUT', headers: { 'content-type': CONTENT_TYPE }, body });
  const feed = await call(amazon, token, 'POST', '/feeds/2021-06-30/feeds', {
    feedType: 'JSON_LISTINGS_FEED',
    marketplaceIds: ['ATVPDKIKX0DER'],
    inputFeedDocumentId: doc.body.feedDocumentId,
  });
  clock.advance(1000);
  const done = await call(amazon, token, 'GET', `/feeds/2021-06-30/feeds/${feed.body.feedId}`);
  return (
    await call(
      amazon,
      token,
      'GET',
      `/feeds/2021-06-30/documents/${done.body.resultFeedDocumentId}${query}`,
    )
  ).body;
}

describe('presigned document downloads', () => {
  it('serves gzip bytes with the charset in Content-Type and expires after five minutes', async () => {
    ({ amazon, clock } = await startTestEmulator({ timeScale: 1000 }));
    const token = await sellerToken(amazon);
    const doc = await resultDocument(token);
    expect(doc.compressionAlgorithm).toBe('GZIP');

    const res = await fetch(doc.url);
    expect(res.headers.get('content-type')).toBe('application/json; charset=UTF-8');
    expect(res.headers.get('content-encoding')).toBeNull();
    const report = JSON.parse(gunzipSync(Buffer.from(await res.arrayBuffer())).toString('utf8'));
    expect(report.summary.messagesProcessed).toBe(1);

    const tampered = await fetch(doc.url.replace(/X-Amz-Expires=\d+/, 'X-Amz-Expires=999999'));
    expect(tampered.status).toBe(403);
    clock.advance(300_000);
    const expired = await fetch(doc.url);
    expect(expired.status).toBe(403);
    expect(await expired.text()).toContain('<Code>AccessDenied</Code>');
  });

  it('sends Content-Encoding: gzip when asked for and truncates a download on a fault', async () => {
    ({ amazon, clock } = await startTestEmulator({ timeScale: 1000 }));
    const token = await sellerToken(amazon);
    const encoded = await resultDocument(token, '?enableContentEncodingUrlHeader=true');
    const res = await fetch(encoded.url);
    expect(res.headers.get('content-encoding')).toBe('gzip');
    // fetch decompresses transparently: the JSON arrives as text.
    expect(JSON.parse(await res.text()).header.version).toBe('2.0');

    const plain = await resultDocument(token);
    amazon.inspect.injectFault({ kind: 'truncateDownload' });
    const cut = await fetch(plain.url);
    const declared = Number(cut.headers.get('content-length'));
    await expect(cut.arrayBuffer()).rejects.toThrow();
    expect(declared).toBeGreaterThan(0);
    expect((await fetch(plain.url)).status).toBe(200);
  });
});

describe('fault injection', () => {
  const rdtBody = { restrictedResources: [{ method: 'GET', path: '/orders/v0/orders' }] };
  const rdt = (token: string) =>
    call(amazon, token, 'POST', '/tokens/2021-03-01/restrictedDataToken', rdtBody);

  it('injects queued 429, 500, 503 and reset faults for one operation', async () => {
    ({ amazon, clock } = await startTestEmulator());
    const token = await sellerToken(amazon);
    amazon.inspect.injectFault({ kind: 'throttle', operation: 'createRestrictedDataToken' }, 2);
    amazon.inspect.injectFault({ kind: 'internalError', operation: 'createRestrictedDataToken' });
    amazon.inspect.injectFault({
      kind: 'serviceUnavailable',
      operation: 'createRestrictedDataToken',
    });

    expect((await rdt(token)).status).toBe(429);
    expect((await rdt(token)).body.errors[0].code).toBe('QuotaExceeded');
    expect((await rdt(token)).body).toEqual({
      errors: [
        { code: 'InternalFailure', message: 'We encountered an internal error. Please try again.' },
      ],
    });
    expect((await rdt(token)).status).toBe(503);
    expect((await rdt(token)).status).toBe(200);

    amazon.inspect.injectFault({ kind: 'reset' });
    await expect(rdt(token)).rejects.toThrow();
    expect((await rdt(token)).status).toBe(200);
  });

  it('applies random faults by rate only to the listed operations, and slows responses', async () => {
    ({ amazon, clock } = await startTestEmulator({
      faults: { serviceUnavailableRate: 1, operations: ['getOrder'] },
    }));
    const token = await sellerToken(amazon);
    expect((await rdt(token)).status).toBe(200);
    const order = amazon.world.orders[0]!;
    expect(
      (await call(amazon, token, 'GET', `/orders/2026-01-01/orders/${order.orderId}`)).status,
    ).toBe(503);
    await amazon.close();

    ({ amazon, clock } = await startTestEmulator({
      faults: { slowRate: 1, slowDelayMs: 4000 },
      timeScale: 20,
    }));
    const slowToken = await sellerToken(amazon);
    const started = Date.now();
    expect((await rdt(slowToken)).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
  });
});

describe('429 bursts', () => {
  it('throttles the next `length` requests after every `every` requests', async () => {
    ({ amazon, clock } = await startTestEmulator({
      faults: { throttleBurst: { every: 2, length: 3 }, operations: ['createRestrictedDataToken'] },
    }));
    const token = await sellerToken(amazon);
    const body = { restrictedResources: [{ method: 'GET', path: '/orders/v0/orders' }] };
    const statuses: number[] = [];
    for (let i = 0; i < 7; i += 1) {
      statuses.push(
        (await call(amazon, token, 'POST', '/tokens/2021-03-01/restrictedDataToken', body)).status,
      );
    }
    expect(statuses).toEqual([200, 200, 429, 429, 429, 200, 200]);
  });
});

describe('living world', () => {
  it('adds new orders and status changes when the world advances', async () => {
    ({ amazon, clock } = await startTestEmulator({ timeScale: 100_000 }));
    const token = await sellerToken(amazon);
    const before = (
      await call(
        amazon,
        token,
        'GET',
        '/orders/2026-01-01/orders?createdAfter=2020-01-01T00:00:00Z',
      )
    ).body.orders.length;
    const changes = amazon.inspect.advanceWorld(3_600_000);
    expect(changes.filter((c) => c.type === 'ORDER_CREATED').length).toBeGreaterThan(0);
    clock.advance(3_600_000);
    const fresh = await sellerToken(amazon);
    const after = (
      await call(
        amazon,
        fresh,
        'GET',
        '/orders/2026-01-01/orders?createdAfter=2020-01-01T00:00:00Z',
      )
    ).body.orders.length;
    expect(after - before).toBe(changes.filter((c) => c.type === 'ORDER_CREATED').length);
  });

  it('hides orders younger than two minutes, as Amazon data lags', async () => {
    ({ amazon, clock } = await startTestEmulator({ timeScale: 100_000 }));
    const created = amazon.inspect
      .advanceWorld(3_600_000)
      .filter((c) => c.type === 'ORDER_CREATED');
    const newest = created[created.length - 1]!;
    clock.set(new Date(Date.parse(newest.at) + 60_000).toISOString());
    const token = await sellerToken(amazon);
    const visible = await call(
      amazon,
      token,
      'GET',
      '/orders/2026-01-01/orders?createdAfter=2026-11-30T12:00:00Z',
    );
    const ids = visible.body.orders.map((o: { orderId: string }) => o.orderId);
    expect(ids).not.toContain(newest.orderId);
    expect(ids).toContain(created[0]!.orderId);
    clock.advance(61_000);
    const later = await call(
      amazon,
      token,
      'GET',
      '/orders/2026-01-01/orders?createdAfter=2026-11-30T12:00:00Z',
    );
    expect(later.body.orders.map((o: { orderId: string }) => o.orderId)).toContain(newest.orderId);
  });
});
