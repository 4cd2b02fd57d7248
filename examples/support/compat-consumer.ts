/**
 * A stand-in for `createNotificationConsumer(options).run()` with the same options, for the
 * emulator only. Why: Amazon's OrderChangeNotification schema makes `Summary.DestinationPostalCode`
 * required (a string or null), and the sp-api-client consumer validates exactly that; the
 * emulator's ORDER_CHANGE summary leaves the key out (and each item's `SupplySourceId`, also
 * required), so the real consumer rightly rejects every
 * emulated message as unreadable. This loop uses the same aws4-signed SQS client
 * (`createSqsClient`) and parser (`parseNotification`), adds the missing key as `null` before
 * parsing, and keeps the consumer's rules: long poll, delete only after the handler resolved,
 * stop on the AbortSignal, back off after transient receive failures. Against real Amazon, use
 * `createNotificationConsumer` itself.
 */
import { setTimeout as delay } from 'node:timers/promises';

import { AbortedError, NetworkError, ServerError, ThrottledError } from '@sellerbridge/http-core';
import {
  createSqsClient,
  parseNotification,
  type NotificationConsumerOptions,
  type SpApiNotification,
  type SqsMessage,
} from '@sellerbridge/sp-api-client';

type Json = Record<string, unknown>;

const MAX_BACKOFF_MS = 60_000;

const isTransient = (error: unknown): boolean =>
  error instanceof NetworkError || error instanceof ServerError || error instanceof ThrottledError;

/**
 * Adds the keys Amazon's schema requires (as `null`, "no related information") where an
 * ORDER_CHANGE summary lacks them: `DestinationPostalCode`, and `SupplySourceId` of each item.
 */
function withRequiredKeys(body: string): string {
  const envelope = JSON.parse(body) as Json;
  const payload = envelope.Payload as Json | undefined;
  const change = payload?.OrderChangeNotification as Json | undefined;
  const summary = change?.Summary as Json | undefined;
  if (envelope.NotificationType !== 'ORDER_CHANGE' || !summary) return body;

  summary.DestinationPostalCode ??= null;
  for (const item of (summary.OrderItems ?? []) as Json[]) item.SupplySourceId ??= null;

  return JSON.stringify(envelope);
}

/** Receives and handles until `options.signal` aborts; resolves then. */
export async function consumeNotifications(options: NotificationConsumerOptions): Promise<void> {
  const sqs = createSqsClient(options);
  const { signal } = options;

  const handle = async (message: SqsMessage): Promise<void> => {
    let notification: SpApiNotification;
    try {
      notification = parseNotification(withRequiredKeys(message.body));
    } catch {
      return; // unreadable: left for the dead-letter queue, as the real consumer does
    }

    try {
      await options.handler(notification, { ...message, signal });
    } catch (error) {
      // Left on the queue: SQS shows it again after the visibility timeout.
      console.error(`notification ${message.messageId} failed: ${(error as Error).message}`);
      return;
    }

    await sqs.deleteMessage(message.receiptHandle);
  };

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
      if (!isTransient(error)) throw error;

      // Same rule as the real consumer: back off after a transient failure, doubling to 60 s.
      await delay(backoffMs, undefined, { signal }).catch(() => undefined);
      backoffMs = Math.min(backoffMs * 2, MAX_BACKOFF_MS);
      continue;
    }

    backoffMs = options.errorBackoffMs ?? 1_000;

    for (const message of messages) await handle(message);
  }
}
