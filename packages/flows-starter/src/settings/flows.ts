/**
 * Settings of the customer, fulfillment, inventory and pricing flows
 * (integration-apps §1.5, §1.9–1.11).
 */
import { z } from 'zod';

import { netSuiteIdSchema } from './common';

/** Customers of imported orders. */
export const customersSettingsSchema = z.object({
  /**
   * `perOrder` creates one customer per order, `perBuyer` one per buyer email, `default` puts
   * every order on `defaultCustomerIds[0]`, `defaults` spreads orders over all of
   * `defaultCustomerIds` by the order id (NetSuite's per-customer transaction limits).
   * @default 'default'
   */
  strategy: z.enum(['perOrder', 'perBuyer', 'default', 'defaults']).default('default'),
  /** Default customers (per-marketplace `customerIds` win). @default [] */
  defaultCustomerIds: z.array(netSuiteIdSchema).default([]),
  /** Name used when Amazon withholds the buyer's name. @default 'Amazon Customer' */
  placeholderName: z.string().min(1).default('Amazon Customer'),
  /** Create customers as persons (first/last name) rather than companies. @default true */
  isPerson: z.boolean().default(true),
});

/** Fulfillment export (NetSuite item fulfillments → Amazon confirmShipment). */
export const fulfillmentsSettingsSchema = z.object({
  /** ISO instant; fulfillments modified before it are never sent. @default the first run's start */
  startDate: z.iso.datetime({ offset: true }).optional(),
  /**
   * NetSuite ship method / carrier name (case-insensitive) → Amazon carrier code. Unmapped names
   * are recognised (UPS, USPS, FedEx, DHL, …) or sent as `Other` with the name.
   * @default {}
   */
  carriers: z.record(z.string(), z.string().min(1)).default({}),
  /** Send packages without a tracking number (Amazon requires one; sent as empty). @default false */
  allowMissingTracking: z.boolean().default(false),
  /** Fulfillments per page. @default 100 */
  pageSize: z.number().int().min(1).max(1000).default(100),
});

/** Inventory export (NetSuite quantity available → Amazon `fulfillment_availability`). */
export const inventorySettingsSchema = z.object({
  /** Locations whose available quantity is summed; empty = every location. @default [] */
  locationIds: z.array(netSuiteIdSchema).default([]),
  /** Units held back per SKU. @default 0 */
  safetyStock: z.number().int().min(0).default(0),
  /** Share of the rest offered on Amazon, 0..100. @default 100 */
  allocationPercent: z.number().min(0).max(100).default(100),
  /** More changed SKUs than this go in one `JSON_LISTINGS_FEED`. @default 50 */
  feedThreshold: z.number().int().min(0).default(50),
  /** Product type sent in patches and feed messages. @default 'PRODUCT' */
  productType: z.string().min(1).default('PRODUCT'),
  /** MFN fulfillment channel code. @default 'DEFAULT' */
  fulfillmentChannelCode: z.string().min(1).default('DEFAULT'),
});

/** Pricing export (NetSuite price → Amazon `purchasable_offer`). */
export const pricingSettingsSchema = z.object({
  /** Price level to send; unset = the item's base price. */
  priceLevelId: netSuiteIdSchema.optional(),
  /** More changed SKUs than this go in one `JSON_LISTINGS_FEED`. @default 50 */
  feedThreshold: z.number().int().min(0).default(50),
  /** Product type sent in patches and feed messages. @default 'PRODUCT' */
  productType: z.string().min(1).default('PRODUCT'),
  /** Read the listing back after an accepted patch before the price counts as applied. @default true */
  verify: z.boolean().default(true),
});

/** Resolved customer settings. */
export type CustomersSettings = z.infer<typeof customersSettingsSchema>;
/** Resolved fulfillment settings. */
export type FulfillmentsSettings = z.infer<typeof fulfillmentsSettingsSchema>;
/** Resolved inventory settings. */
export type InventorySettings = z.infer<typeof inventorySettingsSchema>;
/** Resolved pricing settings. */
export type PricingSettings = z.infer<typeof pricingSettingsSchema>;
