/**
 * Notifications API v1: destinations (grantless, scope sellingpartnerapi::notifications) and
 * subscriptions (seller-authorized; deleteSubscriptionById is grantless)
 * (https://developer-docs.amazon.com/sp-api/docs/notifications-api-v1-reference).
 */
import { randomUUID } from 'node:crypto';
import { AmazonApiError } from '../server/errors';
import type { AmazonContext, AmazonRequest, AmazonRoute } from '../server/types';
import type { DestinationRecord, SubscriptionRecord } from './hub';

/** Notification types the emulator emits; others can be subscribed but never fire. */
const NOTIFICATION_TYPES = new Set([
  'ORDER_CHANGE',
  'REPORT_PROCESSING_FINISHED',
  'FEED_PROCESSING_FINISHED',
  'ANY_OFFER_CHANGED',
  'FBA_INVENTORY_AVAILABILITY_CHANGES',
  'LISTINGS_ITEM_STATUS_CHANGE',
  'LISTINGS_ITEM_ISSUES_CHANGE',
  'LISTINGS_ITEM_MFN_QUANTITY_CHANGE',
  'TRANSACTION_UPDATE',
  'ITEM_PRODUCT_TYPE_CHANGE',
  'BRANDED_ITEM_CONTENT_CHANGE',
  'FULFILLMENT_ORDER_STATUS',
  'PRICING_HEALTH',
]);
const SQS_ARN = /^arn:aws:sqs:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]{1,80}$/;

function invalid(message: string): never {
  throw new AmazonApiError(400, [{ code: 'InvalidInput', message }]);
}

function notFound(message: string): never {
  throw new AmazonApiError(404, [{ code: 'NotFound', message }]);
}

function notificationType(req: AmazonRequest): string {
  const type = req.params.notificationType ?? '';
  if (!NOTIFICATION_TYPES.has(type)) invalid(`Invalid notificationType ${type}.`);
  return type;
}

function createDestination(ctx: AmazonContext, req: AmazonRequest) {
  const body = (req.body ?? {}) as {
    name?: unknown;
    resourceSpecification?: { sqs?: { arn?: unknown } };
  };
  if (typeof body.name !== 'string' || body.name === '') invalid('name is required.');
  const arn = body.resourceSpecification?.sqs?.arn;
  if (typeof arn !== 'string' || !SQS_ARN.test(arn))
    invalid('resourceSpecification.sqs.arn must be an SQS queue ARN.');
  if (ctx.store.list<DestinationRecord>('destination').some((d) => d.resource.sqs?.arn === arn)) {
    throw new AmazonApiError(409, [
      { code: 'Conflict', message: 'A destination for this resource already exists.' },
    ]);
  }

  const destination: DestinationRecord = {
    destinationId: randomUUID(),
    name: body.name,
    resource: { sqs: { arn } },
  };
  ctx.store.put('destination', destination.destinationId, destination);
  return { status: 200, body: { payload: destination } };
}

function createSubscription(ctx: AmazonContext, req: AmazonRequest) {
  const type = notificationType(req);
  const body = (req.body ?? {}) as { payloadVersion?: unknown; destinationId?: unknown };
  if (typeof body.payloadVersion !== 'string') invalid('payloadVersion is required.');
  if (typeof body.destinationId !== 'string' || !ctx.store.get('destination', body.destinationId))
    invalid('destinationId does not name a destination.');
  const key = `${req.sellerId}|${type}`;
  if (ctx.store.get('subscription', key)) {
    throw new AmazonApiError(409, [
      { code: 'Conflict', message: `A subscription for ${type} already exists.` },
    ]);
  }

  const subscription: SubscriptionRecord = {
    subscriptionId: randomUUID(),
    sellerId: req.sellerId,
    notificationType: type,
    payloadVersion: body.payloadVersion,
    destinationId: body.destinationId,
  };
  ctx.store.put('subscription', key, subscription);
  return {
    status: 200,
    body: {
      payload: {
        subscriptionId: subscription.subscriptionId,
        payloadVersion: subscription.payloadVersion,
        destinationId: subscription.destinationId,
      },
    },
  };
}

/** Notifications routes. */
export function notificationRoutes(ctx: AmazonContext): AmazonRoute[] {
  const destinationPath = '/notifications/v1/destinations';
  return [
    {
      method: 'POST',
      path: destinationPath,
      operation: 'createDestination',
      grantless: true,
      handle: (req) => createDestination(ctx, req),
    },
    {
      method: 'GET',
      path: destinationPath,
      operation: 'getDestinations',
      grantless: true,
      handle: () => ({ status: 200, body: { payload: ctx.store.list('destination') } }),
    },
    {
      method: 'GET',
      path: `${destinationPath}/{destinationId}`,
      operation: 'getDestination',
      grantless: true,
      handle(req) {
        const destination = ctx.store.get('destination', req.params.destinationId ?? '');
        if (!destination) notFound(`Destination ${req.params.destinationId} not found.`);
        return { status: 200, body: { payload: destination } };
      },
    },
    {
      method: 'DELETE',
      path: `${destinationPath}/{destinationId}`,
      operation: 'deleteDestination',
      grantless: true,
      handle(req) {
        if (!ctx.store.delete('destination', req.params.destinationId ?? ''))
          notFound(`Destination ${req.params.destinationId} not found.`);
        return { status: 200, body: {} };
      },
    },
    {
      method: 'POST',
      path: '/notifications/v1/subscriptions/{notificationType}',
      operation: 'createSubscription',
      handle: (req) => createSubscription(ctx, req),
    },
    {
      method: 'GET',
      path: '/notifications/v1/subscriptions/{notificationType}',
      operation: 'getSubscription',
      handle(req) {
        const subscription = ctx.store.get<SubscriptionRecord>(
          'subscription',
          `${req.sellerId}|${notificationType(req)}`,
        );
        if (!subscription) notFound(`No subscription for ${req.params.notificationType}.`);
        const { subscriptionId, payloadVersion, destinationId } = subscription;
        return {
          status: 200,
          body: { payload: { subscriptionId, payloadVersion, destinationId } },
        };
      },
    },
    {
      method: 'DELETE',
      path: '/notifications/v1/subscriptions/{notificationType}/{subscriptionId}',
      operation: 'deleteSubscriptionById',
      grantless: true,
      handle(req) {
        const type = notificationType(req);
        const match = ctx.store.list<SubscriptionRecord>(
          'subscription',
          (s) => s.notificationType === type && s.subscriptionId === req.params.subscriptionId,
        )[0];
        if (!match) notFound(`Subscription ${req.params.subscriptionId} not found.`);
        ctx.store.delete('subscription', `${match.sellerId}|${type}`);
        return { status: 200, body: {} };
      },
    },
  ];
}
