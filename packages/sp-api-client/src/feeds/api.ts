/**
 * The Feeds lifecycle (reference §2.8): createFeedDocument → PUT the content with the declared
 * Content-Type → createFeed → poll getFeed → read the processing report.
 */
import type { SpApiRequester } from '../client/types';
import { readDocumentBytes } from '../reports/document-text';
import { DocumentTransferError, ProcessingFatalError } from '../reports/errors';
import { parseBody } from '../reports/parse-body';
import { pollUntilFinal } from '../reports/poll';
import type { PollOptions } from '../reports/poll';
import {
  createFeedDocumentResponseSchema,
  createFeedResponseSchema,
  feedDocumentSchema,
  feedSchema,
} from './schemas';
import type { Feed, FeedDocument } from './schemas';
import { processingReportSchema } from './processing-report';
import type { ProcessingReport } from './processing-report';
import { uploadFeedContent } from './upload';
import { createListingsFeedSubmitter } from './submit-listings';

/** What submitFeed needs. */
export interface SubmitFeedInput {
  feedType: string;
  content: Buffer | string;
  /** Declared in createFeedDocument and sent on the PUT, e.g. `application/json; charset=UTF-8`. */
  contentType: string;
  /** @default the client's marketplaces */
  marketplaceIds?: string[];
  feedOptions?: Record<string, string>;
  signal?: AbortSignal;
}

/** Options of {@link createFeedsApi}. */
export interface FeedsApiOptions {
  /** Default polling cadence for waitForFeed. */
  poll?: PollOptions;
  /**
   * New documents created when an upload URL expired or the PUT failed.
   * @default 2
   */
  maxUploadRetries?: number;
}

/** Builds the `client.feeds` namespace on an SP-API requester. */
export function createFeedsApi(requester: SpApiRequester, options: FeedsApiOptions = {}) {
  async function createFeedDocument(contentType: string, signal?: AbortSignal) {
    const response = await requester.call('createFeedDocument', { body: { contentType }, signal });

    return parseBody(createFeedDocumentResponseSchema, response.body, {
      operation: 'createFeedDocument',
      requestId: response.requestId,
    });
  }

  async function createFeed(
    input: {
      feedType: string;
      inputFeedDocumentId: string;
      marketplaceIds?: string[];
      feedOptions?: Record<string, string>;
    },
    signal?: AbortSignal,
  ): Promise<string> {
    const body = { ...input, marketplaceIds: input.marketplaceIds ?? requester.marketplaceIds };
    const response = await requester.call('createFeed', { body, signal });

    return parseBody(createFeedResponseSchema, response.body, {
      operation: 'createFeed',
      requestId: response.requestId,
    }).feedId;
  }

  async function getFeed(feedId: string, signal?: AbortSignal): Promise<Feed> {
    const response = await requester.call('getFeed', { path: { feedId }, signal });

    return parseBody(feedSchema, response.body, {
      operation: 'getFeed',
      requestId: response.requestId,
    });
  }

  async function getFeedDocument(
    feedDocumentId: string,
    signal?: AbortSignal,
  ): Promise<FeedDocument> {
    const response = await requester.call('getFeedDocument', { path: { feedDocumentId }, signal });

    return parseBody(feedDocumentSchema, response.body, {
      operation: 'getFeedDocument',
      requestId: response.requestId,
    });
  }

  /** Creates a document and uploads the content, with a new document when the URL expired. */
  async function uploadFeedDocument(
    content: Buffer | string,
    contentType: string,
    signal?: AbortSignal,
  ): Promise<string> {
    const maxRetries = options.maxUploadRetries ?? 2;

    for (let attempt = 0; ; attempt += 1) {
      const document = await createFeedDocument(contentType, signal);

      try {
        await uploadFeedContent(document.url, content, contentType, signal);
        return document.feedDocumentId;
      } catch (error) {
        const canRetry =
          error instanceof DocumentTransferError && error.isRefetchable && attempt < maxRetries;
        if (!canRetry) throw error;

        requester.logger.warn(
          { operation: 'uploadFeedDocument', attempt: attempt + 1, status: error.status },
          'feed upload failed; creating a new document',
        );
      }
    }
  }

  async function submitFeed(input: SubmitFeedInput): Promise<string> {
    const inputFeedDocumentId = await uploadFeedDocument(
      input.content,
      input.contentType,
      input.signal,
    );

    return createFeed(
      {
        feedType: input.feedType,
        inputFeedDocumentId,
        marketplaceIds: input.marketplaceIds,
        feedOptions: input.feedOptions,
      },
      input.signal,
    );
  }

  function waitForFeed(feedId: string, poll: PollOptions = {}): Promise<Feed> {
    const merged = { ...options.poll, ...poll };

    return pollUntilFinal(
      () => getFeed(feedId, merged.signal),
      { operation: 'getFeed', id: feedId },
      merged,
    );
  }

  /** Downloads and parses a DONE feed's JSON processing report. */
  async function readProcessingReport(feed: Feed, signal?: AbortSignal): Promise<ProcessingReport> {
    if (feed.resultFeedDocumentId === undefined) throw missingResult(feed);

    const document = await getFeedDocument(feed.resultFeedDocumentId, signal);
    const bytes = await readDocumentBytes(document.url, {
      operation: 'downloadFeedDocument',
      signal,
    });
    const json = parseJson(bytes.toString('utf8'), feed);

    return parseBody(processingReportSchema, json, { operation: 'downloadFeedDocument' });
  }

  /** The text of a FATAL feed's result document (Amazon explains the failure there), capped. */
  async function readResultText(feed: Feed, signal?: AbortSignal): Promise<string | undefined> {
    if (feed.resultFeedDocumentId === undefined) return undefined;

    const document = await getFeedDocument(feed.resultFeedDocumentId, signal);
    const bytes = await readDocumentBytes(document.url, {
      operation: 'downloadFeedDocument',
      signal,
      maxBytes: 1024 * 1024,
    });

    return bytes.toString('utf8').trim().slice(0, 4_000);
  }

  const core = {
    createFeedDocument,
    uploadFeedDocument,
    createFeed,
    getFeed,
    getFeedDocument,
    submitFeed,
    waitForFeed,
    readProcessingReport,
    readResultText,
  };

  return { ...core, submitListingsFeed: createListingsFeedSubmitter(core, requester) };
}

/** The `client.feeds` namespace. */
export type FeedsApi = ReturnType<typeof createFeedsApi>;

function missingResult(feed: Feed): ProcessingFatalError {
  return new ProcessingFatalError({
    vendor: 'amazon',
    operation: 'getFeed',
    vendorCode: 'NO_RESULT_DOCUMENT',
    message: `amazon getFeed: feed ${feed.feedId} is ${feed.processingStatus} without a result document`,
  });
}

function parseJson(text: string, feed: Feed): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ProcessingFatalError({
      vendor: 'amazon',
      operation: 'downloadFeedDocument',
      vendorCode: 'INVALID_JSON',
      message: `amazon downloadFeedDocument: processing report of feed ${feed.feedId} is not JSON`,
      cause: error,
    });
  }
}
