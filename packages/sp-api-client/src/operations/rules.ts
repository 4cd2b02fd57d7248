/**
 * Amazon's cross-field input rules, applied after the per-parameter checks:
 * - a `…Before` date is clamped to now − 2 minutes ("must be at least two minutes before the
 *   time of the request", Orders and Finances models; reference/amazon-sp-api.md §3.1);
 * - Orders filters: exactly one of created-after / last-updated-after, never both families
 *   (orders_2026-01-01.json `searchOrders`, ordersV0.json `getOrders`);
 * - a value containing a comma is never sent inside a comma-joined list: Amazon splits it
 *   (amzn/selling-partner-api-docs#2374), so the caller must send it in a request of its own.
 */
import { InvalidInputError } from '@sellerbridge/http-core';
import type { OperationSpec } from '../generated/operations';
import { isDateParameter } from './validate-dates';

/** Amazon's minimum distance between a window end and the request time. */
export const BEFORE_MARGIN_MS = 2 * 60_000;

const ORDER_SEARCHES = new Set(['searchOrders', 'getOrders']);

function reject(operation: string, errorPath: string, message: string, hint?: string): never {
  throw new InvalidInputError({
    vendor: 'amazon',
    operation,
    message: `${operation}: ${errorPath} ${message}`,
    errorPath,
    hint,
  });
}

function valueOf(query: Record<string, unknown>, name: string): unknown {
  const key = Object.keys(query).find(
    (candidate) => candidate.toLowerCase() === name.toLowerCase(),
  );

  return key === undefined ? undefined : query[key];
}

function clampBeforeDates(
  spec: OperationSpec,
  query: Record<string, unknown>,
  nowMs: number,
): void {
  const latest = nowMs - BEFORE_MARGIN_MS;

  for (const parameter of spec.parameters) {
    const value = query[parameter.name];

    if (!isDateParameter(parameter) || !/before$/i.test(parameter.name)) continue;
    if (value instanceof Date && value.getTime() > latest) query[parameter.name] = new Date(latest);
  }
}

function checkWindowOrder(
  operation: string,
  spec: OperationSpec,
  query: Record<string, unknown>,
): void {
  for (const parameter of spec.parameters) {
    const before = query[parameter.name];
    const afterName = parameter.name.replace(/Before$/, 'After');
    const after = query[afterName];

    if (!(before instanceof Date) || !(after instanceof Date) || afterName === parameter.name)
      continue;
    if (after.getTime() > before.getTime()) {
      reject(
        operation,
        `query.${parameter.name}`,
        `must not be earlier than ${afterName} (after clamping to now − 2 min)`,
      );
    }
  }
}

function checkOrderFilters(operation: string, query: Record<string, unknown>): void {
  const created =
    valueOf(query, 'createdAfter') !== undefined || valueOf(query, 'createdBefore') !== undefined;
  const updated =
    valueOf(query, 'lastUpdatedAfter') !== undefined ||
    valueOf(query, 'lastUpdatedBefore') !== undefined;
  const byId =
    valueOf(query, 'AmazonOrderIds') !== undefined || valueOf(query, 'SellerOrderId') !== undefined;

  if (created && updated) {
    reject(
      operation,
      'query',
      'mixes created and last-updated filters',
      'Send either createdAfter/createdBefore or lastUpdatedAfter/lastUpdatedBefore.',
    );
  }
  if (
    valueOf(query, 'createdAfter') === undefined &&
    valueOf(query, 'lastUpdatedAfter') === undefined &&
    !byId
  ) {
    reject(operation, 'query', 'needs exactly one of createdAfter and lastUpdatedAfter');
  }
}

function checkCommaValues(
  operation: string,
  spec: OperationSpec,
  query: Record<string, unknown>,
): void {
  for (const parameter of spec.parameters) {
    const value = query[parameter.name];

    if (!Array.isArray(value) || parameter.collectionFormat !== 'csv') continue;

    const index = value.findIndex((item) => typeof item === 'string' && item.includes(','));
    if (index >= 0) {
      reject(
        operation,
        `query.${parameter.name}.${index}`,
        'contains a comma, which Amazon would split inside a comma-joined list',
        'Send such values in their own request (the namespace helpers and iterators do this).',
      );
    }
  }
}

/** Applies the cross-field rules in place (clamping) or throws `InvalidInputError`. */
export function applyRequestRules(
  operation: string,
  spec: OperationSpec,
  query: Record<string, unknown>,
  nowMs: number,
): void {
  clampBeforeDates(spec, query, nowMs);
  checkWindowOrder(operation, spec, query);
  if (ORDER_SEARCHES.has(operation) && valueOf(query, 'paginationToken') === undefined)
    checkOrderFilters(operation, query);
  checkCommaValues(operation, spec, query);
}
