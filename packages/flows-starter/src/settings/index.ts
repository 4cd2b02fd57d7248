/**
 * The Starter plugin's settings: one zod schema, parsed once at start-up (DESIGN §4), with a
 * documented default for every field.
 */
import { z } from 'zod';

import { itemLookupSchema, marketplaceMappingSchema, timeZoneSchema } from './common';
import {
  customersSettingsSchema,
  fulfillmentsSettingsSchema,
  inventorySettingsSchema,
  pricingSettingsSchema,
} from './flows';
import { ordersSettingsSchema } from './orders';

/** Schema of `starter(options)`. */
export const starterSettingsSchema = z.object({
  /** Amazon selling partner id used in external ids; defaults to the SP-API client's. */
  sellerId: z.string().min(1).optional(),
  /** Marketplaces to sync. @default ['ATVPDKIKX0DER'] (Amazon.com) */
  marketplaceIds: z.array(z.string().min(1)).min(1).default(['ATVPDKIKX0DER']),
  /** NetSuite account time zone of `tranDate`. @default 'America/Los_Angeles' */
  timeZone: timeZoneSchema.default('America/Los_Angeles'),
  /** NetSuite mapping per marketplace id. @default {} */
  marketplaces: z.record(z.string(), marketplaceMappingSchema).default({}),
  items: itemLookupSchema.prefault({}),
  orders: ordersSettingsSchema.prefault({}),
  customers: customersSettingsSchema.prefault({}),
  fulfillments: fulfillmentsSettingsSchema.prefault({}),
  inventory: inventorySettingsSchema.prefault({}),
  pricing: pricingSettingsSchema.prefault({}),
  /**
   * Where inventory and pricing find the MFN SKUs: `api` pages `searchListingsItems` (20 per
   * call), `report` reads `GET_MERCHANT_LISTINGS_ALL_DATA` (better past a few thousand SKUs).
   * @default 'api'
   */
  listingsSource: z.enum(['api', 'report']).default('api'),
  /** Polling of report and feed waits. @default the SP-API client's cadence (5 s rising to 60 s) */
  polling: z
    .object({
      initialDelayMs: z.number().int().min(1).optional(),
      maxDelayMs: z.number().int().min(1).optional(),
    })
    .prefault({}),
});

/** What `starter()` accepts (every field optional). */
export type StarterOptions = z.input<typeof starterSettingsSchema>;

/** Settings after defaults, as flows read them from `ctx.settings`. */
export type StarterSettings = z.infer<typeof starterSettingsSchema>;

/** Parses and defaults Starter options. @throws ZodError naming the bad field. */
export function parseStarterSettings(options: StarterOptions = {}): StarterSettings {
  return starterSettingsSchema.parse(options);
}
