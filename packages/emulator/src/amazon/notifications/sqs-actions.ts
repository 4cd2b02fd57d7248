/**
 * SQS actions over the emulated queues: ReceiveMessage (long poll, visibility timeout),
 * DeleteMessage, ChangeMessageVisibility, SendMessage, GetQueueUrl
 * (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/).
 */
import { randomBytes } from 'node:crypto';
import type { AmazonContext } from '../server/types';
import {
  type DestinationRecord,
  type NotificationHub,
  type QueuedMessage,
  queueNameOfArn,
} from './hub';

/** An SQS error (code as in the query protocol). */
export class SqsError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

/** A received message. */
export interface ReceivedMessage {
  MessageId: string;
  ReceiptHandle: string;
  MD5OfBody: string;
  Body: string;
  Attributes: Record<string, string>;
}

/** SQS limits: up to 10 messages per receive, long polls up to 20 s, default visibility 30 s. */
const MAX_MESSAGES = 10;
const MAX_WAIT_SECONDS = 20;
const DEFAULT_VISIBILITY_SECONDS = 30;
const MAX_VISIBILITY_SECONDS = 43_200;

function intParam(
  value: unknown,
  name: string,
  min: number,
  max: number,
  fallback: number,
): number {
  if (value === undefined || value === null || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new SqsError(
      'InvalidParameterValue',
      `Value ${String(value)} for parameter ${name} is invalid. Must be between ${min} and ${max}.`,
    );
  }
  return n;
}

/** Names of the queues that exist: the default queue and every SQS destination's queue. */
export function knownQueues(ctx: AmazonContext, defaultQueue: string): Set<string> {
  const names = ctx.store
    .list<DestinationRecord>('destination')
    .map((d) => d.resource.sqs?.arn)
    .filter((a): a is string => Boolean(a));
  return new Set([defaultQueue, ...names.map(queueNameOfArn)]);
}

/** The actions bound to one emulator. */
export class SqsActions {
  constructor(
    private readonly ctx: AmazonContext,
    private readonly hub: NotificationHub,
    private readonly timeScale: number,
  ) {}

  #visible(queueName: string): QueuedMessage[] {
    const nowMs = this.ctx.clock().getTime();
    return this.ctx.store.list<QueuedMessage>(
      'sqsMessage',
      (m) => m.queueName === queueName && m.visibleAtMs <= nowMs,
    );
  }

  /** ReceiveMessage; waits up to WaitTimeSeconds (divided by timeScale, real time) for a message. */
  async receive(queueName: string, params: Record<string, unknown>): Promise<ReceivedMessage[]> {
    const max = intParam(params.MaxNumberOfMessages, 'MaxNumberOfMessages', 1, MAX_MESSAGES, 1);
    const waitSeconds = intParam(params.WaitTimeSeconds, 'WaitTimeSeconds', 0, MAX_WAIT_SECONDS, 0);
    const visibilitySeconds = intParam(
      params.VisibilityTimeout,
      'VisibilityTimeout',
      0,
      MAX_VISIBILITY_SECONDS,
      DEFAULT_VISIBILITY_SECONDS,
    );

    const deadline = Date.now() + (waitSeconds * 1000) / this.timeScale;
    let visible = this.#visible(queueName);
    while (visible.length === 0 && Date.now() < deadline) {
      await this.hub.waitForMessage(Math.min(100, deadline - Date.now()));
      // The server is shutting down: answer empty instead of reading a closed store.
      if (this.hub.closed) return [];
      visible = this.#visible(queueName);
    }

    const nowMs = this.ctx.clock().getTime();
    return visible.slice(0, max).map((message) => {
      const receiptHandle = `${message.messageId}#${randomBytes(16).toString('base64url')}`;
      const updated = {
        ...message,
        receiptHandle,
        receiveCount: message.receiveCount + 1,
        visibleAtMs: nowMs + visibilitySeconds * 1000,
      };
      this.ctx.store.put('sqsMessage', message.messageId, updated);
      return {
        MessageId: message.messageId,
        ReceiptHandle: receiptHandle,
        MD5OfBody: message.md5OfBody,
        Body: message.body,
        Attributes: {
          ApproximateReceiveCount: String(updated.receiveCount),
          SentTimestamp: String(message.sentAtMs),
        },
      };
    });
  }

  #byHandle(queueName: string, handle: unknown): QueuedMessage {
    const messageId = typeof handle === 'string' ? handle.split('#')[0] : undefined;
    const message = messageId
      ? this.ctx.store.get<QueuedMessage>('sqsMessage', messageId)
      : undefined;
    if (!message || message.queueName !== queueName || message.receiptHandle !== handle) {
      throw new SqsError(
        'ReceiptHandleIsInvalid',
        `The input receipt handle "${String(handle)}" is not a valid receipt handle.`,
      );
    }
    return message;
  }

  delete(queueName: string, params: Record<string, unknown>): void {
    const message = this.#byHandle(queueName, params.ReceiptHandle);
    this.ctx.store.delete('sqsMessage', message.messageId);
  }

  changeVisibility(queueName: string, params: Record<string, unknown>): void {
    const message = this.#byHandle(queueName, params.ReceiptHandle);
    const seconds = intParam(
      params.VisibilityTimeout,
      'VisibilityTimeout',
      0,
      MAX_VISIBILITY_SECONDS,
      0,
    );
    this.ctx.store.put('sqsMessage', message.messageId, {
      ...message,
      visibleAtMs: this.ctx.clock().getTime() + seconds * 1000,
    });
  }

  send(
    queueName: string,
    params: Record<string, unknown>,
  ): { MessageId: string; MD5OfMessageBody: string } {
    if (typeof params.MessageBody !== 'string' || params.MessageBody === '') {
      throw new SqsError('MissingParameter', 'The request must contain the parameter MessageBody.');
    }
    const message = this.hub.enqueue(queueName, params.MessageBody);
    return { MessageId: message.messageId, MD5OfMessageBody: message.md5OfBody };
  }
}
