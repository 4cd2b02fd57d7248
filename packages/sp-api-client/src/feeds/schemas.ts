/** Zod schemas for the Feeds 2021-06-30 fields the helpers rely on (feeds_2021-06-30.json). */
import { z } from 'zod';

/** A feed as returned by getFeed. */
export const feedSchema = z.looseObject({
  feedId: z.string(),
  feedType: z.string(),
  processingStatus: z.enum(['CANCELLED', 'DONE', 'FATAL', 'IN_PROGRESS', 'IN_QUEUE']),
  createdTime: z.string(),
  marketplaceIds: z.array(z.string()).optional(),
  processingStartTime: z.string().optional(),
  processingEndTime: z.string().optional(),
  resultFeedDocumentId: z.string().optional(),
});

/** A feed. */
export type Feed = z.infer<typeof feedSchema>;

/** createFeedDocument's answer: where to PUT the content (URL valid 5 minutes). */
export const createFeedDocumentResponseSchema = z.looseObject({
  feedDocumentId: z.string(),
  url: z.string(),
});

/** getFeedDocument's answer. */
export const feedDocumentSchema = z.looseObject({
  feedDocumentId: z.string(),
  url: z.string(),
  compressionAlgorithm: z.string().optional(),
});

/** A feed (result) document. */
export type FeedDocument = z.infer<typeof feedDocumentSchema>;

/** createFeed's answer. */
export const createFeedResponseSchema = z.looseObject({ feedId: z.string() });
