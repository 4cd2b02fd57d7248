/**
 * Validates a response body against a zod schema and turns a mismatch into a typed error that
 * names the operation and the field, never the body itself (it may hold buyer data).
 */
import { ServerError } from '@sellerbridge/http-core';
import type { z } from 'zod';

/**
 * Parses `body` or throws.
 * @throws ServerError (not retryable) when Amazon's answer lacks a field we rely on
 */
export function parseBody<T extends z.ZodType>(
  schema: T,
  body: unknown,
  context: { operation: string; requestId?: string },
): z.infer<T> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;

  const issue = result.error.issues[0];
  const path = issue?.path.join('.') || '(root)';

  throw new ServerError({
    vendor: 'amazon',
    operation: context.operation,
    requestId: context.requestId,
    retryable: false,
    vendorCode: 'UNEXPECTED_RESPONSE',
    message: `amazon ${context.operation}: unexpected response at ${path}: ${issue?.message ?? 'invalid'}`,
  });
}
