/**
 * Lookup into the generated operation table, plus the facts the models do not state in a
 * machine-readable way: which operations are grantless and which need a Restricted Data Token.
 */
import { InvalidInputError } from '@sellerbridge/http-core';
import { OPERATIONS, type OperationSpec } from '../generated/operations';

/** The generated spec of an operation key (bare operationId or `<api-file>.<operationId>`). */
export function lookupOperation(operation: string): OperationSpec {
  const spec = (OPERATIONS as Record<string, OperationSpec>)[operation];

  if (!spec) {
    throw new InvalidInputError({
      vendor: 'amazon',
      operation,
      message: `Unknown SP-API operation "${operation}"`,
      hint: 'Use a model operationId such as searchOrders, or a qualified key such as orders-v0.getOrder.',
    });
  }
  return spec;
}

// Grantless operations use the client-credentials grant with these scopes
// (https://developer-docs.amazon.com/sp-api/docs/grantless-operations).
const NOTIFICATIONS_SCOPE = ['sellingpartnerapi::notifications'] as const;

/** Scopes of grantless operations, by operation key. */
export const GRANTLESS_SCOPES: Readonly<Record<string, readonly string[]>> = {
  getDestinations: NOTIFICATIONS_SCOPE,
  createDestination: NOTIFICATIONS_SCOPE,
  getDestination: NOTIFICATIONS_SCOPE,
  deleteDestination: NOTIFICATIONS_SCOPE,
  deleteSubscriptionById: NOTIFICATIONS_SCOPE,
  getSubscriptionById: NOTIFICATIONS_SCOPE,
};

/**
 * Orders v0 operations that return PII only with an RDT (Tokens API use-case guide,
 * https://developer-docs.amazon.com/sp-api/docs/tokens-api-use-case-guide).
 */
export const RESTRICTED_OPERATIONS: ReadonlySet<string> = new Set([
  'getOrders',
  'orders-v0.getOrder',
  'getOrderItems',
  'getOrderAddress',
  'getOrderBuyerInfo',
  'getOrderItemsBuyerInfo',
  'getOrderRegulatedInfo',
]);
