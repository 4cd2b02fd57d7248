/**
 * The SQS notification consumer: long-polls the queue (WaitTimeSeconds 20), hands each
 * notification to the handler, and deletes a message only after the handler succeeded. A
 * failed handler leaves the message; SQS shows it again after the visibility timeout (and moves
 * it to the dead-letter queue after the redrive policy's maxReceiveCount).
 */
import { AbortedError, InvalidInputError, silentLogger } from '@sellerbridge/http-core';
import type { Logger } from '@sellerbridge/http-core';

import { sleep } from '../reports/poll';
import { NotificationParseError, parseNotification } from './payloads';
import type { SpApiNotification } from './payloads';
import { createSqsClient, isTransientSqsError } from './sqs';
import type { SqsClientOptions, SqsMessage } from './sqs';

/** What the handler learns besides the notification. */
export interface NotificationContext {
  messageId: string;
  /** 1 on first delivery; higher means earlier attempts failed. */
  receiveCount: number;
  /** Fires when the consumer is asked to stop; the handler may finish or give up. */
  signal: AbortSignal;
}

/** Options of {@link createNotificationConsumer}. */
export interface NotificationConsumerOptions extends SqsClientOptions {
  handler: (notification: SpApiNotification, context: NotificationContext) => Promise<void>;
  /** Stops the consumer: the current long poll is cancelled, a running handler finishes. */
  signal: AbortSignal;
  /**
   * Long-poll wait; 20 s is SQS's maximum and keeps empty receives (and cost) low.
   * @default 20
   */
  waitTimeSeconds?: number;
  /**
   * How long received messages stay hidden while handled; choose more than the handler's
   * worst-case time.
   * @default the queue's setting
   */
  visibilityTimeoutSeconds?: number;
  /** @default 10 (SQS maximum) */
  maxMessages?: number;
  /** @default silent */
  logger?: Logger;
  /**
   * First wait after a transient receive failure; doubles up to 60 s.
   * @default 1_000
   */
  errorBackoffMs?: number;
}

/** A running consumer. */
export interface NotificationConsumer {
  /**
   * Receives and handles until the signal aborts; resolves then.
   * @throws AuthError, AccessDeniedError, InvalidInputError (e.g. QueueDoesNotExist): fatal SQS failures
   */
  run(): Promise<void>;
}

/** Builds an SQS notification consumer. */
export function createNotificationConsumer(
  options: NotificationConsumerOptions,
): NotificationConsumer {
  assertSqsLimits(options);
  const sqs = createSqsClient(options);
  const logger = options.logger ?? silentLogger;
  const { signal } = options;

  async function handleMessage(message: SqsMessage): Promise<void> {
    const context = { messageId: message.messageId, receiveCount: message.receiveCount };
    let notification: SpApiNotification;

    try {
      notification = parseNotification(message.body);
    } catch (error) {
      const details =
        error instanceof NotificationParseError
          ? { notificationType: error.notificationType, fieldPath: error.fieldPath }
          : {};
      logger.warn(
        { operation: 'sqs.handle', ...context, ...details, reason: (error as Error).message },
        'unreadable notification left for the dead-letter queue',
      );
      return;
    }

    try {
      await options.handler(notification, { ...context, signal });
    } catch (error) {
      logger.warn(
        {
          operation: 'sqs.handle',
          ...context,
          type: notification.type,
          error: errorSummary(error),
        },
        'notification handler failed; message left for redelivery',
      );
      return;
    }

    // Deleting must happen even when a stop was requested meanwhile, so no signal here.
    await sqs.deleteMessage(message.receiptHandle);
    logger.debug(
      { operation: 'sqs.handle', ...context, type: notification.type },
      'notification handled and deleted',
    );
  }

  async function run(): Promise<void> {
    let backoffMs = options.errorBackoffMs ?? 1_000;

    while (!signal.aborted) {
      let messages: SqsMessage[];
      try {
        messages = await sqs.receiveMessages({
          waitTimeSeconds: options.waitTimeSeconds ?? 20,
          maxMessages: options.maxMessages ?? 10,
          visibilityTimeoutSeconds: options.visibilityTimeoutSeconds,
          signal,
        });
      } catch (error) {
        if (error instanceof AbortedError || signal.aborted) return;
        if (!isTransientSqsError(error)) throw error;

        logger.warn(
          { operation: 'sqs.ReceiveMessage', backoffMs, error: errorSummary(error) },
          'receive failed; backing off',
        );
        if (!(await pause(backoffMs))) return;
        backoffMs = Math.min(backoffMs * 2, 60_000);
        continue;
      }

      backoffMs = options.errorBackoffMs ?? 1_000;
      for (const message of messages) await handleOrLog(message);
    }
  }

  async function handleOrLog(message: SqsMessage): Promise<void> {
    try {
      await handleMessage(message);
    } catch (error) {
      // A failed delete means SQS redelivers the message; handlers must be idempotent anyway.
      logger.warn(
        {
          operation: 'sqs.DeleteMessage',
          messageId: message.messageId,
          error: errorSummary(error),
        },
        'delete failed; message will be redelivered',
      );
    }
  }

  async function pause(delayMs: number): Promise<boolean> {
    try {
      await sleep(delayMs, signal, 'sqs.ReceiveMessage');
      return true;
    } catch {
      return false;
    }
  }

  return { run };
}

// Error name, code and message only: handler errors may quote payload fields, so no details.
function errorSummary(error: unknown): Record<string, unknown> {
  if (typeof error !== 'object' || error === null) return { message: String(error) };

  const shape = error as { name?: unknown; code?: unknown; status?: unknown };
  return { name: shape.name, code: shape.code, status: shape.status };
}

/**
 * SQS ReceiveMessage limits: WaitTimeSeconds 0–20, MaxNumberOfMessages 1–10, VisibilityTimeout
 * 0–43,200 s (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_ReceiveMessage.html).
 */
const SQS_LIMITS = [
  ['waitTimeSeconds', 0, 20],
  ['maxMessages', 1, 10],
  ['visibilityTimeoutSeconds', 0, 43_200],
] as const;

function assertSqsLimits(options: NotificationConsumerOptions): void {
  for (const [name, min, max] of SQS_LIMITS) {
    const value = options[name];
    if (value === undefined || (Number.isInteger(value) && value >= min && value <= max)) continue;

    throw new InvalidInputError({
      vendor: 'amazon',
      operation: 'createNotificationConsumer',
      errorPath: name,
      message: `amazon createNotificationConsumer: ${name} must be an integer from ${min} to ${max}`,
    });
  }
}
