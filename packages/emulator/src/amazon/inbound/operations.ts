import { randomUUID } from 'node:crypto';

import { AmazonApiError, notFound } from '../server/errors';
import type { AmazonContext } from '../server/types';
import { INBOUND_OPERATION_MS } from './progress';
import { OPERATION_KIND, PLAN_KIND, type StoredOperation, type StoredPlan } from './types';

/** Records an asynchronous operation that finishes after the scaled operation time. */
export function startOperation(
  ctx: AmazonContext,
  operation: string,
  problems: StoredOperation['problems'] = [],
): string {
  const operationId = randomUUID();
  const doneAtMs = ctx.clock().getTime() + INBOUND_OPERATION_MS / ctx.timeScale;
  ctx.store.put<StoredOperation>(OPERATION_KIND, operationId, {
    operationId,
    operation,
    doneAtMs,
    failed: problems.length > 0,
    problems,
  });
  return operationId;
}

/** `getInboundOperationStatus` body. */
export function operationStatus(ctx: AmazonContext, operationId: string): Record<string, unknown> {
  const op = ctx.store.get<StoredOperation>(OPERATION_KIND, operationId);
  if (!op) notFound(`Operation ${operationId} not found.`);

  const isDone = ctx.clock().getTime() >= op.doneAtMs;
  return {
    operationId,
    operation: op.operation,
    operationStatus: isDone ? (op.failed ? 'FAILED' : 'SUCCESS') : 'IN_PROGRESS',
    operationProblems: isDone ? op.problems : [],
  };
}

/** Loads a plan or answers Amazon's 404. */
export function loadPlan(ctx: AmazonContext, inboundPlanId: string): StoredPlan {
  const plan = ctx.store.get<StoredPlan>(PLAN_KIND, inboundPlanId);
  if (!plan) notFound(`Inbound plan ${inboundPlanId} not found.`);
  return plan;
}

/** Saves a plan, stamping `lastUpdatedAt`. */
export function savePlan(ctx: AmazonContext, plan: StoredPlan): void {
  plan.lastUpdatedAt = ctx.clock().toISOString();
  ctx.store.put(PLAN_KIND, plan.inboundPlanId, plan);
}

/** Rejects changes to a voided or errored plan. */
export function requireActive(plan: StoredPlan): void {
  if (plan.status !== 'ACTIVE') {
    throw new AmazonApiError(400, [
      {
        code: 'InvalidInput',
        message: `Inbound plan ${plan.inboundPlanId} is ${plan.status} and cannot be changed.`,
      },
    ]);
  }
}

/** Pages a list with `pageSize` and an opaque `paginationToken` (offset). */
export function paginate<T>(
  items: readonly T[],
  query: URLSearchParams,
  max: number,
  fallback = 10,
): { page: T[]; nextToken?: string } {
  const size = Number(query.get('pageSize') ?? fallback);
  if (!Number.isInteger(size) || size < 1 || size > max) {
    throw new AmazonApiError(400, [
      { code: 'InvalidInput', message: `pageSize must be an integer between 1 and ${max}.` },
    ]);
  }

  const token = query.get('paginationToken');
  const offset = token ? Number(Buffer.from(token, 'base64url').toString('utf8')) : 0;
  if (!Number.isInteger(offset) || offset < 0)
    throw new AmazonApiError(400, [{ code: 'InvalidInput', message: 'Invalid paginationToken.' }]);

  const page = items.slice(offset, offset + size);
  if (offset + size >= items.length) return { page };
  return { page, nextToken: Buffer.from(String(offset + size)).toString('base64url') };
}
