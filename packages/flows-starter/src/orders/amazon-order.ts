/**
 * The fields of an Orders API 2026-01-01 `Order` the order flows rely on
 * (model: amazon/models/orders-api-model/orders_2026-01-01.json). Unknown fields pass through.
 */
import { z } from 'zod';

const moneySchema = z.looseObject({ amount: z.string(), currencyCode: z.string() });

const breakdownSchema = z.looseObject({
  type: z.string(),
  subtotal: moneySchema,
  detailedBreakdowns: z
    .array(z.looseObject({ subtype: z.string(), value: moneySchema }))
    .optional(),
});

const addressSchema = z.looseObject({
  name: z.string().optional(),
  companyName: z.string().optional(),
  addressLine1: z.string().optional(),
  addressLine2: z.string().optional(),
  addressLine3: z.string().optional(),
  city: z.string().optional(),
  districtOrCounty: z.string().optional(),
  stateOrRegion: z.string().optional(),
  postalCode: z.string().optional(),
  countryCode: z.string().optional(),
  phone: z.string().optional(),
  addressType: z.string().optional(),
});

const orderItemSchema = z.looseObject({
  orderItemId: z.string(),
  quantityOrdered: z.number().int(),
  product: z.looseObject({
    asin: z.string().optional(),
    title: z.string().optional(),
    sellerSku: z.string().optional(),
    condition: z.looseObject({ conditionType: z.string().optional() }).optional(),
    price: z.looseObject({ unitPrice: moneySchema.optional() }).optional(),
  }),
  proceeds: z
    .looseObject({
      proceedsTotal: moneySchema.optional(),
      breakdowns: z.array(breakdownSchema).optional(),
    })
    .optional(),
  promotion: z
    .looseObject({
      breakdowns: z.array(z.looseObject({ promotionId: z.string().optional() })).optional(),
    })
    .optional(),
  fulfillment: z
    .looseObject({
      quantityFulfilled: z.number().optional(),
      quantityUnfulfilled: z.number().optional(),
    })
    .optional(),
});

const packageSchema = z.looseObject({
  packageReferenceId: z.string(),
  carrier: z.string().optional(),
  trackingNumber: z.string().optional(),
  packageItems: z
    .array(z.looseObject({ orderItemId: z.string(), quantity: z.number() }))
    .optional(),
});

/** Schema of an order as the flows read it. */
export const amazonOrderSchema = z.looseObject({
  orderId: z.string().min(1),
  createdTime: z.string(),
  lastUpdatedTime: z.string(),
  programs: z.array(z.string()).optional(),
  salesChannel: z.looseObject({ channelName: z.string(), marketplaceId: z.string().optional() }),
  buyer: z
    .looseObject({
      buyerName: z.string().optional(),
      buyerEmail: z.string().optional(),
      buyerCompanyName: z.string().optional(),
      buyerPurchaseOrderNumber: z.string().optional(),
    })
    .optional(),
  recipient: z.looseObject({ deliveryAddress: addressSchema.optional() }).optional(),
  proceeds: z
    .looseObject({
      grandTotal: moneySchema.optional(),
      breakdowns: z.array(breakdownSchema).optional(),
    })
    .optional(),
  fulfillment: z
    .looseObject({
      fulfillmentStatus: z.string(),
      fulfilledBy: z.string().optional(),
      fulfillmentServiceLevel: z.string().optional(),
    })
    .optional(),
  orderItems: z.array(orderItemSchema),
  packages: z.array(packageSchema).optional(),
});

/** An Amazon order as the flows read it. */
export type AmazonOrder = z.infer<typeof amazonOrderSchema>;
/** One order item. */
export type AmazonOrderItem = AmazonOrder['orderItems'][number];
/** A delivery address. */
export type AmazonAddress = z.infer<typeof addressSchema>;
/** A proceeds breakdown entry. */
export type ProceedsBreakdown = z.infer<typeof breakdownSchema>;

/** Error for an Amazon order that lacks what the flow needs. */
export class InvalidOrderError extends Error {
  constructor(
    readonly orderId: string,
    readonly path: string,
    reason: string,
  ) {
    super(`order ${orderId}: ${reason} at ${path}`);
    this.name = 'InvalidOrderError';
  }
}

/**
 * Parses an order; the message names the first bad field (never its value, which may be PII).
 * @throws InvalidOrderError
 */
export function parseAmazonOrder(value: unknown): AmazonOrder {
  const result = amazonOrderSchema.safeParse(value);

  if (result.success) {
    return result.data;
  }

  const issue = result.error.issues[0];
  const orderId =
    typeof value === 'object' && value !== null
      ? String((value as { orderId?: unknown }).orderId ?? '?')
      : '?';

  throw new InvalidOrderError(orderId, issue?.path.join('.') ?? '', issue?.message ?? 'invalid');
}
