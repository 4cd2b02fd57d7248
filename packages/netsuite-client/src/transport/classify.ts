/**
 * Maps a failed NetSuite response to the shared error taxonomy (DESIGN §3). Tables cite the
 * error catalogue: https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_156570709583.html
 */
import {
  AccessDeniedError,
  AuthError,
  ConflictError,
  InvalidInputError,
  NotFoundError,
  ServerError,
  ThrottledError,
  redactText,
} from '@sellerbridge/http-core';
import type { VendorError, VendorErrorInit } from '@sellerbridge/http-core';
import { parseErrorBody } from './error-body';

/**
 * Codes meaning "over the account's concurrency limit": REST 429 CONCURRENCY_LIMIT_EXCEEDED,
 * RESTlet SSS_REQUEST_LIMIT_EXCEEDED (a 400!) and the SOAP equivalents.
 * https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/bridgehead_1525252812.html
 */
const THROTTLE_CODES = new Set([
  'CONCURRENCY_LIMIT_EXCEEDED',
  'SSS_REQUEST_LIMIT_EXCEEDED',
  'WS_REQUEST_BLOCKED',
  'WS_CONCUR_SESSION_DISALLWD',
]);

/** Duplicate record / replayed idempotency key (DUP_* are SOAP-era names; REST is UNVERIFIED). */
const CONFLICT_CODES = new Set(['DUP_RCRD', 'DUP_ENTITY', 'DUP_RECORD', 'IDEMPOTENCY_ERROR']);

/** Missing record codes reported with a 400 as well as a 404. */
const NOT_FOUND_CODES = new Set(['NONEXISTENT_ID', 'RCRD_DSNT_EXIST']);

/** The part of a response the classifier reads. */
export interface FailedResponse {
  status: number;
  headers: Readonly<Record<string, string | string[] | undefined>>;
  bodyText: string | undefined;
}

/** Where the failure happened. */
export interface FailureContext {
  operation: string;
  method: string;
  url: string;
  requestId?: string;
  /** Secret values to scrub from vendor text. */
  secrets: ReadonlyArray<string>;
  /** Overrides the default "not retryable" of a 401 (the concurrency case, a dropped token). */
  authRetryable?: boolean;
}

/** Builds the typed error for a non-2xx response. */
export function classifyResponse(response: FailedResponse, context: FailureContext): VendorError {
  const body = parseErrorBody(response.bodyText);
  const first = body?.details[0];
  const vendorCode = first?.errorCode;
  const detail = first?.detail ?? body?.title;
  const scrub = (text: string | undefined) =>
    text === undefined ? undefined : redactText(text, context.secrets);

  const init: VendorErrorInit = {
    vendor: 'netsuite',
    operation: context.operation,
    message: `${context.operation}: ${context.method} → ${response.status}${vendorCode ? ` ${vendorCode}` : ''}`,
    status: response.status,
    vendorCode,
    vendorMessage: scrub(detail),
    requestId: context.requestId,
    method: context.method,
    url: context.url,
    retryAfterMs: parseRetryAfterMs(response.headers['retry-after']),
    details: body?.details.length
      ? body.details.map((entry) => ({ ...entry, detail: scrub(entry.detail) }))
      : undefined,
  };

  return createError(response.status, vendorCode, init, first?.errorPath, context.authRetryable);
}

function createError(
  status: number,
  vendorCode: string | undefined,
  init: VendorErrorInit,
  errorPath: string | undefined,
  authRetryable: boolean | undefined,
): VendorError {
  if (status === 429 || (vendorCode && THROTTLE_CODES.has(vendorCode)))
    return new ThrottledError(init);
  if (status >= 500) return new ServerError(init);
  if (status === 401) return new AuthError({ ...init, hint: AUTH_HINT, retryable: authRetryable });
  if (status === 403) return new AccessDeniedError(init);
  if (status === 404 || (vendorCode && NOT_FOUND_CODES.has(vendorCode)))
    return new NotFoundError(init);
  if (status === 409 || (vendorCode && CONFLICT_CODES.has(vendorCode)))
    return new ConflictError(init);

  return new InvalidInputError({ ...init, errorPath });
}

// The usual causes of 401 INVALID_LOGIN (jacobsvante/netsuite#27, netsuitephp/netsuite-php#121).
const AUTH_HINT =
  'Check the realm/host casing, the role’s REST Web Services permission, the clock, and the token';

/** Parses `Retry-After` (seconds or an HTTP date); NetSuite does not document it, but honour it. */
export function parseRetryAfterMs(
  value: string | string[] | undefined,
  nowMs = Date.now(),
): number | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  if (!text) return undefined;

  const seconds = Number(text);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;

  const dateMs = Date.parse(text);
  return Number.isNaN(dateMs) ? undefined : Math.max(0, dateMs - nowMs);
}
