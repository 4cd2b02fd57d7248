import aws4 from 'aws4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningAmazonEmulator } from '../../src/amazon/server/emulator';
import { signingKey } from '../../src/amazon/notifications/sigv4';
import {
  type ApiBody,
  call,
  grantlessToken,
  sellerToken,
  startTestEmulator,
  type FakeClock,
} from './helpers';

let amazon: RunningAmazonEmulator;
let clock: FakeClock;
let token: string;
let grantless: string;

beforeAll(async () => {
  ({ amazon, clock } = await startTestEmulator({ timeScale: 100 }));
  token = await sellerToken(amazon);
  grantless = await grantlessToken(amazon);
});
afterAll(async () => amazon.close());

/** Signs an SQS request with the aws4 package (an independent SigV4 implementation). */
async function sqs(
  form: Record<string, string> | undefined,
  json?: { target: string; body: object },
  secret?: string,
): Promise<Response> {
  const url = new URL(amazon.credentials.queueUrl);
  const body = json
    ? JSON.stringify(json.body)
    : new URLSearchParams({
        ...form,
        QueueUrl: amazon.credentials.queueUrl,
        Version: '2012-11-05',
      }).toString();
  const headers: Record<string, string> = json
    ? { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': `AmazonSQS.${json.target}` }
    : { 'content-type': 'application/x-www-form-urlencoded' };
  // aws4 takes the signing time from X-Amz-Date when present: sign at the emulator's fake time.
  headers['X-Amz-Date'] = clock
    .now()
    .toISOString()
    .replace(/[:-]|\.\d{3}/g, '');
  const opts = {
    host: url.host,
    path: url.pathname,
    method: 'POST',
    service: 'sqs',
    region: 'us-east-1',
    headers,
    body,
  };
  aws4.sign(opts, {
    accessKeyId: amazon.credentials.awsAccessKeyId,
    secretAccessKey: secret ?? amazon.credentials.awsSecretAccessKey,
  });
  return fetch(url, { method: 'POST', headers: opts.headers as Record<string, string>, body });
}

/** ReceiveMessage over the JSON protocol. */
async function receiveJson(): Promise<ApiBody> {
  const res = await sqs(undefined, {
    target: 'ReceiveMessage',
    body: { QueueUrl: amazon.credentials.queueUrl },
  });
  return (await res.json()) as ApiBody;
}

describe('SigV4', () => {
  it('derives the signing key of the AWS documentation example', () => {
    const key = signingKey(
      'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
      '20120215',
      'us-east-1',
      'iam',
    );
    expect(key.toString('hex')).toBe(
      'f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d',
    );
  });

  it('rejects a wrong secret and an unsigned request', async () => {
    const wrong = await sqs({ Action: 'ReceiveMessage' }, undefined, 'not-the-secret');
    expect(wrong.status).toBe(403);
    expect(await wrong.text()).toContain('<Code>SignatureDoesNotMatch</Code>');
    const unsigned = await fetch(amazon.credentials.queueUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'Action=ReceiveMessage',
    });
    expect(unsigned.status).toBe(403);
  });
});

describe('notifications to SQS', () => {
  it('needs a grantless token for destinations and a seller token for subscriptions', async () => {
    const arn = 'arn:aws:sqs:us-east-1:000000000000:sellerbridge-notifications';
    const withSeller = await call(amazon, token, 'POST', '/notifications/v1/destinations', {
      name: 'q',
      resourceSpecification: { sqs: { arn } },
    });
    expect(withSeller.status).toBe(403);
    const destination = await call(amazon, grantless, 'POST', '/notifications/v1/destinations', {
      name: 'q',
      resourceSpecification: { sqs: { arn } },
    });
    expect(destination.status).toBe(200);
    const destinationId = destination.body.payload.destinationId;
    expect(
      (
        await call(amazon, grantless, 'POST', '/notifications/v1/destinations', {
          name: 'q',
          resourceSpecification: { sqs: { arn } },
        })
      ).status,
    ).toBe(409);

    for (const type of ['ORDER_CHANGE', 'FEED_PROCESSING_FINISHED']) {
      const sub = await call(amazon, token, 'POST', `/notifications/v1/subscriptions/${type}`, {
        payloadVersion: type === 'ORDER_CHANGE' ? '1.0' : '2020-09-04',
        destinationId,
      });
      expect(sub.status).toBe(200);
      expect(sub.body.payload.subscriptionId).toBeTruthy();
    }
    const got = await call(amazon, token, 'GET', '/notifications/v1/subscriptions/ORDER_CHANGE');
    expect(got.body.payload.destinationId).toBe(destinationId);
  });

  it('delivers ORDER_CHANGE on confirmShipment; receive hides, visibility returns, delete removes', async () => {
    const order = amazon.world.orders.find(
      (o) =>
        o.fulfillment?.fulfillmentStatus === 'UNSHIPPED' &&
        o.fulfillment.fulfilledBy === 'MERCHANT',
    )!;
    const confirm = await call(
      amazon,
      token,
      'POST',
      `/orders/v0/orders/${order.orderId}/shipmentConfirmation`,
      {
        marketplaceId: 'ATVPDKIKX0DER',
        packageDetail: {
          packageReferenceId: '1',
          carrierCode: 'UPS',
          trackingNumber: '1Z',
          shipDate: '2026-11-30T10:00:00Z',
          orderItems: order.orderItems.map((i) => ({
            orderItemId: i.orderItemId,
            quantity: i.quantityOrdered,
          })),
        },
      },
    );
    expect(confirm.status).toBe(204);

    const received = await sqs({
      Action: 'ReceiveMessage',
      MaxNumberOfMessages: '10',
      VisibilityTimeout: '30',
    });
    const xml = await received.text();
    expect(received.status).toBe(200);
    const handle = /<ReceiptHandle>([^<]+)<\/ReceiptHandle>/.exec(xml)![1]!;
    const body = JSON.parse(
      /<Body>([^<]+)<\/Body>/
        .exec(xml)![1]!
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&')
        .replace(/&apos;/g, "'")
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>'),
    );
    expect(body).toMatchObject({
      NotificationType: 'ORDER_CHANGE',
      PayloadVersion: '1.0',
      Payload: {
        OrderChangeNotification: {
          AmazonOrderId: order.orderId,
          Summary: { OrderStatus: 'Shipped' },
        },
      },
    });
    expect(body.NotificationMetadata.ApplicationId).toBe(amazon.credentials.applicationId);
    expect(JSON.stringify(body)).not.toContain(order.buyer?.buyerName ?? '@@');

    const hidden = await sqs(undefined, {
      target: 'ReceiveMessage',
      body: { QueueUrl: amazon.credentials.queueUrl },
    });
    expect(((await hidden.json()) as ApiBody).Messages).toEqual([]);
    clock.advance(30_000);
    const again = await receiveJson();
    expect(again.Messages).toHaveLength(1);
    expect(again.Messages[0].Attributes.ApproximateReceiveCount).toBe('2');

    const stale = await sqs({ Action: 'DeleteMessage', ReceiptHandle: handle });
    expect(stale.status).toBe(400);
    expect(await stale.text()).toContain('ReceiptHandleIsInvalid');
    const deleted = await sqs(undefined, {
      target: 'DeleteMessage',
      body: {
        QueueUrl: amazon.credentials.queueUrl,
        ReceiptHandle: again.Messages[0].ReceiptHandle,
      },
    });
    expect(deleted.status).toBe(200);
    clock.advance(60_000);
    expect((await receiveJson()).Messages).toEqual([]);
  });

  it('long-polls until a message arrives', async () => {
    // Without long polling the receive would return empty: the message is sent 50 ms later.
    const pending = sqs(undefined, {
      target: 'ReceiveMessage',
      body: { QueueUrl: amazon.credentials.queueUrl, WaitTimeSeconds: 20 },
    });
    setTimeout(
      () =>
        void sqs(undefined, {
          target: 'SendMessage',
          body: { QueueUrl: amazon.credentials.queueUrl, MessageBody: 'hello' },
        }),
      50,
    );
    const result = (await (await pending).json()) as ApiBody;
    expect(result.Messages[0].Body).toBe('hello');
    expect(amazon.inspect.notifications().length).toBeGreaterThan(0);
  });

  it('delivers REPORT_PROCESSING_FINISHED in the camelCase envelope when a report is done', async () => {
    const destinationId = (await call(amazon, grantless, 'GET', '/notifications/v1/destinations'))
      .body.payload[0].destinationId;
    const sub = await call(
      amazon,
      token,
      'POST',
      '/notifications/v1/subscriptions/REPORT_PROCESSING_FINISHED',
      { payloadVersion: '2020-09-04', destinationId },
    );
    expect(sub.status).toBe(200);
    const created = await call(amazon, token, 'POST', '/reports/2021-06-30/reports', {
      reportType: 'GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL',
      marketplaceIds: ['ATVPDKIKX0DER'],
      dataStartTime: '2026-11-01T00:00:00Z',
    });
    expect(created.status).toBe(202);
    clock.advance(60_000);

    const res = await sqs(undefined, {
      target: 'ReceiveMessage',
      body: { QueueUrl: amazon.credentials.queueUrl, MaxNumberOfMessages: 10 },
    });
    const messages = ((await res.json()) as ApiBody).Messages as Array<{ Body: string }>;
    const bodies = messages.filter((m) => m.Body.startsWith('{')).map((m) => JSON.parse(m.Body));
    const report = bodies.find((b) => b.notificationType === 'REPORT_PROCESSING_FINISHED');
    expect(report).toMatchObject({
      notificationVersion: '2020-09-04',
      payloadVersion: '2020-09-04',
      payload: {
        reportProcessingFinishedNotification: {
          reportId: created.body.reportId,
          processingStatus: 'DONE',
        },
      },
      notificationMetadata: { applicationId: amazon.credentials.applicationId },
    });
  });

  it('delivers FEED_PROCESSING_FINISHED when a feed is done', async () => {
    const doc = await call(amazon, token, 'POST', '/feeds/2021-06-30/documents', {
      contentType: 'application/json',
    });
    const feedBody = JSON.stringify({
      header: { sellerId: amazon.credentials.sellingPartnerId, version: '2.0' },
      messages: [{ messageId: 1, sku: 'none', operationType: 'DELETE' }],
    });
    await fetch(doc.body.url, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: feedBody,
    });
    const feed = await call(amazon, token, 'POST', '/feeds/2021-06-30/feeds', {
      feedType: 'JSON_LISTINGS_FEED',
      marketplaceIds: ['ATVPDKIKX0DER'],
      inputFeedDocumentId: doc.body.feedDocumentId,
    });
    clock.advance(2_000);
    await call(amazon, token, 'GET', `/feeds/2021-06-30/feeds/${feed.body.feedId}`);

    const res = await sqs(undefined, {
      target: 'ReceiveMessage',
      body: { QueueUrl: amazon.credentials.queueUrl, MaxNumberOfMessages: 10 },
    });
    const bodies = (((await res.json()) as ApiBody).Messages as Array<{ Body: string }>)
      .filter((m) => m.Body.startsWith('{'))
      .map((m) => JSON.parse(m.Body));
    expect(bodies).toContainEqual(
      expect.objectContaining({
        notificationType: 'FEED_PROCESSING_FINISHED',
        payload: {
          feedProcessingFinishedNotification: expect.objectContaining({
            feedId: feed.body.feedId,
            processingStatus: 'DONE',
          }),
        },
      }),
    );
  });

  it('rejects a request signed more than 15 minutes away from the emulator clock', async () => {
    const url = new URL(amazon.credentials.queueUrl);
    const signedAt = new Date(clock.now().getTime() - 16 * 60_000);
    const headers = {
      'content-type': 'application/x-www-form-urlencoded',
      'X-Amz-Date': signedAt.toISOString().replace(/[:-]|\.\d{3}/g, ''),
    };
    const body = 'Action=ReceiveMessage';
    const opts = {
      host: url.host,
      path: url.pathname,
      method: 'POST',
      service: 'sqs',
      region: 'us-east-1',
      headers,
      body,
    };
    aws4.sign(opts, {
      accessKeyId: amazon.credentials.awsAccessKeyId,
      secretAccessKey: amazon.credentials.awsSecretAccessKey,
    });
    const res = await fetch(url, {
      method: 'POST',
      headers: opts.headers as Record<string, string>,
      body,
    });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('RequestTimeTooSkewed');
  });

  it('answers NonExistentQueue for an unknown queue', async () => {
    const res = await sqs(undefined, {
      target: 'ReceiveMessage',
      body: { QueueUrl: amazon.credentials.queueUrl.replace(/[^/]+$/, 'missing') },
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as ApiBody).__type).toBe('com.amazonaws.sqs#QueueDoesNotExist');
  });
});
