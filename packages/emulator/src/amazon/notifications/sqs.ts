/**
 * SQS-compatible endpoint: the JSON protocol (`X-Amz-Target: AmazonSQS.<Action>`, AWS SDK v3)
 * and the query protocol (form `Action=...`, older SDKs and aws4-signed clients), each request
 * verified with AWS SigV4 against the emulator's AWS credentials.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AmazonCredentials } from '../server/lwa';
import type { AmazonContext } from '../server/types';
import type { NotificationHub } from './hub';
import { verifySigV4 } from './sigv4';
import { knownQueues, SqsActions, SqsError } from './sqs-actions';

/** Dependencies of the SQS endpoint. */
export interface SqsDeps {
  ctx: AmazonContext;
  credentials: AmazonCredentials;
  hub: NotificationHub;
}

const JSON_ERROR_TYPES: Record<string, string> = {
  'AWS.SimpleQueueService.NonExistentQueue': 'com.amazonaws.sqs#QueueDoesNotExist',
  ReceiptHandleIsInvalid: 'com.amazonaws.sqs#ReceiptHandleIsInvalid',
  InvalidParameterValue: 'com.amazonaws.sqs#InvalidParameterValue',
  MissingParameter: 'com.amazonaws.sqs#MissingParameter',
  InvalidAction: 'com.amazonaws.sqs#InvalidAction',
};

function xmlEscape(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function queueNameOf(url: URL, params: Record<string, unknown>): string {
  const source =
    typeof params.QueueUrl === 'string' ? new URL(params.QueueUrl).pathname : url.pathname;
  return decodeURIComponent(source.split('/').filter(Boolean).pop() ?? '');
}

function toXml(action: string, result: unknown, requestId: string): string {
  const body = (() => {
    if (action === 'ReceiveMessage') {
      const messages = (result as Array<Record<string, unknown>>).map((m) => {
        const attrs = Object.entries(m.Attributes as Record<string, string>)
          .map(([k, v]) => `<Attribute><Name>${k}</Name><Value>${v}</Value></Attribute>`)
          .join('');
        return `<Message><MessageId>${m.MessageId}</MessageId><ReceiptHandle>${xmlEscape(String(m.ReceiptHandle))}</ReceiptHandle><MD5OfBody>${m.MD5OfBody}</MD5OfBody><Body>${xmlEscape(String(m.Body))}</Body>${attrs}</Message>`;
      });
      return `<ReceiveMessageResult>${messages.join('')}</ReceiveMessageResult>`;
    }
    if (result && typeof result === 'object') {
      const fields = Object.entries(result)
        .map(([k, v]) => `<${k}>${xmlEscape(String(v))}</${k}>`)
        .join('');
      return `<${action}Result>${fields}</${action}Result>`;
    }
    return '';
  })();
  return `<?xml version="1.0"?><${action}Response xmlns="http://queue.amazonaws.com/doc/2012-11-05/">${body}<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${action}Response>`;
}

function sendError(res: ServerResponse, isJson: boolean, error: SqsError, requestId: string): void {
  if (isJson) {
    res.writeHead(error.status, {
      'Content-Type': 'application/x-amz-json-1.0',
      'x-amzn-RequestId': requestId,
    });
    res.end(
      JSON.stringify({
        __type: JSON_ERROR_TYPES[error.code] ?? `com.amazon.coral.service#${error.code}`,
        message: error.message,
      }),
    );
    return;
  }
  const type = error.status >= 500 ? 'Receiver' : 'Sender';
  res.writeHead(error.status, { 'Content-Type': 'text/xml', 'x-amzn-RequestId': requestId });
  res.end(
    `<?xml version="1.0"?><ErrorResponse xmlns="http://queue.amazonaws.com/doc/2012-11-05/"><Error><Type>${type}</Type><Code>${error.code}</Code><Message>${xmlEscape(error.message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`,
  );
}

function parseRequest(
  req: IncomingMessage,
  url: URL,
  rawBody: Buffer,
): { isJson: boolean; action: string; params: Record<string, unknown> } {
  const target = req.headers['x-amz-target'];
  if (typeof target === 'string') {
    const params =
      rawBody.length > 0 ? (JSON.parse(rawBody.toString('utf8')) as Record<string, unknown>) : {};
    return { isJson: true, action: target.replace(/^AmazonSQS\./, ''), params };
  }
  const form = new URLSearchParams(rawBody.toString('utf8'));
  for (const [k, v] of url.searchParams) if (!form.has(k)) form.set(k, v);
  return { isJson: false, action: form.get('Action') ?? '', params: Object.fromEntries(form) };
}

/** Creates the SQS request handler. */
export function createSqsHandler(deps: SqsDeps) {
  const actions = new SqsActions(deps.ctx, deps.hub, deps.ctx.timeScale);
  const defaultQueue = deps.credentials.queueUrl.split('/').pop() ?? '';

  async function run(
    action: string,
    queueName: string,
    params: Record<string, unknown>,
  ): Promise<unknown> {
    if (action !== 'GetQueueUrl' && !knownQueues(deps.ctx, defaultQueue).has(queueName)) {
      throw new SqsError(
        'AWS.SimpleQueueService.NonExistentQueue',
        'The specified queue does not exist for this wsdl version.',
      );
    }
    switch (action) {
      case 'ReceiveMessage':
        return actions.receive(queueName, params);
      case 'DeleteMessage':
        return actions.delete(queueName, params);
      case 'ChangeMessageVisibility':
        return actions.changeVisibility(queueName, params);
      case 'SendMessage':
        return actions.send(queueName, params);
      case 'GetQueueUrl':
        if (!knownQueues(deps.ctx, defaultQueue).has(String(params.QueueName))) {
          throw new SqsError(
            'AWS.SimpleQueueService.NonExistentQueue',
            'The specified queue does not exist for this wsdl version.',
          );
        }
        return { QueueUrl: deps.credentials.queueUrl.replace(/[^/]+$/, String(params.QueueName)) };
      default:
        throw new SqsError('InvalidAction', `The action ${action} is not valid for this endpoint.`);
    }
  }

  return async (
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    rawBody: Buffer,
  ): Promise<void> => {
    const requestId = randomUUID();
    let isJson = typeof req.headers['x-amz-target'] === 'string';
    try {
      const check = verifySigV4(
        {
          method: req.method ?? 'POST',
          path: url.pathname,
          query: url.searchParams,
          headers: req.headers,
          body: rawBody,
        },
        {
          accessKeyId: deps.credentials.awsAccessKeyId,
          secretAccessKey: deps.credentials.awsSecretAccessKey,
          region: deps.credentials.awsRegion,
          service: 'sqs',
          nowMs: deps.ctx.clock().getTime(),
        },
      );
      if (!check.ok) throw new SqsError(check.code, check.message, 403);

      const parsed = parseRequest(req, url, rawBody);
      isJson = parsed.isJson;
      const result = await run(parsed.action, queueNameOf(url, parsed.params), parsed.params);
      if (isJson) {
        const json = parsed.action === 'ReceiveMessage' ? { Messages: result } : (result ?? {});
        res.writeHead(200, {
          'Content-Type': 'application/x-amz-json-1.0',
          'x-amzn-RequestId': requestId,
        });
        res.end(JSON.stringify(json));
        return;
      }
      res.writeHead(200, { 'Content-Type': 'text/xml', 'x-amzn-RequestId': requestId });
      res.end(toXml(parsed.action, result, requestId));
    } catch (error) {
      if (!(error instanceof SqsError)) throw error;
      sendError(res, isJson, error, requestId);
    }
  };
}
