/**
 * The error taxonomy both vendor clients share (DESIGN §3). The vendor is a field, not a
 * subclass, so a flow can handle "throttled" or "conflict" the same way for Amazon and NetSuite.
 * Every error carries what on-call needs (status, vendor code, request id, operation, attempts)
 * and never a secret: URLs and details are redacted when the error is built.
 */
import { redactUrl, redactValue } from './redact';

/** Our category of a failure; stable, safe to switch on. */
export type ErrorCode =
  | 'THROTTLED'
  | 'AUTH'
  | 'ACCESS_DENIED'
  | 'INVALID_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'SERVER'
  | 'NETWORK'
  | 'ABORTED';

/** Which vendor API the failure came from. */
export type Vendor = 'amazon' | 'netsuite';

/** What a client knows when it builds an error. */
export interface VendorErrorInit {
  vendor: Vendor;
  /** The operation, e.g. `searchOrders` or `POST salesOrder`. */
  operation: string;
  /** Our message; defaults to one built from method, operation, status and vendor code. */
  message?: string;
  status?: number;
  vendorCode?: string;
  vendorMessage?: string;
  requestId?: string;
  method?: string;
  /** Redacted before it is stored. */
  url?: string;
  attempts?: number;
  totalWaitMs?: number;
  retryAfterMs?: number;
  /** Vendor error details; redacted before they are stored. */
  details?: unknown;
  /** What the user can do about it. */
  hint?: string;
  cause?: unknown;
  /** Overrides the category's default retry decision. */
  retryable?: boolean;
}

/** Base class of every vendor failure; use the subclasses or `isVendorError`. */
export abstract class VendorError extends Error {
  abstract readonly code: ErrorCode;
  readonly vendor: Vendor;
  readonly operation: string;
  readonly status?: number;
  readonly vendorCode?: string;
  readonly vendorMessage?: string;
  readonly requestId?: string;
  readonly method?: string;
  readonly url?: string;
  readonly retryAfterMs?: number;
  readonly details?: unknown;
  readonly hint?: string;
  readonly retryable: boolean;
  attempts: number;
  totalWaitMs: number;

  constructor(init: VendorErrorInit, defaultRetryable: boolean) {
    super(
      init.message ?? describe(init),
      init.cause === undefined ? undefined : { cause: init.cause },
    );
    this.name = new.target.name;
    this.vendor = init.vendor;
    this.operation = init.operation;
    this.status = init.status;
    this.vendorCode = init.vendorCode;
    this.vendorMessage = init.vendorMessage;
    this.requestId = init.requestId;
    this.method = init.method;
    this.url = init.url === undefined ? undefined : redactUrl(init.url);
    this.retryAfterMs = init.retryAfterMs;
    this.details = init.details === undefined ? undefined : redactValue(init.details);
    this.hint = init.hint;
    this.retryable = init.retryable ?? defaultRetryable;
    this.attempts = init.attempts ?? 1;
    this.totalWaitMs = init.totalWaitMs ?? 0;
  }

  /** A plain, secret-free view for logs, events and stored error records. */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      vendor: this.vendor,
      operation: this.operation,
      status: this.status,
      vendorCode: this.vendorCode,
      vendorMessage: this.vendorMessage,
      requestId: this.requestId,
      method: this.method,
      url: this.url,
      attempts: this.attempts,
      totalWaitMs: this.totalWaitMs,
      retryAfterMs: this.retryAfterMs,
      details: this.details,
      hint: this.hint,
      retryable: this.retryable,
    };
  }
}

function describe(init: VendorErrorInit): string {
  const parts = [init.vendor, init.method, init.operation].filter(Boolean).join(' ');
  const status = init.status === undefined ? '' : ` failed with ${init.status}`;
  const code = init.vendorCode ? ` ${init.vendorCode}` : '';
  const detail = init.vendorMessage ? `: ${init.vendorMessage}` : '';

  return `${parts}${status || ' failed'}${code}${detail}`;
}

/** The vendor throttled the call (429, `QuotaExceeded`, `CONCURRENCY_LIMIT_EXCEEDED`). */
export class ThrottledError extends VendorError {
  readonly code = 'THROTTLED' as const;
  constructor(init: VendorErrorInit) {
    super(init, true);
  }
}

/** The credentials were rejected (expired, revoked, wrong secret, bad signature). */
export class AuthError extends VendorError {
  readonly code = 'AUTH' as const;
  constructor(init: VendorErrorInit) {
    super(init, false);
  }
}

/** The credentials are valid but lack a role or permission for this call. */
export class AccessDeniedError extends VendorError {
  readonly code = 'ACCESS_DENIED' as const;
  constructor(init: VendorErrorInit) {
    super(init, false);
  }
}

/** The input was rejected, by our validation before sending or by the vendor. */
export class InvalidInputError extends VendorError {
  readonly code = 'INVALID_INPUT' as const;
  /** Where in the input the problem is (a zod path, or NetSuite's `o:errorPath`). */
  readonly errorPath?: string;
  constructor(init: VendorErrorInit & { errorPath?: string }) {
    super(init, false);
    this.errorPath = init.errorPath;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), errorPath: this.errorPath };
  }
}

/** The record or resource does not exist. */
export class NotFoundError extends VendorError {
  readonly code = 'NOT_FOUND' as const;
  constructor(init: VendorErrorInit) {
    super(init, false);
  }
}

/** A record with the same external id (or key) exists already; `existingId` names it. */
export class ConflictError extends VendorError {
  readonly code = 'CONFLICT' as const;
  readonly existingId?: string;
  constructor(init: VendorErrorInit & { existingId?: string }) {
    super(init, false);
    this.existingId = init.existingId;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), existingId: this.existingId };
  }
}

/** The vendor failed (5xx). */
export class ServerError extends VendorError {
  readonly code = 'SERVER' as const;
  constructor(init: VendorErrorInit) {
    super(init, true);
  }
}

/** The connection failed or timed out; the outcome of a write may be unknown. */
export class NetworkError extends VendorError {
  readonly code = 'NETWORK' as const;
  constructor(init: VendorErrorInit) {
    super(init, true);
  }
}

/** The caller cancelled through its `AbortSignal`. */
export class AbortedError extends VendorError {
  readonly code = 'ABORTED' as const;
  constructor(init: VendorErrorInit) {
    super(init, false);
  }
}

/** True for any error of the shared taxonomy. */
export function isVendorError(error: unknown): error is VendorError {
  return error instanceof VendorError;
}
