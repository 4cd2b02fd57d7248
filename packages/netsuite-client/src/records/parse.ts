/** Response parsing with zod: the fields we rely on are checked, unknown fields pass through. */
import { ServerError } from '@sellerbridge/http-core';
import type { z } from 'zod';

/**
 * Parses a response body with a schema.
 * @throws ServerError (not retryable) naming the first mismatching path.
 */
export function parseResponse<S extends z.ZodType>(
  schema: S,
  body: unknown,
  operation: string,
): z.output<S> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;

  const issue = result.error.issues[0];
  const path = issue ? issue.path.join('.') : '';

  throw new ServerError({
    vendor: 'netsuite',
    operation,
    message: `${operation}: the response does not match the expected shape at "${path}" (${issue?.message ?? 'invalid'})`,
    retryable: false,
    details: result.error.issues
      .slice(0, 5)
      .map((entry) => ({ path: entry.path.join('.'), message: entry.message })),
  });
}
