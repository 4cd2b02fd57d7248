/**
 * Notifications worker: Amazon orders imported as their ORDER_CHANGE notifications arrive on SQS,
 * instead of polling `searchOrders`. Each notification of an MFN order runs the on-demand import
 * for that order id; the message is deleted only after the import ran (a failed run leaves it on
 * the queue, and SQS shows it again after the visibility timeout).
 *
 * Against the emulators, the script itself makes orders happen: it advances the emulated world
 * (new pending orders, then their payment → Unshipped), waits until every notification is
 * handled, prints what it imported and stops the consumer through its AbortSignal.
 * Run from the repo root: `node --import tsx examples/notifications-worker.ts`
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';

import { createIntegration, type RunSummary } from '@sellerbridge/flows-core';
import { requestOrderImport, starter } from '@sellerbridge/flows-starter';
import { createNetSuiteClient } from '@sellerbridge/netsuite-client';
import {
  createNotificationConsumer,
  createSpApiClient,
  type SpApiNotification,
} from '@sellerbridge/sp-api-client';
import { createSqliteStore } from '@sellerbridge/store-sqlite';

import { prepareAccount, salesOrdersInNetSuite } from './support/emulated-account';
import {
  amazonClientOptions,
  netsuiteClientOptions,
  startDemoEmulators,
} from './support/emulators';
import { emulatorQueue, queueArnOf, subscribeToOrderChanges } from './support/notifications';

/** World time the script moves forward: 1 h of new (pending) orders, then 2 h so they are paid. */
const WORLD_STEPS_MS = [3_600_000, 7_200_000];
/** Longest wait for the queue to be worked off after a step (real time). */
const DRAIN_TIMEOUT_MS = 30_000;

const { emulators, world } = await startDemoEmulators({ seed: 3 });
const amazon = createSpApiClient(amazonClientOptions(emulators));
const netsuite = createNetSuiteClient(netsuiteClientOptions(emulators));
const stateDir = mkdtempSync(join(tmpdir(), 'sellerbridge-notifications-'));
const integration = createIntegration({
  id: 'notifications-worker',
  amazon,
  netsuite,
  store: createSqliteStore({ file: join(stateDir, 'state.db') }),
  plugins: [starter(await prepareAccount(netsuite, emulators))],
});

// 1. Subscribe the seller's ORDER_CHANGE notifications to our SQS queue.
const queue = emulatorQueue(emulators);
await subscribeToOrderChanges(amazon, queueArnOf(queue.queueUrl, queue.region ?? 'us-east-1'));

// 2. The worker: one on-demand import per notification of an MFN order.
let handled = 0;
const outcomeOf = (summary: RunSummary): string => {
  if (summary.created > 0) return 'created';
  if (summary.failed > 0) return 'failed (error record)';
  return 'nothing to do';
};

async function onNotification(notification: SpApiNotification): Promise<void> {
  if (notification.type !== 'ORDER_CHANGE') return;

  const change = notification.notification.Payload.OrderChangeNotification;
  if (change.Summary.FulfillmentType === 'MFN') {
    const summary = (await requestOrderImport(integration, {
      orderIds: [change.AmazonOrderId],
    })) as RunSummary;
    // A run that did not complete throws, so the message stays queued; a record-level failure
    // (e.g. a SKU missing in NetSuite) is an error record, retried with `integration.retryErrors`.
    if (summary.status !== 'completed')
      throw new Error(`import of ${change.AmazonOrderId} ${summary.status}`);

    const { AmazonOrderId: orderId, Summary } = change;
    console.log(`ORDER_CHANGE ${orderId} (${Summary.OrderStatus}): ${outcomeOf(summary)}`);
  }
  handled += 1;
}

const stopping = new AbortController();
process.once('SIGINT', () => stopping.abort());
const consuming = createNotificationConsumer({
  ...queue,
  handler: onNotification,
  signal: stopping.signal,
  visibilityTimeoutSeconds: 60,
}).run();

// 3. Orders happen: move the emulated world forward and wait until the worker caught up.
const published = () =>
  emulators.amazon.inspect.notifications().filter((n) => n.NotificationType === 'ORDER_CHANGE')
    .length;
for (const stepMs of WORLD_STEPS_MS) {
  const changes = emulators.amazon.inspect.advanceWorld(stepMs);
  console.log(`world +${stepMs / 60_000} min: ${changes.length} order changes`);

  const deadline = Date.now() + DRAIN_TIMEOUT_MS;
  while (handled < published() && Date.now() < deadline && !stopping.signal.aborted) {
    await delay(50);
  }
  if (handled < published()) {
    console.error(`timed out: ${published() - handled} notifications not handled`);
    process.exitCode = 1;
  }
}

// 4. Stop the consumer (its long poll is cancelled), then close everything.
stopping.abort();
await consuming;
const errors = await integration.errors.list({ status: 'open' });
const salesOrders = salesOrdersInNetSuite(emulators);
console.log(
  `handled ${handled} of ${published()} notifications; ${salesOrders.length} sales orders created`,
);
console.log(
  JSON.stringify({
    world,
    worldStepsMs: WORLD_STEPS_MS,
    notifications: published(),
    handled,
    salesOrders,
    errors: errors.map((e) => e.traceKey),
  }),
);

await integration.close();
await Promise.all([amazon.close(), netsuite.close()]);
await emulators.close();
rmSync(stateDir, { recursive: true, force: true });
