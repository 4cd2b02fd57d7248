/** Sales-side transactions (reference §6.1, §6.3, §6.5; RB:docs/schemas/*.md). */
import { z } from 'zod';
import {
  addressSchema,
  applyLineSchema,
  dateSchema,
  decimalSchema,
  itemLineSchema,
  refSchema,
  sublistSchema,
  transactionShape,
} from './common';

const salesShape = {
  ...transactionShape,
  otherRefNum: z.string().optional(),
  terms: refSchema.optional(),
  salesRep: refSchema.optional(),
  shipMethod: refSchema.optional(),
  shippingCost: decimalSchema.optional(),
  handlingCost: decimalSchema.optional(),
  shipDate: dateSchema.optional(),
  shippingAddress: addressSchema.optional(),
  billingAddress: addressSchema.optional(),
  subtotal: decimalSchema.optional(),
  taxTotal: decimalSchema.optional(),
  total: decimalSchema.optional(),
  item: sublistSchema(itemLineSchema).optional(),
};

/** `salesOrder`: status A–H, `orderStatus` A/B (approval). */
export const salesOrderSchema = z.looseObject({
  ...salesShape,
  orderStatus: refSchema.optional(),
  discountItem: refSchema.optional(),
  discountRate: decimalSchema.optional(),
  source: z.union([refSchema, z.string()]).optional(),
});

/** `invoice`. */
export const invoiceSchema = z.looseObject({
  ...salesShape,
  dueDate: dateSchema.optional(),
  account: refSchema.optional(),
  amountRemaining: decimalSchema.optional(),
});

/** `cashSale`: `account` or `undepFunds`, `paymentOption` (no `paymentMethod` in 2026.1). */
export const cashSaleSchema = z.looseObject({
  ...salesShape,
  account: refSchema.optional(),
  undepFunds: z.union([refSchema, z.boolean()]).optional(),
  paymentOption: refSchema.optional(),
  checkNumber: z.string().optional(),
});

/** `creditMemo`: `apply` lines against open invoices. */
export const creditMemoSchema = z.looseObject({
  ...salesShape,
  apply: sublistSchema(applyLineSchema).optional(),
  autoApply: z.boolean().optional(),
  unapplied: decimalSchema.optional(),
});

/** `returnAuthorization` (RMA; FBA returns are received with an item receipt). */
export const returnAuthorizationSchema = z.looseObject({
  ...salesShape,
  orderStatus: refSchema.optional(),
});

/** `customerPayment`: `customer`, not `entity`; `payment` is the amount. */
export const customerPaymentSchema = z.looseObject({
  ...transactionShape,
  customer: refSchema.optional(),
  payment: decimalSchema.optional(),
  account: refSchema.optional(),
  arAcct: refSchema.optional(),
  undepFunds: z.union([refSchema, z.boolean()]).optional(),
  autoApply: z.boolean().optional(),
  paymentOption: refSchema.optional(),
  apply: sublistSchema(applyLineSchema).optional(),
  credit: sublistSchema(applyLineSchema).optional(),
  deposit: sublistSchema(applyLineSchema).optional(),
});

/** `customerRefund`: `total` is the refund amount. */
export const customerRefundSchema = z.looseObject({
  ...transactionShape,
  customer: refSchema.optional(),
  account: refSchema.optional(),
  arAcct: refSchema.optional(),
  paymentOption: refSchema.optional(),
  total: decimalSchema.optional(),
  transactionToRefund: refSchema.optional(),
  payeeAddress: addressSchema.optional(),
  apply: sublistSchema(applyLineSchema).optional(),
  deposit: sublistSchema(applyLineSchema).optional(),
});
