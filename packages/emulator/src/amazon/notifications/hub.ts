/**
 * Notification delivery: events published by the areas (ORDER_CHANGE, REPORT_PROCESSING_FINISHED,
 * FEED_PROCESSING_FINISHED) are wrapped in Amazon's notification envelope and put on the SQS
 * queue of every matching subscription's destination
 * (https://developer-docs.amazon.com/sp-api/docs/notifications-api-v1-use-case-guide).
 */
import { createHash, randomUUID } from 'node:crypto';
import type { AmazonCredentials } from '../server/lwa';
import type { AmazonContext, AmazonEventType } from '../server/types';

/** A destination as createDestination stores it. */
export interface DestinationRecord {
  destinationId: string;
  name: string;
  resource: {
    sqs?: { arn: string };
    eventBridge?: { name: string; region: string; accountId: string };
  };
}

/** A subscription as createSubscription stores it. */
export interface SubscriptionRecord {
  subscriptionId: string;
  sellerId: string;
  notificationType: string;
  payloadVersion: string;
  destinationId: string;
}

/** One message on an emulated SQS queue. */
export interface QueuedMessage {
  messageId: string;
  queueName: string;
  body: string;
  md5OfBody: string;
  sentAtMs: number;
  visibleAtMs: number;
  receiveCount: number;
  receiptHandle?: string;
}

/** Publishes events and lets the SQS endpoint find its messages. */
export interface NotificationHub {
  publish(event: { type: AmazonEventType; payload: unknown }): void;
  /** Every notification published so far (envelopes), for the inspector. */
  published(): Array<Record<string, unknown>>;
  /** Puts a raw message on a queue (SendMessage and notifications). */
  enqueue(queueName: string, body: string): QueuedMessage;
  /** Resolves when a message is enqueued or after `timeoutMs` (long polling). */
  waitForMessage(timeoutMs: number): Promise<void>;
  /** Ends pending long polls (server shutdown). */
  close(): void;
  readonly closed: boolean;
}

/** Queue name of an SQS ARN (`arn:aws:sqs:us-east-1:000000000000:name`). */
export function queueNameOfArn(arn: string): string {
  return arn.split(':').pop() ?? arn;
}

/**
 * Amazon's envelope: ORDER_CHANGE uses PascalCase keys and payload version 1.0
 * (schemas/notifications/OrderChangeNotification.json); report and feed notifications use
 * camelCase keys and version 2020-09-04 (ReportProcessingFinishedNotification.json).
 */
export function buildEnvelope(
  event: { type: AmazonEventType; payload: unknown },
  subscription: SubscriptionRecord,
  applicationId: string,
  now: string,
): Record<string, unknown> {
  const notificationId = randomUUID();
  if (event.type === 'ORDER_CHANGE') {
    return {
      NotificationVersion: '1.0',
      NotificationType: event.type,
      PayloadVersion: subscription.payloadVersion,
      EventTime: now,
      Payload: event.payload,
      NotificationMetadata: {
        ApplicationId: applicationId,
        SubscriptionId: subscription.subscriptionId,
        PublishTime: now,
        NotificationId: notificationId,
      },
    };
  }
  return {
    notificationVersion: '2020-09-04',
    notificationType: event.type,
    payloadVersion: subscription.payloadVersion,
    eventTime: now,
    payload: event.payload,
    notificationMetadata: {
      applicationId,
      subscriptionId: subscription.subscriptionId,
      publishTime: now,
      notificationId,
    },
  };
}

/** Creates the hub over the context's store. */
export function createNotificationHub(
  ctx: AmazonContext,
  credentials: AmazonCredentials,
): NotificationHub {
  const sent: Array<Record<string, unknown>> = [];
  const waiters = new Set<() => void>();
  let closed = false;

  function enqueue(queueName: string, body: string): QueuedMessage {
    const nowMs = ctx.clock().getTime();
    const messageId = randomUUID();
    const message: QueuedMessage = {
      messageId,
      queueName,
      body,
      md5OfBody: createHash('md5').update(body).digest('hex'),
      sentAtMs: nowMs,
      visibleAtMs: nowMs,
      receiveCount: 0,
    };
    ctx.store.put<QueuedMessage>('sqsMessage', messageId, message);
    for (const wake of [...waiters]) wake();
    return message;
  }

  return {
    publish(event) {
      const subscriptions = ctx.store.list<SubscriptionRecord>('subscription', {
        notificationType: event.type,
      });
      for (const subscription of subscriptions) {
        const destination = ctx.store.get<DestinationRecord>(
          'destination',
          subscription.destinationId,
        );
        const arn = destination?.resource.sqs?.arn;
        if (!arn) continue;

        const envelope = buildEnvelope(
          event,
          subscription,
          credentials.applicationId,
          ctx.clock().toISOString(),
        );
        sent.push(envelope);
        enqueue(queueNameOfArn(arn), JSON.stringify(envelope));
      }
    },
    published: () => [...sent],
    enqueue,
    get closed() {
      return closed;
    },
    close() {
      closed = true;
      for (const wake of [...waiters]) wake();
    },
    waitForMessage(timeoutMs) {
      if (closed) return Promise.resolve();
      return new Promise((resolve) => {
        const done = () => {
          clearTimeout(timer);
          waiters.delete(done);
          resolve();
        };
        const timer = setTimeout(done, timeoutMs);
        timer.unref();
        waiters.add(done);
      });
    },
  };
}
