/**
 * NetSuite-specific retry decisions layered on http-core's `runWithRetry` (the one retry loop).
 * - 429 / CONCURRENCY_LIMIT_EXCEEDED / SSS_REQUEST_LIMIT_EXCEEDED, 5xx and resets: retried
 *   (their error classes are retryable).
 * - 401 INVALID_LOGIN: NetSuite answers some over-limit requests with a (slow) INVALID_LOGIN
 *   instead of a 429 (julbrs/netsuite-api-client#26), so it is retried only when the same account
 *   saw a 429 in the last window, and at most `maxInvalidLoginRetries` times per call.
 * - A create without an external id is never retried once it may have reached the server
 *   (a second POST would create a second record; reference §4 "Client design" item 4).
 */
import { NetworkError, ThrottledError, AuthError } from '@sellerbridge/http-core';
import type { VendorError } from '@sellerbridge/http-core';

/** How a request may be repeated. */
export type Delivery = 'retry' | 'at-most-once';

/** Tracks the last 429 per account, shared by every call of one client. */
export class ThrottleTracker {
  #lastThrottledAtMs: number | undefined;
  readonly #windowMs: number;
  readonly #now: () => number;

  constructor(windowMs: number, now: () => number) {
    this.#windowMs = windowMs;
    this.#now = now;
  }

  /** Records a 429 (or concurrency-limit error) seen now. */
  recordThrottle(): void {
    this.#lastThrottledAtMs = this.#now();
  }

  /** True when a 429 was seen within the window. */
  wasThrottledRecently(): boolean {
    return (
      this.#lastThrottledAtMs !== undefined &&
      this.#now() - this.#lastThrottledAtMs <= this.#windowMs
    );
  }
}

// Transport failures raised before any byte left this machine: the server never saw the request.
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ERR_INVALID_URL']);

/**
 * True when the failed attempt cannot have been processed by NetSuite: throttled or rejected at
 * login (both refuse the request before running it), or never sent at all.
 */
export function isSafeToRepeat(error: VendorError): boolean {
  if (error instanceof ThrottledError || error instanceof AuthError) return true;
  if (error instanceof NetworkError) return NOT_SENT_CODES.has(error.vendorCode ?? '');

  return false;
}
