/**
 * Settings of the `mfn-orders` and `fba-orders` flows (integration-apps §1.3, §1.4, §1.7, §1.8).
 */
import { z } from 'zod';

import { netSuiteIdSchema } from './common';

const DAY_MS = 86_400_000;

/** Tax handling: Amazon's amounts as lines on a tax item (overwrite), or NetSuite computes it. */
export const taxSettingsSchema = z.object({
  /**
   * `amazon` writes Amazon's tax amounts on `taxItemId` lines (Celigo's recommended "overwrite
   * taxes with Amazon tax amounts"); `netsuite` sends no tax and lets the account compute it.
   * @default 'amazon'
   */
  mode: z.enum(['amazon', 'netsuite']).default('amazon'),
  /** Item (other charge / non-inventory) that carries Amazon's item tax. */
  taxItemId: netSuiteIdSchema.optional(),
  /** Item that carries Amazon's shipping and gift-wrap tax. @default taxItemId */
  shippingTaxItemId: netSuiteIdSchema.optional(),
  /** Optional `custbody_*` field that receives Amazon's tax total in `netsuite` mode. */
  amazonTaxTotalField: z
    .string()
    .regex(/^custbody[a-z0-9_]*$/i)
    .optional(),
});

/** Settings common to MFN and FBA order imports. */
export const ordersSettingsSchema = z.object({
  /** ISO instant of the first sync; nothing older is imported. @default `firstSyncLookbackMs` before the first run */
  startDate: z.iso.datetime({ offset: true }).optional(),
  /** How far back a first sync without `startDate` reads. @default 30 days */
  firstSyncLookbackMs: z
    .number()
    .int()
    .min(0)
    .default(30 * DAY_MS),
  /** Overlap of consecutive windows, removed again by order id. @default 300000 (5 min) */
  windowOverlapMs: z.number().int().min(0).max(DAY_MS).default(300_000),
  /** Largest window of one run (the rest is caught up next run). @default 7 days */
  maxWindowMs: z
    .number()
    .int()
    .min(60_000)
    .default(7 * DAY_MS),
  /** Windows longer than this go through the all-orders report. @default 7 days */
  reportBackfillThresholdMs: z
    .number()
    .int()
    .min(0)
    .default(7 * DAY_MS),
  /**
   * Order reports lag up to 30 min (https://developer-docs.amazon.com/sp-api/docs/report-type-values-order),
   * so after a report the checkpoint stays this far behind its end; the next API window re-reads it.
   * @default 1800000 (30 min)
   */
  reportLagMs: z.number().int().min(0).default(1_800_000),
  /** Use the all-orders report for first syncs and long replays. @default true */
  useReportBackfill: z.boolean().default(true),
  /**
   * Orders of one page handled at once (flows-core `concurrency`), so NetSuite work fills the
   * client's concurrent slots (netsuite-client `maxConcurrency`, default 4). Orders sharing a
   * customer stay safe: customers are created once through their deterministic external id.
   * @default 4
   */
  concurrency: z.number().int().min(1).max(64).default(4),
  /** Orders per `searchOrders` page (1..100). @default 100 */
  pageSize: z.number().int().min(1).max(100).default(100),
  /** Amazon ship service level / shipping service → NetSuite ship item id. @default {} */
  shipMethods: z.record(z.string(), netSuiteIdSchema).default({}),
  /** Ship item used for unmapped ship service levels; unset = unmapped becomes an error. */
  defaultShipMethodId: netSuiteIdSchema.optional(),
  /** Shipping as body `shippingCost` or as a line on `shippingItemId`. @default 'body' */
  shippingAs: z.enum(['body', 'line']).default('body'),
  /** Item of the shipping line (`shippingAs: 'line'`). */
  shippingItemId: netSuiteIdSchema.optional(),
  /** Item discounts as a discount line under each item, or one cart-level discount. @default 'line' */
  discountLevel: z.enum(['line', 'cart']).default('line'),
  /** Discount item for promotions. */
  discountItemId: netSuiteIdSchema.optional(),
  /** Discount item for shipping promotions. @default discountItemId */
  shippingDiscountItemId: netSuiteIdSchema.optional(),
  /** Item of gift-wrap charges. */
  giftWrapItemId: netSuiteIdSchema.optional(),
  tax: taxSettingsSchema.prefault({}),
  /** Department and class of every transaction (per-marketplace mapping wins). */
  departmentId: netSuiteIdSchema.optional(),
  classId: netSuiteIdSchema.optional(),
  /** Prefix of the external id of created transactions. @default 'amzn-so' */
  externalIdPrefix: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/)
    .default('amzn-so'),
  /** Import MFN cancellations (close lines / report shipped ones). @default true */
  handleCancellations: z.boolean().default(true),
  /** FBA orders become a sales order, an invoice or a cash sale. @default 'invoice' */
  fbaRecordType: z.enum(['salesOrder', 'invoice', 'cashSale']).default('invoice'),
  /** Deposit account of FBA cash sales (else undeposited funds). */
  cashSaleAccountId: netSuiteIdSchema.optional(),
});

/** Resolved order settings. */
export type OrdersSettings = z.infer<typeof ordersSettingsSchema>;
