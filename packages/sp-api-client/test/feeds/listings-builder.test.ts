import { readFileSync } from 'node:fs';

import { InvalidInputError } from '@sellerbridge/http-core';
import { describe, expect, it } from 'vitest';

import { buildListingsFeeds, listingsFeedDocumentSchema } from '../../src/feeds';
import type { ListingsFeedMessageInput } from '../../src/feeds';
import { sharedPath } from '../../../../test-support/shared';

const example = JSON.parse(
  readFileSync(
    sharedPath('amazon/models/schemas/feeds/listings-feed-schema-v2.example.json'),
    'utf8',
  ),
) as {
  header: { sellerId: string };
  messages: Array<ListingsFeedMessageInput & { messageId?: number }>;
};

const patch = (sku: string): ListingsFeedMessageInput => ({
  sku,
  operationType: 'PATCH',
  productType: 'PRODUCT',
  patches: [
    {
      op: 'replace',
      path: '/attributes/fulfillment_availability',
      value: [{ fulfillment_channel_code: 'DEFAULT', quantity: 3 }],
    },
  ],
});

describe(buildListingsFeeds.name, () => {
  it("accepts Amazon's example feed and rebuilds it with the same messages", () => {
    expect(listingsFeedDocumentSchema.safeParse(example).success).toBe(true);
    const messages = example.messages.map(({ messageId: _ignored, ...message }) => message);

    const [feed, ...rest] = buildListingsFeeds({ sellerId: example.header.sellerId, messages });

    expect(rest).toHaveLength(0);
    expect(feed?.document).toEqual({
      header: { sellerId: example.header.sellerId, version: '2.0' },
      messages: example.messages,
    });
  });

  it('splits at 25,000 messages with message ids restarting at 1', () => {
    const messages = Array.from({ length: 25_001 }, (_, index) => patch(`SKU-${index}`));

    const feeds = buildListingsFeeds({ sellerId: 'A1', messages });

    expect(feeds.map((feed) => feed.document.messages.length)).toEqual([25_000, 1]);
    expect(feeds[1]?.document.messages[0]).toMatchObject({ messageId: 1, sku: 'SKU-25000' });
    expect(feeds[1]?.inputIndexes).toEqual([25_000]);
  });

  it('splits by serialized size so no feed exceeds the byte limit', () => {
    const messages = Array.from({ length: 50 }, (_, index) => patch(`SKU-${index}`));
    const maxBytesPerFeed = 2_000;

    const feeds = buildListingsFeeds({ sellerId: 'A1', messages, maxBytesPerFeed });

    expect(feeds.length).toBeGreaterThan(1);
    for (const feed of feeds)
      expect(Buffer.byteLength(JSON.stringify(feed.document))).toBeLessThanOrEqual(maxBytesPerFeed);
    expect(feeds.flatMap((feed) => feed.inputIndexes)).toEqual(messages.map((_, index) => index));
  });

  it.each([
    [
      'PATCH without patches',
      { sku: 'S', operationType: 'PATCH', productType: 'P' },
      'messages[0].patches',
    ],
    [
      'UPDATE with patches',
      { ...patch('S'), operationType: 'UPDATE', attributes: { a: [1] } },
      'messages[0].patches',
    ],
    [
      'DELETE with a productType',
      { sku: 'S', operationType: 'DELETE', productType: 'P' },
      'messages[0].productType',
    ],
    ['an empty sku', { ...patch(''), sku: '' }, 'messages[0].sku'],
    [
      'an unknown patch op',
      { ...patch('S'), patches: [{ op: 'move', path: '/attributes/x' }] },
      'messages[0].patches.0.op',
    ],
    [
      'PARTIAL_UPDATE with requirements',
      {
        sku: 'S',
        operationType: 'PARTIAL_UPDATE',
        productType: 'P',
        requirements: 'LISTING',
        attributes: { a: [] },
      },
      'messages[0].requirements',
    ],
  ])('rejects %s naming the field', (_, message, errorPath) => {
    const attempt = () =>
      buildListingsFeeds({ sellerId: 'A1', messages: [message as ListingsFeedMessageInput] });

    expect(attempt).toThrow(InvalidInputError);
    try {
      attempt();
    } catch (error) {
      expect((error as InvalidInputError).errorPath).toBe(errorPath);
    }
  });

  it('rejects a single message larger than the byte limit', () => {
    const attempt = () =>
      buildListingsFeeds({
        sellerId: 'A1',
        messages: [patch('S'.repeat(500))],
        maxBytesPerFeed: 300,
      });

    expect(attempt).toThrow(/alone exceeds 300 bytes/);
  });
});
