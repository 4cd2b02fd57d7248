/**
 * Maps an SP-API error response to the shared taxonomy (DESIGN §3). Error bodies are
 * `{errors:[{code, message, details?}]}` everywhere (reference/amazon-sp-api.md §2.5); status
 * codes per https://developer-docs.amazon.com/sp-api/docs/response-format
 */
import {
  AccessDeniedError,
  AuthError,
  ConflictError,
  InvalidInputError,
  NotFoundError,
  ServerError,
  ThrottledError,
  type VendorError,
  type VendorErrorInit,
} from '@sellerbridge/http-core';

/** The first error entry of an SP-API error body, when there is one. */
export interface SpApiErrorEntry {
  code?: string;
  message?: string;
  details?: string;
}

/** Reads `errors[0]` of an error body (a v0 body may wrap it as `{payload, errors}`). */
export function firstError(body: unknown): SpApiErrorEntry | undefined {
  const errors = (body as { errors?: unknown } | undefined)?.errors;
  const first = Array.isArray(errors)
    ? (errors[0] as Record<string, unknown> | undefined)
    : undefined;

  if (!first || typeof first !== 'object') return undefined;
  return {
    code: typeof first.code === 'string' ? first.code : undefined,
    message: typeof first.message === 'string' ? first.message : undefined,
    details: typeof first.details === 'string' ? first.details : undefined,
  };
}

// A 403 whose message or details say the access token expired or was revoked: refresh once and
// retry once (Amazon's answer is `Unauthorized` + "The access token you provided has expired.";
// amz-tools/amazon-sp-api matches /access token.*expired/, Airbyte BEHAVIOR.md does the same).
const TOKEN_EXPIRED = /access token.*(expired|revoked|invalid)|token.*(has expired|was revoked)/i;

/** True when a 403 means "get a fresh token", not "you lack the role". */
export function isExpiredTokenResponse(
  status: number,
  entry: SpApiErrorEntry | undefined,
): boolean {
  return status === 403 && TOKEN_EXPIRED.test(`${entry?.message ?? ''} ${entry?.details ?? ''}`);
}

/** Context the classifier copies into the error. */
export interface ClassifyContext {
  operation: string;
  method: string;
  url: string;
  requestId?: string;
  attempts: number;
}

/** Builds the typed error for a non-2xx SP-API response. */
export function classifyResponse(
  status: number,
  body: unknown,
  context: ClassifyContext,
): VendorError {
  const entry = firstError(body);
  const errors = (body as { errors?: unknown } | undefined)?.errors;
  const init: VendorErrorInit = {
    vendor: 'amazon',
    operation: context.operation,
    method: context.method,
    url: context.url,
    status,
    vendorCode: entry?.code,
    vendorMessage: entry?.message,
    requestId: context.requestId,
    attempts: context.attempts,
    details: Array.isArray(errors) && errors.length > 1 ? errors : entry?.details,
  };

  return errorFor(status, entry, init);
}

function errorFor(
  status: number,
  entry: SpApiErrorEntry | undefined,
  init: VendorErrorInit,
): VendorError {
  if (status === 429) return new ThrottledError(init);
  if (status === 401)
    return new AuthError({
      ...init,
      hint: 'The access token was rejected; check the app credentials.',
    });
  if (status === 403) {
    if (isExpiredTokenResponse(status, entry))
      return new AuthError({ ...init, hint: 'The access token expired or was revoked.' });
    return new AccessDeniedError({
      ...init,
      hint: 'The app or seller lacks the role this operation needs, or the RDT does not cover this path.',
    });
  }
  if (status === 404) return new NotFoundError(init);
  if (status === 409) return new ConflictError(init);
  if (status >= 500) return new ServerError(init);

  return new InvalidInputError(init);
}
