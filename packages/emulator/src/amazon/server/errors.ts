/**
 * Amazon's error body `{errors:[{code, message, details}]}` (every SP-API model's `ErrorList`)
 * and a typed error that route handlers throw to answer with it.
 */
import type { AmazonResponse } from './types';

/** One entry of an SP-API `ErrorList`. */
export interface AmazonErrorEntry {
  code: string;
  message: string;
  details?: string;
}

/** Thrown by handlers; the server turns it into the error response. */
export class AmazonApiError extends Error {
  readonly status: number;
  readonly errors: AmazonErrorEntry[];
  readonly headers: Record<string, string>;

  constructor(status: number, errors: AmazonErrorEntry[], headers: Record<string, string> = {}) {
    super(`${status} ${errors.map((e) => `${e.code}: ${e.message}`).join('; ')}`);
    this.name = 'AmazonApiError';
    this.status = status;
    this.errors = errors;
    this.headers = headers;
  }
}

/** Builds an error response with one entry. */
export function errorResponse(
  status: number,
  code: string,
  message: string,
  details?: string,
): AmazonResponse {
  const entry: AmazonErrorEntry =
    details === undefined ? { code, message } : { code, message, details };
  return { status, body: { errors: [entry] } };
}

/** Throws a 400 `InvalidInput` (the code the Orders, Finances and Inbound v0 APIs use). */
export function invalidInput(message: string, details?: string, code = 'InvalidInput'): never {
  throw new AmazonApiError(400, [
    details === undefined ? { code, message } : { code, message, details },
  ]);
}

/** Throws a 404 `NotFound`. */
export function notFound(
  message = "The requested resource doesn't exist.",
  code = 'NotFound',
): never {
  throw new AmazonApiError(404, [{ code, message }]);
}

/** The 429 Amazon sends when a usage plan bucket is empty (no Retry-After). */
export function quotaExceeded(): AmazonResponse {
  return {
    ...errorResponse(429, 'QuotaExceeded', 'You exceeded your quota for the requested resource.'),
    headers: { 'x-amzn-ErrorType': 'TooManyRequestsException' },
  };
}

/** The 403 Amazon sends for a missing, invalid or expired `x-amz-access-token`. */
export function unauthorized(details = ''): AmazonResponse {
  return {
    ...errorResponse(403, 'Unauthorized', 'Access to requested resource is denied.', details),
    headers: { 'x-amzn-ErrorType': 'AccessDeniedException' },
  };
}
