/**
 * A loopback stand-in for SQS speaking the JSON protocol. It checks each request's SigV4
 * signature by re-signing it with aws4 and the known secret, holds ReceiveMessage open while
 * the queue is empty (long poll), and records deletes.
 */
import aws4 from 'aws4';

import { startLoopback } from '../reports/support';
import type { LoopbackServer, SeenRequest } from '../reports/support';
import type { AwsCredentials } from '../../src/notifications';

/** Test credentials (not real). */
export const TEST_CREDENTIALS: AwsCredentials = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'test-secret-key-not-real',
};

/** The fake queue. */
export interface FakeSqs {
  server: LoopbackServer;
  queueUrl: string;
  /** Messages waiting to be received. */
  enqueue(body: string): void;
  deleted: string[];
  receives: Array<Record<string, unknown>>;
  badSignatures: number;
  /** Makes every received, undeleted message visible again (the visibility timeout ran out). */
  expireVisibility(): void;
  /** Answer the next ReceiveMessage calls with these statuses / bodies first. */
  failNext(status: number, body: string): void;
}

/** Starts the fake SQS on 127.0.0.1:0. */
export async function startFakeSqs(): Promise<FakeSqs> {
  const queue: Array<{ id: string; body: string; receives: number }> = [];
  const inFlight = new Map<string, { id: string; body: string; receives: number }>();
  const waiting: Array<() => void> = [];
  const failures: Array<{ status: number; body: string }> = [];
  let counter = 0;

  const fake = {
    deleted: [] as string[],
    receives: [] as Array<Record<string, unknown>>,
    badSignatures: 0,
    enqueue(body: string) {
      counter += 1;
      queue.push({ id: `m-${counter}`, body, receives: 0 });
      waiting.splice(0).forEach((wake) => wake());
    },
    expireVisibility() {
      queue.push(...inFlight.values());
      inFlight.clear();
      waiting.splice(0).forEach((wake) => wake());
    },
    failNext(status: number, body: string) {
      failures.push({ status, body });
    },
  };

  const server = await startLoopback({
    '/': (request, res) => {
      if (!isSignatureValid(request, server.url)) {
        fake.badSignatures += 1;
        return void res
          .writeHead(403)
          .end('{"__type":"com.amazonaws.sqs#SignatureDoesNotMatch","message":"bad signature"}');
      }

      const action = String(request.headers['x-amz-target']).replace('AmazonSQS.', '');
      const payload = JSON.parse(request.body.toString('utf8')) as Record<string, unknown>;

      if (action === 'DeleteMessage') {
        fake.deleted.push(String(payload.ReceiptHandle));
        inFlight.delete(String(payload.ReceiptHandle).split('-').slice(1, 3).join('-'));
        return void res.writeHead(200, { 'content-type': 'application/x-amz-json-1.0' }).end('{}');
      }

      fake.receives.push(payload);
      const failure = failures.shift();
      if (failure) return void res.writeHead(failure.status).end(failure.body);

      const answer = () => {
        const batch = queue.splice(0, Number(payload.MaxNumberOfMessages ?? 1));
        const messages = batch.map((item) => {
          item.receives += 1;
          inFlight.set(item.id, item);
          return {
            MessageId: item.id,
            ReceiptHandle: `rh-${item.id}-${item.receives}`,
            Body: item.body,
            Attributes: { ApproximateReceiveCount: String(item.receives) },
          };
        });
        res
          .writeHead(200, { 'content-type': 'application/x-amz-json-1.0' })
          .end(JSON.stringify({ Messages: messages }));
      };

      if (queue.length > 0) return answer();
      waiting.push(answer);
    },
  });

  return {
    ...fake,
    server,
    queueUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/sp-api-notifications',
  } as FakeSqs;
}

function isSignatureValid(request: SeenRequest, serverUrl: string): boolean {
  const headers = request.headers;
  const resigned = aws4.sign(
    {
      host: new URL(serverUrl).host,
      path: '/',
      method: 'POST',
      service: 'sqs',
      region: 'us-east-1',
      body: request.body.toString('utf8'),
      headers: {
        'Content-Type': String(headers['content-type']),
        'X-Amz-Target': String(headers['x-amz-target']),
        'X-Amz-Date': String(headers['x-amz-date']),
      },
    },
    TEST_CREDENTIALS,
  );

  return resigned.headers?.Authorization === headers.authorization;
}
