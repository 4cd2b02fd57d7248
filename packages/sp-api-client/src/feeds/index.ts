/** The `client.feeds` namespace and the JSON_LISTINGS_FEED builder. */
export { createFeedsApi } from './api';
export type { FeedsApi, FeedsApiOptions, SubmitFeedInput } from './api';
export { MAX_FEED_BYTES, MAX_LISTINGS_FEED_MESSAGES, buildListingsFeeds } from './listings-builder';
export type { BuiltListingsFeed, ListingsFeedInput } from './listings-builder';
export { listingsFeedDocumentSchema, listingsFeedMessageSchema } from './listings-schema';
export type {
  ListingsFeedDocument,
  ListingsFeedHeader,
  ListingsFeedMessage,
  ListingsFeedMessageInput,
} from './listings-schema';
export { processingReportSchema, toMessageResults } from './processing-report';
export type {
  MessageResult,
  MessageStatus,
  ProcessingIssue,
  ProcessingReport,
} from './processing-report';
export type { Feed, FeedDocument } from './schemas';
export { LISTINGS_FEED_CONTENT_TYPE } from './submit-listings';
export type {
  ListingsFeedOutcome,
  ListingsFeedSubmission,
  SubmitListingsOptions,
} from './submit-listings';
