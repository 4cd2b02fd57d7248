import { readFileSync } from 'node:fs';

import { AuthError, InvalidInputError } from '@sellerbridge/http-core';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { createNotificationConsumer } from '../../src/notifications';
import type { NotificationConsumerOptions, SpApiNotification } from '../../src/notifications';
import { sharedPath } from '../../../../test-support/shared';
import { TEST_CREDENTIALS, startFakeSqs } from './fake-sqs';
import type { FakeSqs } from './fake-sqs';

const reportExample = JSON.stringify(
  (
    JSON.parse(
      readFileSync(
        sharedPath('amazon/models/schemas/notifications/ReportProcessingFinishedNotification.json'),
        'utf8',
      ),
    ) as { examples: unknown[] }
  ).examples[0],
);

let sqs: FakeSqs | undefined;
afterEach(async () => {
  await sqs?.server.close();
  sqs = undefined;
});

function consumerFor(
  fake: FakeSqs,
  controller: AbortController,
  handler: NotificationConsumerOptions['handler'],
  extra: Partial<NotificationConsumerOptions> = {},
) {
  return createNotificationConsumer({
    queueUrl: fake.queueUrl,
    endpoint: fake.server.url,
    credentials: async () => TEST_CREDENTIALS,
    signal: controller.signal,
    visibilityTimeoutSeconds: 90,
    handler,
    ...extra,
  });
}

describe(createNotificationConsumer.name, () => {
  it('long-polls with signed requests, hands typed notifications over and deletes them after success', async () => {
    sqs = await startFakeSqs();
    const fake = sqs;
    const controller = new AbortController();
    const seen: SpApiNotification[] = [];
    fake.enqueue(reportExample);

    const run = consumerFor(fake, controller, async (notification) => {
      seen.push(notification);
      controller.abort();
    }).run();
    await run;

    expect(seen.map((item) => item.type)).toEqual(['REPORT_PROCESSING_FINISHED']);
    expect(fake.deleted).toEqual(['rh-m-1-1']);
    expect(fake.badSignatures).toBe(0);
    expect(fake.receives[0]).toMatchObject({
      QueueUrl: fake.queueUrl,
      WaitTimeSeconds: 20,
      VisibilityTimeout: 90,
      MaxNumberOfMessages: 10,
    });
  });

  it('leaves a message whose handler failed, so SQS redelivers it', async () => {
    sqs = await startFakeSqs();
    const fake = sqs;
    const controller = new AbortController();
    const attempts: number[] = [];
    fake.enqueue(reportExample);

    await consumerFor(fake, controller, async (_, context) => {
      attempts.push(context.receiveCount);
      if (context.receiveCount === 1) {
        fake.expireVisibility();
        throw new Error('NetSuite is down');
      }
      controller.abort();
    }).run();

    expect(attempts).toEqual([1, 2]);
    expect(fake.deleted).toEqual(['rh-m-1-2']);
  });

  it('does not delete an unreadable message and keeps consuming', async () => {
    sqs = await startFakeSqs();
    const fake = sqs;
    const controller = new AbortController();
    const warn = vi.fn();
    fake.enqueue('{"NotificationType":"ORDER_CHANGE","Payload":{}}');
    fake.enqueue(reportExample);

    await consumerFor(fake, controller, async () => controller.abort(), {
      logger: { debug: vi.fn(), info: vi.fn(), warn, error: vi.fn() },
    }).run();

    expect(fake.deleted).toEqual(['rh-m-2-1']);
    expect(warn).toHaveBeenCalledWith(
      expect.objectContaining({ messageId: 'm-1', notificationType: 'ORDER_CHANGE' }),
      expect.any(String),
    );
  });

  it('stops gracefully while a long poll is waiting', async () => {
    sqs = await startFakeSqs();
    const controller = new AbortController();

    const run = consumerFor(sqs, controller, async () => undefined).run();
    await vi.waitFor(() => expect(sqs?.receives).toHaveLength(1));
    controller.abort();

    await expect(run).resolves.toBeUndefined();
  });

  it('backs off and retries after a transient SQS failure', async () => {
    sqs = await startFakeSqs();
    const fake = sqs;
    const controller = new AbortController();
    fake.failNext(500, '{"__type":"com.amazonaws.sqs#InternalError","message":"oops"}');
    fake.enqueue(reportExample);

    await consumerFor(fake, controller, async () => controller.abort(), {
      errorBackoffMs: 5,
    }).run();

    expect(fake.receives).toHaveLength(2);
    expect(fake.deleted).toHaveLength(1);
  });

  it('fails with AuthError when the signature is rejected', async () => {
    sqs = await startFakeSqs();
    const controller = new AbortController();
    const wrongKey = { ...TEST_CREDENTIALS, secretAccessKey: 'wrong' };

    const run = consumerFor(sqs, controller, async () => undefined, {
      credentials: wrongKey,
    }).run();

    await expect(run).rejects.toBeInstanceOf(AuthError);
    await expect(run).rejects.toMatchObject({ vendorCode: 'SignatureDoesNotMatch', status: 403 });
  });

  it.each([
    ['waitTimeSeconds', 21],
    ['maxMessages', 0],
    ['visibilityTimeoutSeconds', 1.5],
  ])('rejects %s = %s before any request', (name, value) => {
    const create = () =>
      createNotificationConsumer({
        queueUrl: 'https://sqs.us-east-1.amazonaws.com/1/q',
        credentials: TEST_CREDENTIALS,
        signal: new AbortController().signal,
        handler: async () => undefined,
        [name]: value,
      });

    expect(create).toThrow(InvalidInputError);
    expect(create).toThrow(new RegExp(name));
  });
});
