/**
 * Submits JSON_LISTINGS_FEED messages end to end: builds (and splits) the feeds, submits each,
 * waits for it, and returns one result per input message, in input order.
 */
import type { SpApiRequester } from '../client/types';
import type { PollOptions } from '../reports/poll';
import type { SubmitFeedInput } from './api';
import type { Feed } from './schemas';
import { buildListingsFeeds } from './listings-builder';
import type { ListingsFeedInput } from './listings-builder';
import { failedMessageResults, toMessageResults } from './processing-report';
import type { MessageResult, ProcessingReport } from './processing-report';

/** JSON_LISTINGS_FEED content type (reference §2.8 step 2). */
export const LISTINGS_FEED_CONTENT_TYPE = 'application/json; charset=UTF-8';

/** Options of submitListingsFeed. */
export interface SubmitListingsOptions {
  /** @default the client's marketplaces */
  marketplaceIds?: string[];
  poll?: PollOptions;
  signal?: AbortSignal;
}

/** The outcome of one submitted feed. */
export interface ListingsFeedOutcome {
  feedId: string;
  processingStatus: string;
  messageCount: number;
  summary?: ProcessingReport['summary'];
  /** Issues not tied to a message (feed formatting problems). */
  feedIssues: ProcessingReport['issues'];
}

/** Everything submitListingsFeed learned. */
export interface ListingsFeedSubmission {
  feeds: ListingsFeedOutcome[];
  /** One result per input message, in input order. */
  messages: MessageResult[];
}

/** The lifecycle functions the listings submitter composes. */
export interface FeedsCore {
  submitFeed(input: SubmitFeedInput): Promise<string>;
  waitForFeed(feedId: string, poll?: PollOptions): Promise<Feed>;
  readProcessingReport(feed: Feed, signal?: AbortSignal): Promise<ProcessingReport>;
  readResultText(feed: Feed, signal?: AbortSignal): Promise<string | undefined>;
}

/** Builds `submitListingsFeed` on the feed lifecycle functions. */
export function createListingsFeedSubmitter(core: FeedsCore, requester: SpApiRequester) {
  /**
   * Builds, submits and waits for JSON_LISTINGS_FEEDs; one result per message.
   * @throws InvalidInputError before sending when a message breaks the schema
   */
  return async function submitListingsFeed(
    input: ListingsFeedInput,
    options: SubmitListingsOptions = {},
  ): Promise<ListingsFeedSubmission> {
    const built = buildListingsFeeds(input);
    const submission: ListingsFeedSubmission = { feeds: [], messages: [] };

    for (const feed of built) {
      const feedId = await core.submitFeed({
        feedType: 'JSON_LISTINGS_FEED',
        content: JSON.stringify(feed.document),
        contentType: LISTINGS_FEED_CONTENT_TYPE,
        marketplaceIds: options.marketplaceIds,
        signal: options.signal,
      });
      requester.logger.info(
        { operation: 'submitListingsFeed', feedId, messages: feed.document.messages.length },
        'listings feed submitted',
      );

      const final = await core.waitForFeed(feedId, { ...options.poll, signal: options.signal });
      const shape = {
        feedId,
        skus: feed.document.messages.map((message) => message.sku),
        inputIndexes: feed.inputIndexes,
      };
      const outcome: ListingsFeedOutcome = {
        feedId,
        processingStatus: final.processingStatus,
        messageCount: shape.skus.length,
        feedIssues: [],
      };

      if (final.processingStatus === 'DONE') {
        const report = await core.readProcessingReport(final, options.signal);
        outcome.summary = report.summary;
        outcome.feedIssues = report.issues.filter((issue) => issue.messageId === undefined);
        submission.messages.push(...toMessageResults(report, shape));
      } else {
        // FATAL: "Some, none, or all of the operations … may have completed" (feeds_2021-06-30.json).
        const text =
          final.processingStatus === 'FATAL'
            ? await core.readResultText(final, options.signal)
            : undefined;
        submission.messages.push(
          ...failedMessageResults(
            shape,
            `FEED_${final.processingStatus}`,
            text ?? `feed ${feedId} ended ${final.processingStatus}`,
          ),
        );
      }

      submission.feeds.push(outcome);
    }

    submission.messages.sort((left, right) => left.index - right.index);
    return submission;
  };
}
