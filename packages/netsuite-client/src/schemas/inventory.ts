/** Fulfillment and inventory transactions, and journals (reference §6.4, §6.6). */
import { z } from 'zod';
import {
  addressSchema,
  dateSchema,
  decimalSchema,
  itemLineSchema,
  refSchema,
  sublistSchema,
  transactionShape,
} from './common';

/** `itemFulfillment` line: `orderLine` keys it to the order line; `itemReceive` includes it. */
export const fulfillmentLineSchema = itemLineSchema.extend({
  itemReceive: z.boolean().optional(),
  quantityRemaining: decimalSchema.optional(),
});

/** `package` line of an item fulfillment. */
export const packageLineSchema = z.looseObject({
  packageTrackingNumber: z.string().optional(),
  packageWeight: decimalSchema.optional(),
  packageDescr: z.string().optional(),
});

/** `itemFulfillment`: `shipStatus` A Picked, B Packed, C Shipped. */
export const itemFulfillmentSchema = z.looseObject({
  ...transactionShape,
  shipStatus: refSchema.optional(),
  shipMethod: refSchema.optional(),
  shippedDate: dateSchema.optional(),
  shippingAddress: addressSchema.optional(),
  item: sublistSchema(fulfillmentLineSchema).optional(),
  package: sublistSchema(packageLineSchema).optional(),
});

/** `itemReceipt` (from a transfer order or a return authorization). */
export const itemReceiptSchema = z.looseObject({
  ...transactionShape,
  item: sublistSchema(fulfillmentLineSchema).optional(),
});

/** `inventory` sublist line of an inventory adjustment (not `item`). */
export const inventoryLineSchema = z.looseObject({
  line: z.number().optional(),
  item: refSchema.optional(),
  location: refSchema.optional(),
  adjustQtyBy: decimalSchema.optional(),
  newQuantity: decimalSchema.optional(),
  quantityOnHand: decimalSchema.optional(),
  unitCost: decimalSchema.optional(),
  memo: z.string().optional(),
});

/** `inventoryAdjustment`. */
export const inventoryAdjustmentSchema = z.looseObject({
  ...transactionShape,
  account: refSchema.optional(),
  adjLocation: refSchema.optional(),
  customer: refSchema.optional(),
  estimatedTotalValue: decimalSchema.optional(),
  inventory: sublistSchema(inventoryLineSchema).optional(),
});

/** `transferOrder`: `location` from, `transferLocation` to. */
export const transferOrderSchema = z.looseObject({
  ...transactionShape,
  transferLocation: refSchema.optional(),
  toSubsidiary: refSchema.optional(),
  orderStatus: refSchema.optional(),
  useItemCostAsTransferCost: z.boolean().optional(),
  firmed: z.boolean().optional(),
  shipMethod: refSchema.optional(),
  item: sublistSchema(itemLineSchema).optional(),
});

/** `line` sublist line of a journal entry. */
export const journalLineSchema = z.looseObject({
  line: z.number().optional(),
  account: refSchema.optional(),
  debit: decimalSchema.optional(),
  credit: decimalSchema.optional(),
  memo: z.string().optional(),
  entity: refSchema.optional(),
  department: refSchema.optional(),
  class: refSchema.optional(),
  location: refSchema.optional(),
});

/** `journalEntry`: balanced `line` sublist. */
export const journalEntrySchema = z.looseObject({
  ...transactionShape,
  approved: z.boolean().optional(),
  reversalDate: dateSchema.optional(),
  line: sublistSchema(journalLineSchema).optional(),
});
