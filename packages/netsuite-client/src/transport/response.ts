/** Reading a successful response: request id header and JSON body. */
import { ServerError } from '@sellerbridge/http-core';

/** The first non-empty header of `names` (NetSuite's request id header is UNVERIFIED). */
export function readRequestId(
  names: readonly string[],
  headers: Record<string, string | string[] | undefined>,
): string | undefined {
  for (const name of names) {
    const value = headers[name];
    if (typeof value === 'string' && value) return value;
  }

  return undefined;
}

/**
 * Parses a JSON body; empty means none (204).
 * @throws ServerError (not retryable) for a body that is not JSON.
 */
export function parseJson(text: string, operation: string): unknown {
  if (!text) return undefined;

  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ServerError({
      vendor: 'netsuite',
      operation,
      message: `${operation}: the response body is not JSON`,
      retryable: false,
      cause: error,
    });
  }
}
