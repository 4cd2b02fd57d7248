/**
 * Turns any failure into one line of cause and one line of hint — never a stack trace — for the
 * people running the CLI. Known categories get a specific hint; everything is redacted.
 */
import { isVendorError, redactText, type VendorError } from '@sellerbridge/http-core';
import { ConfigError } from '../config/errors';

/** What the CLI prints for a failure. */
export interface FailureReport {
  cause: string;
  hint: string;
  exitCode: number;
}

/** Exit codes: 1 a failed run or check, 2 bad usage or configuration, 3 a vendor or network failure. */
export const EXIT = { failed: 1, config: 2, vendor: 3 } as const;

/** Describes a failure for the terminal. */
export function describeFailure(error: unknown): FailureReport {
  if (error instanceof ConfigError) {
    return { cause: error.message, hint: error.hint, exitCode: EXIT.config };
  }

  if (isVendorError(error)) return describeVendorError(error);

  const message = error instanceof Error ? error.message : String(error);
  return {
    cause: redactText(firstLine(message), []),
    hint: 'Run again with --log-level debug for details; report it if it persists.',
    exitCode: EXIT.failed,
  };
}

const HINTS: Record<string, string> = {
  AUTH: 'Check the credentials in your environment variables or secrets file (they may be wrong, expired or revoked).',
  ACCESS_DENIED:
    'The credentials work but lack a role or permission for this call; check the app roles / NetSuite role.',
  THROTTLED:
    'The vendor kept throttling after every retry; run again later or lower the concurrency.',
  NETWORK: 'Check the endpoint URL and your network; the server could not be reached.',
  SERVER: 'The vendor failed; run again later.',
  INVALID_INPUT: 'Fix the input named above and run again.',
  NOT_FOUND: 'Check the ids and the account you point at.',
  CONFLICT: 'A record with this external id exists already.',
  ABORTED: 'The run was cancelled.',
};

function describeVendorError(error: VendorError): FailureReport {
  const where = `${error.vendor} ${error.operation}`;
  const detail = error.vendorCode
    ? `${error.vendorCode}${error.vendorMessage ? `: ${error.vendorMessage}` : ''}`
    : error.message;

  return {
    cause: redactText(firstLine(`${where} failed — ${detail}`), []),
    hint: error.hint ?? HINTS[error.code] ?? 'Run again with --log-level debug for details.',
    exitCode: EXIT.vendor,
  };
}

/** The shape a run summary keeps of the error that stopped it (flows-core's SerializedError). */
export interface StoredFailure {
  name: string;
  message: string;
  code?: string;
  vendor?: string;
  operation?: string;
  vendorCode?: string;
}

/** Describes the error that stopped a flow run, as stored in its summary. */
export function describeStoredFailure(flowId: string, error: StoredFailure): FailureReport {
  const where = error.vendor && error.operation ? `${error.vendor} ${error.operation}` : flowId;
  const detail = error.vendorCode ? `${error.vendorCode} (${error.message})` : error.message;

  return {
    cause: redactText(firstLine(`${flowId} stopped: ${where} — ${detail}`), []),
    hint: (error.code && HINTS[error.code]) ?? 'Run again with --log-level debug for details.',
    exitCode: error.vendor ? EXIT.vendor : EXIT.failed,
  };
}

function firstLine(text: string): string {
  return text.split('\n')[0]!.slice(0, 400);
}
