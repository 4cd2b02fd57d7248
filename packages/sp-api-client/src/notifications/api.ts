/**
 * Notifications API v1 helpers: destinations (grantless — the requester uses a
 * client-credentials token with scope `sellingpartnerapi::notifications` for these operation
 * ids, reference §4) and subscriptions (per selling partner).
 */
import { z } from 'zod';

import type { SpApiRequester } from '../client/types';
import { parseBody } from '../reports/parse-body';

const destinationSchema = z.looseObject({
  destinationId: z.string(),
  name: z.string(),
  resource: z.looseObject({ sqs: z.looseObject({ arn: z.string() }).optional() }),
});

const subscriptionSchema = z.looseObject({
  subscriptionId: z.string(),
  payloadVersion: z.string(),
  destinationId: z.string(),
  processingDirective: z.unknown().optional(),
});

// Notifications v1 wraps answers in `{ payload, errors? }` (reference §2.5).
const wrapped = <T extends z.ZodType>(schema: T) => z.looseObject({ payload: schema });

/** An SQS or EventBridge destination. */
export type Destination = z.infer<typeof destinationSchema>;
/** A subscription of one notification type to a destination. */
export type Subscription = z.infer<typeof subscriptionSchema>;

/** Payload versions per notification type (from the schemas' examples). */
export const PAYLOAD_VERSIONS: Readonly<Record<string, string>> = {
  ORDER_CHANGE: '1.0',
  REPORT_PROCESSING_FINISHED: '2020-09-04',
  FEED_PROCESSING_FINISHED: '2020-09-04',
};

/** Builds the `client.notifications` namespace. */
export function createNotificationsApi(requester: SpApiRequester) {
  async function call<T extends z.ZodType>(
    operation: string,
    schema: T,
    request: Parameters<SpApiRequester['call']>[1],
  ): Promise<z.infer<T>> {
    const response = await requester.call(operation, request);

    const envelope = parseBody(wrapped(schema), response.body, {
      operation,
      requestId: response.requestId,
    });

    return envelope.payload as z.infer<T>;
  }

  return {
    /** Lists destinations (grantless). */
    getDestinations: (signal?: AbortSignal) =>
      call('getDestinations', z.array(destinationSchema), { signal }),

    /** Creates an SQS destination for a queue ARN (grantless). */
    createSqsDestination: (input: { name: string; queueArn: string }, signal?: AbortSignal) =>
      call('createDestination', destinationSchema, {
        body: { name: input.name, resourceSpecification: { sqs: { arn: input.queueArn } } },
        signal,
      }),

    /** Deletes a destination (grantless). */
    deleteDestination: async (destinationId: string, signal?: AbortSignal) => {
      await requester.call('deleteDestination', { path: { destinationId }, signal });
    },

    /** The seller's subscription to a type, if any. */
    getSubscription: (notificationType: string, signal?: AbortSignal) =>
      call('getSubscription', subscriptionSchema, {
        path: { notificationType },
        query: { payloadVersion: PAYLOAD_VERSIONS[notificationType] },
        signal,
      }),

    /** Subscribes the seller to a notification type at a destination. */
    createSubscription: (
      input: {
        notificationType: string;
        destinationId: string;
        payloadVersion?: string;
        processingDirective?: unknown;
      },
      signal?: AbortSignal,
    ) =>
      call('createSubscription', subscriptionSchema, {
        path: { notificationType: input.notificationType },
        body: {
          destinationId: input.destinationId,
          payloadVersion: input.payloadVersion ?? PAYLOAD_VERSIONS[input.notificationType] ?? '1.0',
          processingDirective: input.processingDirective,
        },
        signal,
      }),

    /** Deletes a subscription (grantless). */
    deleteSubscription: async (
      input: { notificationType: string; subscriptionId: string },
      signal?: AbortSignal,
    ) => {
      await requester.call('deleteSubscriptionById', { path: { ...input }, signal });
    },
  };
}

/** The `client.notifications` namespace. */
export type NotificationsApi = ReturnType<typeof createNotificationsApi>;
