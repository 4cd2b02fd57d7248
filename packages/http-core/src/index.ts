/**
 * @sellerbridge/http-core — what the Amazon and NetSuite clients share: the error taxonomy,
 * redaction, the logger contract, the retry loop and the limiter registry.
 */
export type { Logger, LogMethod } from './logger';
export { silentLogger } from './logger';

export type { ErrorCode, Vendor, VendorErrorInit } from './errors';
export {
  VendorError,
  ThrottledError,
  AuthError,
  AccessDeniedError,
  InvalidInputError,
  NotFoundError,
  ConflictError,
  ServerError,
  NetworkError,
  AbortedError,
  isVendorError,
} from './errors';

export type { NetworkErrorContext } from './network-errors';
export { fromNetworkError } from './network-errors';

export {
  REDACTED,
  PII_MASK,
  isSecretKey,
  isPiiKey,
  redactHeaders,
  redactUrl,
  redactValue,
  redactText,
} from './redact';

export type { RetryOptions, BackoffOptions } from './retry';
export { runWithRetry, computeBackoffMs } from './retry';

export type {
  TokenBucketSpec,
  RateLimiter,
  LimiterRegistry,
  LimiterRegistryOptions,
} from './limiters';
export { createLimiterRegistry } from './limiters';
