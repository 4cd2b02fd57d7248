/** customer and custom records (reference §6.2, §6.7; RB:docs/schemas/customer.md). */
import { z } from 'zod';
import { addressSchema, recordBaseShape, refSchema, sublistSchema } from './common';

/** One `addressBook` line; the 2020 beta spelled the sublist `addressbook`. */
export const addressBookLineSchema = z.looseObject({
  id: z.union([z.string(), z.number()]).optional(),
  internalId: z.union([z.string(), z.number()]).optional(),
  defaultBilling: z.boolean().optional(),
  defaultShipping: z.boolean().optional(),
  isResidential: z.boolean().optional(),
  label: z.string().optional(),
  addressBookAddress: addressSchema.optional(),
});

/** `customer` record. */
export const customerSchema = z.looseObject({
  ...recordBaseShape,
  entityId: z.string().optional(),
  isPerson: z.boolean().optional(),
  companyName: z.string().optional(),
  firstName: z.string().optional(),
  lastName: z.string().optional(),
  email: z.string().optional(),
  phone: z.string().optional(),
  subsidiary: refSchema.optional(),
  currency: refSchema.optional(),
  terms: refSchema.optional(),
  priceLevel: refSchema.optional(),
  category: refSchema.optional(),
  isInactive: z.boolean().optional(),
  addressBook: sublistSchema(addressBookLineSchema).optional(),
  dateCreated: z.string().optional(),
  lastModifiedDate: z.string().optional(),
});

/** Record type names of custom records: `customrecord_<scriptid>`. */
export const CUSTOM_RECORD_TYPE_PATTERN = /^customrecord[a-z0-9_]*$/i;

/** Standard fields of every custom record; `custrecord_*` fields pass through. */
export const customRecordSchema = z.looseObject({
  ...recordBaseShape,
  name: z.string().optional(),
  isInactive: z.boolean().optional(),
  owner: refSchema.optional(),
  created: z.string().optional(),
  lastModified: z.string().optional(),
});

/**
 * A schema for one custom record type: the standard fields plus the given `custrecord_*` fields.
 * @throws RangeError when `scriptId` is not a `customrecord_*` id.
 * @example customRecordSchemaFor('customrecord_amz_settlement', { custrecord_amz_total: decimalSchema })
 */
export function customRecordSchemaFor<T extends z.ZodRawShape>(scriptId: string, fields: T) {
  if (!CUSTOM_RECORD_TYPE_PATTERN.test(scriptId)) {
    throw new RangeError(`"${scriptId}" is not a custom record script id (customrecord_…)`);
  }

  return customRecordSchema.extend(fields);
}
