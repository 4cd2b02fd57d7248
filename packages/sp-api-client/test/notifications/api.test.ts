import { describe, expect, it } from 'vitest';

import { createNotificationsApi } from '../../src/notifications';
import { fakeRequester } from '../reports/support';

describe(createNotificationsApi.name, () => {
  it('creates an SQS destination and unwraps the payload', async () => {
    const destination = {
      destinationId: 'D1',
      name: 'orders',
      resource: { sqs: { arn: 'arn:aws:sqs:us-east-1:123:q' } },
    };
    const requester = fakeRequester({ createDestination: () => ({ payload: destination }) });

    const created = await createNotificationsApi(requester).createSqsDestination({
      name: 'orders',
      queueArn: 'arn:aws:sqs:us-east-1:123:q',
    });

    expect(created).toEqual(destination);
    expect(requester.calls[0]).toEqual({
      operation: 'createDestination',
      request: {
        body: {
          name: 'orders',
          resourceSpecification: { sqs: { arn: 'arn:aws:sqs:us-east-1:123:q' } },
        },
        signal: undefined,
      },
    });
  });

  it('subscribes with the payload version of the notification type', async () => {
    const requester = fakeRequester({
      createSubscription: () => ({
        payload: { subscriptionId: 'S1', payloadVersion: '1.0', destinationId: 'D1' },
      }),
    });

    await createNotificationsApi(requester).createSubscription({
      notificationType: 'ORDER_CHANGE',
      destinationId: 'D1',
    });
    await expect(
      createNotificationsApi(
        fakeRequester({ createSubscription: () => ({ errors: [] }) }),
      ).createSubscription({ notificationType: 'ORDER_CHANGE', destinationId: 'D1' }),
    ).rejects.toThrow(/unexpected response at payload/);

    expect(requester.calls[0]?.request).toMatchObject({
      path: { notificationType: 'ORDER_CHANGE' },
      body: { destinationId: 'D1', payloadVersion: '1.0' },
    });
  });

  it('deletes a subscription by id', async () => {
    const requester = fakeRequester({ deleteSubscriptionById: () => ({}) });

    await createNotificationsApi(requester).deleteSubscription({
      notificationType: 'FEED_PROCESSING_FINISHED',
      subscriptionId: 'S9',
    });

    expect(requester.calls[0]?.request.path).toEqual({
      notificationType: 'FEED_PROCESSING_FINISHED',
      subscriptionId: 'S9',
    });
  });
});
