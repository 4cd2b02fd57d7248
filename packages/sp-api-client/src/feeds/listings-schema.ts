/**
 * Zod mirror of the JSON_LISTINGS_FEED v2 document
 * (amazon/models/schemas/feeds/listings-feed-schema-v2.json): the header, and messages whose
 * allowed fields depend on `operationType` (the schema's `oneOf`).
 */
import { z } from 'zod';

/** Largest messageId the schema allows (2^31 − 1). */
export const MAX_MESSAGE_ID = 2_147_483_647;

const includedDataSchema = z.enum([
  'summaries',
  'attributes',
  'issues',
  'offers',
  'fulfillmentAvailability',
  'procurement',
  'relationships',
  'productTypes',
]);

/** The feed header. */
export const listingsFeedHeaderSchema = z.looseObject({
  sellerId: z.string().min(1),
  version: z.literal('2.0'),
  issueLocale: z.string().optional(),
  report: z
    .object({
      includedData: z.array(includedDataSchema).min(1),
      apiVersion: z.literal('2021-08-01'),
    })
    .optional(),
});

/** One JSON Patch operation on a top-level attribute. */
export const listingsPatchSchema = z.looseObject({
  op: z.enum(['add', 'replace', 'merge', 'delete']),
  path: z.string(),
  value: z.array(z.record(z.string(), z.unknown())).optional(),
});

const attributesSchema = z
  .record(z.string(), z.unknown())
  .refine((value) => Object.keys(value).length >= 1, 'attributes needs at least one attribute');
const requirementsSchema = z.enum(['LISTING', 'LISTING_PRODUCT_ONLY', 'LISTING_OFFER_ONLY']);
/** A field the operation type does not allow (the schema's `"patches": false`). */
const absent = z.never().optional();

const base = {
  messageId: z.number().int().min(1).max(MAX_MESSAGE_ID),
  sku: z.string().min(1),
};

/** A feed message; fields not applicable to the operation type are rejected. */
export const listingsFeedMessageSchema = z.discriminatedUnion('operationType', [
  z.looseObject({
    ...base,
    operationType: z.literal('UPDATE'),
    productType: z.string().min(1),
    requirements: requirementsSchema.optional(),
    attributes: attributesSchema,
    patches: absent,
  }),
  z.looseObject({
    ...base,
    operationType: z.literal('PARTIAL_UPDATE'),
    productType: z.string().min(1),
    attributes: attributesSchema,
    requirements: absent,
    patches: absent,
  }),
  z.looseObject({
    ...base,
    operationType: z.literal('PATCH'),
    productType: z.string().min(1),
    patches: z.array(listingsPatchSchema).min(1),
    requirements: absent,
    attributes: absent,
  }),
  z.looseObject({
    ...base,
    operationType: z.literal('DELETE'),
    productType: absent,
    requirements: absent,
    attributes: absent,
    patches: absent,
  }),
]);

/** A validated feed message. */
export type ListingsFeedMessage = z.infer<typeof listingsFeedMessageSchema>;

/** A message as the caller writes it: `messageId` is assigned by the builder. */
export type ListingsFeedMessageInput = ListingsFeedMessage extends infer M
  ? M extends unknown
    ? Omit<M, 'messageId'>
    : never
  : never;

/** The feed header. */
export type ListingsFeedHeader = z.infer<typeof listingsFeedHeaderSchema>;

/** A whole JSON_LISTINGS_FEED document. */
export interface ListingsFeedDocument {
  header: ListingsFeedHeader;
  messages: ListingsFeedMessage[];
}

/** The whole document: header plus 1–25,000 messages. */
export const listingsFeedDocumentSchema = z.object({
  header: listingsFeedHeaderSchema,
  messages: z.array(listingsFeedMessageSchema).min(1).max(25_000),
});
