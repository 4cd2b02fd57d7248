/**
 * Input checks for the request bodies flows send, where Amazon's rules are easy to break from
 * outside (dates in locale formats, empty methods). Only the fields we check are listed; the
 * rest passes through unchanged. Dates become Amazon's UTC ISO-8601 form.
 */
import { z } from 'zod';
import { formatSpApiDate } from './encode';
import { isoDateInput } from './validate-dates';

const isoDateText = isoDateInput.transform(formatSpApiDate);
const marketplaceId = z.string().min(1, 'must not be empty');

const packageDetail = z.looseObject({
  packageReferenceId: z.string().min(1),
  carrierCode: z.string().min(1),
  trackingNumber: z.string().min(1),
  shipDate: isoDateText,
  orderItems: z
    .array(z.looseObject({ orderItemId: z.string().min(1), quantity: z.number().int().positive() }))
    .min(1),
});

/** Body schemas by operation key. */
export const BODY_SCHEMAS: Readonly<Record<string, z.ZodType>> = {
  confirmShipment: z.looseObject({ marketplaceId, packageDetail }),
  createRestrictedDataToken: z.looseObject({
    restrictedResources: z
      .array(
        z.looseObject({
          method: z.enum(['GET', 'PUT', 'POST', 'DELETE']),
          path: z.string().startsWith('/'),
        }),
      )
      .min(1)
      .max(50),
  }),
  createReport: z.looseObject({
    reportType: z.string().min(1),
    marketplaceIds: z.array(marketplaceId).min(1).max(25),
    dataStartTime: isoDateText.optional(),
    dataEndTime: isoDateText.optional(),
  }),
  createFeedDocument: z.looseObject({ contentType: z.string().min(1) }),
  createFeed: z.looseObject({
    feedType: z.string().min(1),
    marketplaceIds: z.array(marketplaceId).min(1).max(25),
    inputFeedDocumentId: z.string().min(1),
  }),
  patchListingsItem: z.looseObject({
    productType: z.string().min(1),
    patches: z.array(z.looseObject({ op: z.string(), path: z.string() })).min(1),
  }),
  putListingsItem: z.looseObject({
    productType: z.string().min(1),
    attributes: z.record(z.string(), z.unknown()),
  }),
};
