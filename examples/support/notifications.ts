/**
 * Notifications setup for the worker example: an SQS destination for the seller's queue and an
 * ORDER_CHANGE subscription to it, reused when they exist already
 * (https://developer-docs.amazon.com/sp-api/docs/notifications-api-v1-use-case-guide).
 */
import type { RunningEmulators } from '@sellerbridge/emulator';
import type { SpApiClient, SqsClientOptions } from '@sellerbridge/sp-api-client';

/** `arn:aws:sqs:<region>:<account>:<queue>` of an SQS queue URL (`…/<account>/<queue>`). */
export function queueArnOf(queueUrl: string, region: string): string {
  const [account, queue] = new URL(queueUrl).pathname.split('/').slice(-2);

  return `arn:aws:sqs:${region}:${account}:${queue}`;
}

/**
 * Makes sure ORDER_CHANGE notifications reach the queue: finds or creates the destination
 * (a grantless call: the client uses a client-credentials token for it), then finds or creates
 * the seller's subscription. Returns the subscription id.
 */
export async function subscribeToOrderChanges(
  amazon: SpApiClient,
  queueArn: string,
): Promise<string> {
  const destinations = await amazon.notifications.getDestinations();
  const destination =
    destinations.find((candidate) => candidate.resource.sqs?.arn === queueArn) ??
    (await amazon.notifications.createSqsDestination({ name: 'sellerbridge', queueArn }));

  try {
    const existing = await amazon.notifications.getSubscription('ORDER_CHANGE');
    if (existing.destinationId === destination.destinationId) return existing.subscriptionId;
  } catch (error) {
    // Amazon answers 404 NotFound when the seller has no subscription of this type yet.
    if ((error as { status?: number }).status !== 404) throw error;
  }

  const created = await amazon.notifications.createSubscription({
    notificationType: 'ORDER_CHANGE',
    destinationId: destination.destinationId,
  });

  return created.subscriptionId;
}

/**
 * SQS options for the emulator's queue: its URL, AWS region and test keys. The endpoint override
 * keeps the SigV4-signed requests on loopback (the default is
 * `https://sqs.<region>.amazonaws.com`).
 */
export function emulatorQueue(emulators: RunningEmulators): SqsClientOptions {
  const { credentials, sqsUrl } = emulators.amazon;

  return {
    queueUrl: credentials.queueUrl,
    region: credentials.awsRegion,
    endpoint: sqsUrl,
    credentials: {
      accessKeyId: credentials.awsAccessKeyId,
      secretAccessKey: credentials.awsSecretAccessKey,
    },
  };
}
