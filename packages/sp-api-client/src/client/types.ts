/**
 * Public contracts of the SP-API client: the requester every namespace (ours and SP-DATA's
 * reports / feeds / notifications modules) builds on, and the call shapes it accepts.
 */
import type { Logger } from '@sellerbridge/http-core';

/** What one SP-API call sends besides the operation id. Values are raw; the client encodes them. */
export interface SpApiCallRequest {
  /** Path template values, e.g. `{ orderId: '123-…' }`; each is encoded exactly once. */
  path?: Record<string, string>;
  /** Query values; arrays are comma-joined, `Date`s sent as UTC `YYYY-MM-DDTHH:mm:ssZ`. */
  query?: Record<string, unknown>;
  /** JSON body for POST / PUT / PATCH operations. */
  body?: unknown;
  /** A Restricted Data Token sent instead of the LWA access token. */
  restrictedDataToken?: string;
  /** Cancels the call, including any backoff wait and limiter queueing. */
  signal?: AbortSignal;
}

/** The parsed answer of one SP-API call. */
export interface SpApiResponse<TBody = unknown> {
  status: number;
  body: TBody;
  headers: Record<string, string | string[] | undefined>;
  /** `x-amzn-RequestId`, quoted to Amazon support when a call misbehaves. */
  requestId?: string;
}

/** The one call primitive: validate → retry loop → limiter → token → send → classify → parse. */
export interface SpApiRequester {
  /**
   * Calls a model operation by its `operationId` (e.g. `'createReport'`).
   * @throws InvalidInputError before sending when the input breaks the operation's rules
   * @throws VendorError subclasses (ThrottledError, AuthError, …) for failed calls
   */
  call<TBody = unknown>(
    operation: string,
    request?: SpApiCallRequest,
  ): Promise<SpApiResponse<TBody>>;
  /** The injected logger (silent by default). */
  readonly logger: Logger;
  /** Marketplaces this client works in (the selling partner's, from the options). */
  readonly marketplaceIds: string[];
}

/** LWA application credentials plus the seller's refresh token (absent for grantless-only use). */
export interface SpApiCredentials {
  clientId: string;
  clientSecret: string;
  /** The selling partner's refresh token (`Atzr|…`); required for seller-authorized operations. */
  refreshToken?: string;
}

/**
 * Credentials, or an async provider read again at every token refresh — so a client secret
 * rotated every 180 days (Amazon's rule) is picked up without a restart.
 */
export type SpApiCredentialsSource = SpApiCredentials | (() => Promise<SpApiCredentials>);

/** Rate and burst of one operation's token bucket. */
export interface UsagePlan {
  ratePerSecond: number;
  burst: number;
}

/** Emitted around every attempt; values are redacted (no tokens, no PII). */
export type SpApiEvent =
  | { type: 'request'; operation: string; method: string; path: string; attempt: number }
  | {
      type: 'response';
      operation: string;
      method: string;
      path: string;
      attempt: number;
      status: number;
      durationMs: number;
      requestId?: string;
      errorCode?: string;
    };
