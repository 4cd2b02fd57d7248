/** Record type → schema map, so `records.get('salesOrder', …)` returns a typed record. */
import { z } from 'zod';
import { CUSTOM_RECORD_TYPE_PATTERN, customRecordSchema, customerSchema } from './entities';
import {
  inventoryAdjustmentSchema,
  itemFulfillmentSchema,
  itemReceiptSchema,
  journalEntrySchema,
  transferOrderSchema,
} from './inventory';
import {
  cashSaleSchema,
  creditMemoSchema,
  customerPaymentSchema,
  customerRefundSchema,
  invoiceSchema,
  returnAuthorizationSchema,
  salesOrderSchema,
} from './sales';
import { recordBaseShape } from './common';

/** The record types with a schema. */
export const recordSchemas = {
  customer: customerSchema,
  salesOrder: salesOrderSchema,
  invoice: invoiceSchema,
  cashSale: cashSaleSchema,
  itemFulfillment: itemFulfillmentSchema,
  customerPayment: customerPaymentSchema,
  creditMemo: creditMemoSchema,
  customerRefund: customerRefundSchema,
  returnAuthorization: returnAuthorizationSchema,
  itemReceipt: itemReceiptSchema,
  inventoryAdjustment: inventoryAdjustmentSchema,
  transferOrder: transferOrderSchema,
  journalEntry: journalEntrySchema,
} as const;

/** A record type with a known schema. */
export type KnownRecordType = keyof typeof recordSchemas;

/** Any other record: the id fields checked, everything else passes. */
export const genericRecordSchema = z.looseObject(recordBaseShape);

/** The parsed record of a type: typed for known types, loose otherwise. */
export type RecordOf<T extends string> = T extends KnownRecordType
  ? z.output<(typeof recordSchemas)[T]>
  : z.output<typeof genericRecordSchema>;

/** The schema for a record type: known, custom record, or generic. */
export function schemaForRecordType(recordType: string): z.ZodType {
  if (Object.hasOwn(recordSchemas, recordType)) return recordSchemas[recordType as KnownRecordType];
  if (CUSTOM_RECORD_TYPE_PATTERN.test(recordType)) return customRecordSchema;

  return genericRecordSchema;
}
