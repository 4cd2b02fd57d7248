/**
 * Building blocks of the record schemas (REST API Browser 2026.1 field names). Every object is
 * loose: unknown fields (custom `cust*` fields, fields of newer releases) pass through.
 * Shapes: references `{links, id, refName}`, sublists `{links, items, totalResults}`, enums
 * `{id, refName}` (https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_1545141500.html).
 */
import { z } from 'zod';

/** `links` array on records, references and sublists. */
export const linksSchema = z.array(
  z.looseObject({ rel: z.string().optional(), href: z.string().optional() }),
);

/** A reference to another record, or an enum value: `{id, refName}`. */
export const refSchema = z.looseObject({
  id: z.string().optional(),
  refName: z.string().optional(),
  externalId: z.string().optional(),
  links: linksSchema.optional(),
});

/** A reference type. */
export type NetSuiteRef = z.output<typeof refSchema>;

/**
 * Money or quantity as the decimal string NetSuite sent. JSON numbers are turned into their
 * shortest round-trip text (`100.1` → `"100.1"`), never into float arithmetic.
 */
export const decimalSchema = z
  .union([z.number(), z.string().regex(/^-?\d+(\.\d+)?$/)])
  .transform((value) => (typeof value === 'number' ? toDecimalText(value) : value));

function toDecimalText(value: number): string {
  const text = String(value);
  return /e/i.test(text) ? value.toFixed(20).replace(/\.?0+$/, '') : text;
}

/** `YYYY-MM-DD` date field (tranDate, dueDate…). */
export const dateSchema = z.string();

/** Date-time field (`createdDate`, `lastModifiedDate`: ISO-8601 with `Z`). */
export const dateTimeSchema = z.string();

/** A subrecord such as an address: loose object. */
export const addressSchema = z.looseObject({
  addressee: z.string().optional(),
  attention: z.string().optional(),
  addr1: z.string().optional(),
  addr2: z.string().optional(),
  addr3: z.string().optional(),
  city: z.string().optional(),
  state: z.string().optional(),
  zip: z.string().optional(),
  country: z.union([refSchema, z.string()]).optional(),
  addrPhone: z.string().optional(),
  addrText: z.string().optional(),
  override: z.boolean().optional(),
});

/** A sublist: `{items?, links?, totalResults?}`; a link-only stub unless expanded. */
export function sublistSchema<T extends z.ZodType>(line: T) {
  return z.looseObject({
    items: z.array(line).optional(),
    links: linksSchema.optional(),
    totalResults: z.number().optional(),
    count: z.number().optional(),
    hasMore: z.boolean().optional(),
    offset: z.number().optional(),
  });
}

/** Fields every record response has. */
export const recordBaseShape = {
  id: z.string().optional(),
  externalId: z.string().optional(),
  links: linksSchema.optional(),
};

/** Body fields common to all transactions (reference §6). */
export const transactionShape = {
  ...recordBaseShape,
  tranId: z.string().optional(),
  tranDate: dateSchema.optional(),
  entity: refSchema.optional(),
  subsidiary: refSchema.optional(),
  location: refSchema.optional(),
  department: refSchema.optional(),
  class: refSchema.optional(),
  currency: refSchema.optional(),
  exchangeRate: decimalSchema.optional(),
  memo: z.string().optional(),
  postingPeriod: refSchema.optional(),
  customForm: z.union([refSchema, z.string()]).optional(),
  status: z.union([refSchema, z.string()]).optional(),
  createdFrom: refSchema.optional(),
  createdDate: dateTimeSchema.optional(),
  lastModifiedDate: dateTimeSchema.optional(),
};

/** A transaction `item` sublist line (salesOrder, invoice, cashSale, creditMemo…). */
export const itemLineSchema = z.looseObject({
  line: z.number().optional(),
  orderLine: z.number().optional(),
  item: refSchema.optional(),
  quantity: decimalSchema.optional(),
  rate: decimalSchema.optional(),
  amount: decimalSchema.optional(),
  price: refSchema.optional(),
  taxCode: refSchema.optional(),
  description: z.string().optional(),
  location: refSchema.optional(),
  inventoryLocation: refSchema.optional(),
  isClosed: z.boolean().optional(),
  itemType: z.union([refSchema, z.string()]).optional(),
  quantityFulfilled: decimalSchema.optional(),
  quantityBilled: decimalSchema.optional(),
  inventoryDetail: z.looseObject({}).optional(),
});

/** An `apply` sublist line (payments, credit memos, refunds), keyed by `doc` + `line`. */
export const applyLineSchema = z.looseObject({
  doc: refSchema.optional(),
  apply: z.boolean().optional(),
  amount: decimalSchema.optional(),
  line: z.number().optional(),
  due: decimalSchema.optional(),
  total: decimalSchema.optional(),
  refNum: z.string().optional(),
  type: z.string().optional(),
  applyDate: dateSchema.optional(),
});
