/**
 * Settings shared by several Starter flows: the seller, the account time zone, per-marketplace
 * NetSuite mappings and the item lookup.
 */
import { z } from 'zod';

import { isKnownTimeZone } from '../support/dates';

/** A NetSuite internal id (numeric string). */
export const netSuiteIdSchema = z
  .string()
  .regex(/^-?\d+$/, 'expected a NetSuite internal id (digits)');

/** Per-marketplace NetSuite mapping (Celigo's per-marketplace subsidiary/location/currency). */
export const marketplaceMappingSchema = z.object({
  /** Subsidiary of orders and customers (OneWorld accounts). */
  subsidiaryId: netSuiteIdSchema.optional(),
  /** Location of MFN order lines. */
  locationId: netSuiteIdSchema.optional(),
  /** Location of FBA order lines (the "Amazon FBA" location). */
  fbaLocationId: netSuiteIdSchema.optional(),
  /** NetSuite currency of the marketplace. */
  currencyId: netSuiteIdSchema.optional(),
  /** Price level of order lines and of created customers; lines still carry Amazon's rate. */
  priceLevelId: netSuiteIdSchema.optional(),
  /** Default customer(s) of this marketplace (overrides `customers.defaultCustomerIds`). */
  customerIds: z.array(netSuiteIdSchema).optional(),
  /** Department and class of transactions (override the flow-wide ones). */
  departmentId: netSuiteIdSchema.optional(),
  classId: netSuiteIdSchema.optional(),
});

/** How an Amazon SKU finds its NetSuite item (integration-apps §1.6). */
export const itemLookupSchema = z
  .object({
    /**
     * `itemName` (SKU = item name/number), `upc` (SKU = UPC code), `externalId`
     * (`externalIdPrefix` + SKU) or `alias` (custom alias record, several SKUs per item).
     * @default 'itemName'
     */
    by: z.enum(['itemName', 'upc', 'externalId', 'alias']).default('itemName'),
    /** Prefix of item external ids for `by: 'externalId'`. @default '' */
    externalIdPrefix: z.string().default(''),
    /** Alias record table and fields for `by: 'alias'`. */
    alias: z
      .object({
        recordType: z.string().regex(/^customrecord[a-z0-9_]*$/i),
        skuField: z.string().regex(/^[a-z0-9_]+$/i),
        itemField: z.string().regex(/^[a-z0-9_]+$/i),
      })
      .optional(),
  })
  .refine((lookup) => lookup.by !== 'alias' || lookup.alias !== undefined, {
    message: 'items.alias is required when items.by is "alias"',
    path: ['alias'],
  });

/** IANA time zone name, checked against the runtime. */
export const timeZoneSchema = z
  .string()
  .refine(isKnownTimeZone, { message: 'unknown IANA time zone' });

/** Resolved per-marketplace mapping. */
export type MarketplaceMapping = z.infer<typeof marketplaceMappingSchema>;

/** Resolved item lookup settings. */
export type ItemLookupSettings = z.infer<typeof itemLookupSchema>;
