/**
 * Typed notification payloads (zod) for the three types the flows use, from
 * amazon/models/schemas/notifications/: ORDER_CHANGE (PascalCase envelope),
 * REPORT_PROCESSING_FINISHED and FEED_PROCESSING_FINISHED (camelCase envelopes). Unknown
 * fields pass through; other notification types are returned untyped.
 */
import { z } from 'zod';

const processingStatus = z.enum(['CANCELLED', 'DONE', 'FATAL', 'IN_PROGRESS', 'IN_QUEUE']);

const camelMetadata = z.looseObject({
  applicationId: z.string(),
  subscriptionId: z.string(),
  publishTime: z.string(),
  notificationId: z.string(),
});

const orderItemSchema = z.looseObject({
  OrderItemId: z.string(),
  SellerSKU: z.string(),
  SupplySourceId: z.string().nullable(),
  Quantity: z.number().int(),
  OrderItemStatus: z.string().optional(),
  QuantityShipped: z.number().int().optional(),
  IsBuyerRequestedCancel: z.boolean().optional(),
});

/** ORDER_CHANGE (OrderChangeNotification.json). */
export const orderChangeNotificationSchema = z.looseObject({
  NotificationVersion: z.string(),
  NotificationType: z.literal('ORDER_CHANGE'),
  PayloadVersion: z.string(),
  EventTime: z.string(),
  Payload: z.looseObject({
    OrderChangeNotification: z.looseObject({
      NotificationLevel: z.enum(['OrderItemLevel', 'OrderLevel']),
      SellerId: z.string(),
      AmazonOrderId: z.string(),
      OrderChangeType: z.string(),
      OrderChangeTrigger: z.looseObject({
        TimeOfOrderChange: z.string().nullable(),
        ChangeReason: z.string(),
      }),
      Summary: z.looseObject({
        MarketplaceId: z.string(),
        OrderStatus: z.string(),
        PurchaseDate: z.string().nullable(),
        /** Buyer location data: never log it. */
        DestinationPostalCode: z.string().nullable(),
        FulfillmentType: z.string(),
        OrderType: z.string(),
        OrderItems: z.array(orderItemSchema),
      }),
    }),
  }),
  NotificationMetadata: z.looseObject({
    ApplicationId: z.string(),
    SubscriptionId: z.string(),
    PublishTime: z.string(),
    NotificationId: z.string(),
  }),
});

/** REPORT_PROCESSING_FINISHED (ReportProcessingFinishedNotification.json). */
export const reportProcessingFinishedNotificationSchema = z.looseObject({
  notificationVersion: z.string(),
  notificationType: z.literal('REPORT_PROCESSING_FINISHED'),
  payloadVersion: z.string(),
  eventTime: z.string(),
  payload: z.looseObject({
    reportProcessingFinishedNotification: z.looseObject({
      sellerId: z.string().optional(),
      accountId: z.string(),
      reportId: z.string(),
      reportType: z.string(),
      processingStatus,
      reportDocumentId: z.string().optional(),
    }),
  }),
  notificationMetadata: camelMetadata,
});

/** FEED_PROCESSING_FINISHED (FeedProcessingFinishedNotification.json). */
export const feedProcessingFinishedNotificationSchema = z.looseObject({
  notificationVersion: z.string(),
  notificationType: z.literal('FEED_PROCESSING_FINISHED'),
  payloadVersion: z.string(),
  eventTime: z.string(),
  payload: z.looseObject({
    feedProcessingFinishedNotification: z.looseObject({
      sellerId: z.string().optional(),
      accountId: z.string(),
      feedId: z.string(),
      feedType: z.string(),
      processingStatus,
      resultFeedDocumentId: z.string().optional(),
    }),
  }),
  notificationMetadata: camelMetadata,
});

/** ORDER_CHANGE payload. */
export type OrderChangeNotification = z.infer<typeof orderChangeNotificationSchema>;
/** REPORT_PROCESSING_FINISHED payload. */
export type ReportProcessingFinishedNotification = z.infer<
  typeof reportProcessingFinishedNotificationSchema
>;
/** FEED_PROCESSING_FINISHED payload. */
export type FeedProcessingFinishedNotification = z.infer<
  typeof feedProcessingFinishedNotificationSchema
>;

/** A received notification: typed for the three known types, raw for the others. */
export type SpApiNotification =
  | { type: 'ORDER_CHANGE'; notification: OrderChangeNotification }
  | { type: 'REPORT_PROCESSING_FINISHED'; notification: ReportProcessingFinishedNotification }
  | { type: 'FEED_PROCESSING_FINISHED'; notification: FeedProcessingFinishedNotification }
  | { type: 'OTHER'; notificationType: string; notification: unknown };

/** Why a message body could not be read; carries a field path, never the body (it may hold buyer data). */
export class NotificationParseError extends Error {
  readonly notificationType?: string;
  readonly fieldPath?: string;

  constructor(message: string, details: { notificationType?: string; fieldPath?: string } = {}) {
    super(message);
    this.name = 'NotificationParseError';
    this.notificationType = details.notificationType;
    this.fieldPath = details.fieldPath;
  }
}

const SCHEMAS = {
  ORDER_CHANGE: orderChangeNotificationSchema,
  REPORT_PROCESSING_FINISHED: reportProcessingFinishedNotificationSchema,
  FEED_PROCESSING_FINISHED: feedProcessingFinishedNotificationSchema,
} as const;

/**
 * Parses an SQS message body into a notification.
 * @throws NotificationParseError when the body is not JSON, has no type, or a known type lacks a field
 */
export function parseNotification(body: string): SpApiNotification {
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(body) as Record<string, unknown>;
  } catch {
    throw new NotificationParseError('notification body is not JSON');
  }

  const notificationType = json?.NotificationType ?? json?.notificationType;
  if (typeof notificationType !== 'string')
    throw new NotificationParseError('notification has no notificationType');
  if (!(notificationType in SCHEMAS))
    return { type: 'OTHER', notificationType, notification: json };

  const type = notificationType as keyof typeof SCHEMAS;
  const result = SCHEMAS[type].safeParse(json);
  if (!result.success) {
    const fieldPath = result.error.issues[0]?.path.join('.');
    throw new NotificationParseError(
      `${type} notification is invalid at ${fieldPath ?? '(root)'}`,
      { notificationType: type, fieldPath },
    );
  }

  return { type, notification: result.data } as SpApiNotification;
}
