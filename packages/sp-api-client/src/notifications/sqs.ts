/**
 * A minimal SQS client for the notification consumer: ReceiveMessage, DeleteMessage and
 * ChangeMessageVisibility over the SQS JSON protocol (`application/x-amz-json-1.0`,
 * `X-Amz-Target: AmazonSQS.<Action>`), each request signed with SigV4 by `aws4`
 * (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/sqs-api-responses.html).
 */
import {
  AbortedError,
  AccessDeniedError,
  AuthError,
  InvalidInputError,
  NetworkError,
  ServerError,
  ThrottledError,
  fromNetworkError,
} from '@sellerbridge/http-core';
import type { VendorError } from '@sellerbridge/http-core';
import aws4 from 'aws4';
import got from 'got';

/** AWS credentials of the IAM user or role allowed to read the queue. Never logged. */
export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** Credentials, or an async provider read before every request (rotated keys, STS). */
export type AwsCredentialsSource = AwsCredentials | (() => Promise<AwsCredentials>);

/** Options of {@link createSqsClient}. */
export interface SqsClientOptions {
  queueUrl: string;
  credentials: AwsCredentialsSource;
  /** @default parsed from the queue URL (`https://sqs.<region>.amazonaws.com/…`) */
  region?: string;
  /** @default `https://sqs.<region>.amazonaws.com` (tests point it at a loopback server) */
  endpoint?: string;
}

/** One received message. */
export interface SqsMessage {
  messageId: string;
  receiptHandle: string;
  body: string;
  /** How often SQS has delivered it (1 on first delivery). */
  receiveCount: number;
}

interface ReceiveResponse {
  Messages?: Array<{
    MessageId: string;
    ReceiptHandle: string;
    Body: string;
    Attributes?: Record<string, string>;
  }>;
}

/** Builds the SQS client. */
export function createSqsClient(options: SqsClientOptions) {
  const region = options.region ?? /sqs\.([a-z0-9-]+)\.amazonaws\.com/.exec(options.queueUrl)?.[1];
  if (region === undefined) throw missingRegion(options.queueUrl);

  const endpoint = new URL(options.endpoint ?? `https://sqs.${region}.amazonaws.com`);

  async function send<T>(
    action: string,
    payload: Record<string, unknown>,
    signal?: AbortSignal,
    timeoutMs = 30_000,
  ): Promise<T> {
    const credentials =
      typeof options.credentials === 'function' ? await options.credentials() : options.credentials;
    const body = JSON.stringify({ QueueUrl: options.queueUrl, ...payload });
    const signed = aws4.sign(
      {
        host: endpoint.host,
        path: endpoint.pathname,
        method: 'POST',
        service: 'sqs',
        region,
        body,
        headers: {
          'Content-Type': 'application/x-amz-json-1.0',
          'X-Amz-Target': `AmazonSQS.${action}`,
        },
      },
      credentials,
    );

    let response;
    try {
      response = await got.post(endpoint.toString(), {
        body,
        headers: signed.headers as Record<string, string>,
        retry: { limit: 0 },
        throwHttpErrors: false,
        signal,
        timeout: { connect: 10_000, response: timeoutMs },
      });
    } catch (error) {
      throw fromNetworkError(error, {
        vendor: 'amazon',
        operation: `sqs.${action}`,
        method: 'POST',
        url: endpoint.toString(),
      });
    }

    if (response.statusCode >= 200 && response.statusCode < 300)
      return (response.body ? JSON.parse(response.body) : {}) as T;

    throw toSqsError(
      action,
      response.statusCode,
      response.body,
      response.headers['x-amzn-requestid'],
    );
  }

  return {
    /** Long-polls for up to `maxMessages` messages. */
    async receiveMessages(request: {
      waitTimeSeconds: number;
      maxMessages: number;
      visibilityTimeoutSeconds?: number;
      signal?: AbortSignal;
    }): Promise<SqsMessage[]> {
      const payload = {
        MaxNumberOfMessages: request.maxMessages,
        WaitTimeSeconds: request.waitTimeSeconds,
        VisibilityTimeout: request.visibilityTimeoutSeconds,
        MessageSystemAttributeNames: ['ApproximateReceiveCount'],
      };
      // The long poll holds the response for up to WaitTimeSeconds; allow that plus a margin.
      const result = await send<ReceiveResponse>(
        'ReceiveMessage',
        payload,
        request.signal,
        (request.waitTimeSeconds + 10) * 1000,
      );

      return (result.Messages ?? []).map((message) => ({
        messageId: message.MessageId,
        receiptHandle: message.ReceiptHandle,
        body: message.Body,
        receiveCount: Number(message.Attributes?.ApproximateReceiveCount ?? '1'),
      }));
    },

    /** Deletes a handled message. */
    async deleteMessage(receiptHandle: string, signal?: AbortSignal): Promise<void> {
      await send('DeleteMessage', { ReceiptHandle: receiptHandle }, signal);
    },

    /** Changes how long a received message stays hidden (0 = visible again now). */
    async changeVisibility(
      receiptHandle: string,
      visibilityTimeoutSeconds: number,
      signal?: AbortSignal,
    ): Promise<void> {
      await send(
        'ChangeMessageVisibility',
        { ReceiptHandle: receiptHandle, VisibilityTimeout: visibilityTimeoutSeconds },
        signal,
      );
    },
  };
}

/** The SQS client. */
export type SqsClient = ReturnType<typeof createSqsClient>;

// SQS JSON errors: {"__type":"com.amazonaws.sqs#QueueDoesNotExist","message":"…"}.
function toSqsError(
  action: string,
  status: number,
  body: string,
  requestId: string | string[] | undefined,
): VendorError {
  let parsed: { __type?: string; message?: string; Message?: string } = {};
  try {
    parsed = JSON.parse(body) as typeof parsed;
  } catch {
    // Not JSON (a proxy page): the status alone classifies it.
  }

  const vendorCode = parsed.__type?.split('#').pop();
  const init = {
    vendor: 'amazon' as const,
    operation: `sqs.${action}`,
    method: 'POST',
    status,
    vendorCode,
    vendorMessage: parsed.message ?? parsed.Message,
    requestId: Array.isArray(requestId) ? requestId[0] : requestId,
  };

  if (status === 429 || vendorCode === 'RequestThrottled' || vendorCode === 'ThrottlingException')
    return new ThrottledError(init);
  if (status >= 500) return new ServerError(init);
  if (
    vendorCode === 'InvalidClientTokenId' ||
    vendorCode === 'SignatureDoesNotMatch' ||
    vendorCode === 'ExpiredToken'
  )
    return new AuthError(init);
  if (status === 403) return new AccessDeniedError(init);

  return new InvalidInputError(init);
}

function missingRegion(queueUrl: string): InvalidInputError {
  return new InvalidInputError({
    vendor: 'amazon',
    operation: 'createSqsClient',
    errorPath: 'region',
    message: `cannot read the AWS region from queue URL ${queueUrl}; pass options.region`,
  });
}

/** True for errors that mean the consumer should stop rather than retry. */
export function isStopError(error: unknown): boolean {
  return (
    error instanceof AbortedError ||
    error instanceof AuthError ||
    error instanceof AccessDeniedError
  );
}

/** True for transient failures (network, throttling, 5xx). */
export function isTransientSqsError(error: unknown): boolean {
  return (
    error instanceof NetworkError || error instanceof ThrottledError || error instanceof ServerError
  );
}
