/**
 * Builds JSON_LISTINGS_FEED documents from messages, validated against the v2 schema and split
 * so each feed stays within Amazon's limits: 25,000 messages per feed
 * (https://developer-docs.amazon.com/sp-api/changelog/update-feed-size-and-rate-limit-changes-for-the-json_listings_feed)
 * and 10 MiB per file (https://developer-docs.amazon.com/sp-api/docs/feeds-api-best-practices).
 */
import { InvalidInputError } from '@sellerbridge/http-core';

import { listingsFeedHeaderSchema, listingsFeedMessageSchema } from './listings-schema';
import type {
  ListingsFeedDocument,
  ListingsFeedHeader,
  ListingsFeedMessage,
  ListingsFeedMessageInput,
} from './listings-schema';

/** Messages per JSON_LISTINGS_FEED (raised from 10,000 in May 2025). */
export const MAX_LISTINGS_FEED_MESSAGES = 25_000;

/** Recommended largest feed file: 10 MiB (10,485,760 bytes). */
export const MAX_FEED_BYTES = 10 * 1024 * 1024;

/** Input of {@link buildListingsFeeds}. */
export interface ListingsFeedInput {
  sellerId: string;
  issueLocale?: string;
  report?: ListingsFeedHeader['report'];
  messages: readonly ListingsFeedMessageInput[];
  /** @default 25_000 */
  maxMessagesPerFeed?: number;
  /** @default 10_485_760 */
  maxBytesPerFeed?: number;
}

/** One built feed and, for each of its messages, the index of the input message. */
export interface BuiltListingsFeed {
  document: ListingsFeedDocument;
  /** `inputIndexes[messageId - 1]` is the caller's index of that message. */
  inputIndexes: number[];
  sizeBytes: number;
}

/**
 * Validates the messages and packs them into as few feeds as the limits allow. Message ids are
 * 1…n within each feed.
 * @throws InvalidInputError naming the message index and field when a message breaks the schema,
 * or when one message alone exceeds the byte limit
 */
export function buildListingsFeeds(input: ListingsFeedInput): BuiltListingsFeed[] {
  const header = parseHeader(input);
  const maxMessages = Math.min(
    input.maxMessagesPerFeed ?? MAX_LISTINGS_FEED_MESSAGES,
    MAX_LISTINGS_FEED_MESSAGES,
  );
  const maxBytes = input.maxBytesPerFeed ?? MAX_FEED_BYTES;
  const envelopeBytes = Buffer.byteLength(JSON.stringify({ header, messages: [] }));

  const feeds: BuiltListingsFeed[] = [];
  let current: BuiltListingsFeed | undefined;

  input.messages.forEach((message, index) => {
    const messageId = (current?.document.messages.length ?? 0) + 1;
    let parsed = parseMessage(message, messageId, index);
    let bytes = Buffer.byteLength(JSON.stringify(parsed)) + 1;

    const isFull =
      current !== undefined && (messageId > maxMessages || current.sizeBytes + bytes > maxBytes);
    if (current === undefined || isFull) {
      current = { document: { header, messages: [] }, inputIndexes: [], sizeBytes: envelopeBytes };
      feeds.push(current);
      parsed = { ...parsed, messageId: 1 };
      bytes = Buffer.byteLength(JSON.stringify(parsed)) + 1;
    }

    if (current.sizeBytes + bytes > maxBytes) throw tooLarge(index, maxBytes);

    current.document.messages.push(parsed);
    current.inputIndexes.push(index);
    current.sizeBytes += bytes;
  });

  return feeds;
}

function parseHeader(input: ListingsFeedInput): ListingsFeedHeader {
  const result = listingsFeedHeaderSchema.safeParse({
    sellerId: input.sellerId,
    version: '2.0',
    issueLocale: input.issueLocale,
    report: input.report,
  });
  if (result.success) return result.data;

  throw invalid(
    `header.${result.error.issues[0]?.path.join('.') ?? ''}`,
    result.error.issues[0]?.message,
  );
}

function parseMessage(
  message: ListingsFeedMessageInput,
  messageId: number,
  index: number,
): ListingsFeedMessage {
  const result = listingsFeedMessageSchema.safeParse({ ...message, messageId });
  if (result.success) return result.data;

  const issue = result.error.issues[0];
  throw invalid(`messages[${index}].${issue?.path.join('.') ?? ''}`, issue?.message);
}

function invalid(errorPath: string, reason: string | undefined): InvalidInputError {
  return new InvalidInputError({
    vendor: 'amazon',
    operation: 'buildListingsFeeds',
    errorPath,
    message: `amazon buildListingsFeeds: ${errorPath} is invalid: ${reason ?? 'schema mismatch'}`,
  });
}

function tooLarge(index: number, maxBytes: number): InvalidInputError {
  return new InvalidInputError({
    vendor: 'amazon',
    operation: 'buildListingsFeeds',
    errorPath: `messages[${index}]`,
    message: `amazon buildListingsFeeds: messages[${index}] alone exceeds ${maxBytes} bytes`,
  });
}
