/**
 * The auth strategy contract. A strategy runs once per attempt, inside the limiter slot, right
 * before the request is sent, so every retry carries fresh credentials (a new OAuth 1.0a nonce and
 * timestamp; a bearer token that is still valid). salto-io/salto#2917.
 */

/** What a strategy needs to authorise one attempt. */
export interface SignableRequest {
  /** Upper-case HTTP method. */
  readonly method: string;
  /** Full URL as sent, query included (RFC 3986 encoded). */
  readonly url: string;
  /** Aborts a token exchange in progress. */
  readonly signal?: AbortSignal;
}

/** Produces the `Authorization` header for one attempt. */
export interface AuthStrategy {
  /** `oauth2` or `tba` for the built-in strategies; anything for a custom one. */
  readonly kind: string;
  /** Returns the `Authorization` header value for this attempt. */
  authorize(request: SignableRequest): Promise<string>;
  /**
   * Called after a 401; returns true when a retry with new credentials may succeed (a cached
   * bearer token was dropped), false when nothing would change (a TBA signature).
   */
  invalidate?(): boolean;
  /** Secret values to scrub from any text that leaves the client (errors, logs). */
  secrets(): string[];
}
