/**
 * Maps transport failures (got and Node socket errors) to the taxonomy: a reset or timeout is a
 * retryable `NetworkError`; a cancellation through an `AbortSignal` is an `AbortedError`.
 */
import { AbortedError, NetworkError, isVendorError } from './errors';
import { redactText } from './redact';
import type { Vendor, VendorError } from './errors';

/** Where the failure happened. */
export interface NetworkErrorContext {
  vendor: Vendor;
  operation: string;
  method?: string;
  url?: string;
}

// Node and got error codes that mean the request may not have completed.
const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'ESOCKETTIMEDOUT',
  'EAI_AGAIN',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ERR_STREAM_PREMATURE_CLOSE',
  'UND_ERR_SOCKET',
]);

/** Converts any transport error into a `NetworkError` or `AbortedError`; vendor errors pass. */
export function fromNetworkError(error: unknown, context: NetworkErrorContext): VendorError {
  if (isVendorError(error)) return error;

  const { code, name, message } = readErrorShape(error);
  if (name === 'AbortError' || code === 'ABORT_ERR' || code === 'ERR_ABORTED') {
    return new AbortedError({
      ...context,
      message: `${context.operation} was cancelled`,
      cause: error,
    });
  }

  const known = code !== undefined && NETWORK_CODES.has(code);
  const timedOut = name === 'TimeoutError' || code === 'ETIMEDOUT';
  const label = timedOut ? 'timed out' : `network failure${code ? ` (${code})` : ''}`;

  return new NetworkError({
    ...context,
    vendorCode: code,
    message: `${context.vendor} ${context.operation}: ${label}`,
    vendorMessage: known || message === undefined ? undefined : redactText(message, []),
    cause: error,
  });
}

function readErrorShape(error: unknown): { code?: string; name?: string; message?: string } {
  if (typeof error !== 'object' || error === null) return { message: String(error) };

  const shape = error as { code?: unknown; name?: unknown; message?: unknown };
  return {
    code: typeof shape.code === 'string' ? shape.code : undefined,
    name: typeof shape.name === 'string' ? shape.name : undefined,
    message: typeof shape.message === 'string' ? shape.message : undefined,
  };
}
