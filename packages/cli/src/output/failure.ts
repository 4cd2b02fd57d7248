/**
 * Turns any failure into one line of cause and one line of hint — never a stack trace — for the
 * people running the CLI. Known categories get a specific hint; everything is redacted.
 */
import { isVendorError, redactText, type VendorError } from '@sellerbridge/http-core';
import { FlowsCoreError } from '@sellerbridge/flows-core';
import { ConfigError } from '../config/errors';
import { networkHint } from './network-hint';

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
  if (error instanceof FlowsCoreError) return describeEngineError(error);
  if (isSqliteError(error)) {
    return {
      cause: `The state database cannot be used: ${firstLine(error.message)}`,
      hint: 'Move the damaged state.db away (the demo: add --reset); checkpoints and links start over, NetSuite external ids prevent duplicates.',
      exitCode: EXIT.failed,
    };
  }

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
  SERVER: 'The vendor failed; run again later.',
  INVALID_INPUT: 'Fix the input named above and run again.',
  NOT_FOUND: 'Check the ids and the account you point at.',
  CONFLICT: 'A record with this external id exists already.',
  ABORTED: 'The run was cancelled.',
};

// Engine errors the user can fix by changing what they asked for, with their hints.
const ENGINE_HINTS: Record<string, { hint: string; exitCode: number }> = {
  FLOW_NOT_FOUND: { hint: 'Run `sellerbridge status` to list the flows.', exitCode: EXIT.config },
  INVALID_SETTINGS: {
    hint: 'Fix the starter settings named above in the config file.',
    exitCode: EXIT.config,
  },
  INVALID_CONFIGURATION: { hint: 'Fix the configuration named above.', exitCode: EXIT.config },
  LOCK_HELD: {
    hint: 'Another run of this flow is in progress; a run that was killed frees its lock within 60 s. Try again then.',
    exitCode: EXIT.failed,
  },
  NOT_FOUND: {
    hint: 'Run `sellerbridge errors list --all` to see the error record ids.',
    exitCode: EXIT.config,
  },
};

function describeEngineError(error: FlowsCoreError): FailureReport {
  const known = ENGINE_HINTS[error.code];

  return {
    cause: redactText(firstLine(error.message), []),
    hint:
      known?.hint ??
      (/KEY|ENCRYPT/i.test(error.code)
        ? 'Set SELLERBRIDGE_ENCRYPTION_KEY to 64 hex characters (openssl rand -hex 32).'
        : 'Run again with --log-level debug for details.'),
    exitCode: known?.exitCode ?? EXIT.config,
  };
}

function isSqliteError(error: unknown): error is Error & { code: string } {
  const code: unknown = error instanceof Error ? Reflect.get(error, 'code') : undefined;

  return typeof code === 'string' && code.startsWith('SQLITE_');
}

function describeVendorError(error: VendorError): FailureReport {
  const where = `${error.vendor} ${error.operation}`;
  const detail = error.vendorCode
    ? `${error.vendorCode}${error.vendorMessage ? `: ${error.vendorMessage}` : ''}`
    : error.message;

  return {
    cause: redactText(firstLine(`${where} failed — ${detail}`), []),
    hint: hintFor(error),
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
  /**
   * The client's own hint, when the stored form kept it (flows-core's SerializedError has no
   * `hint` field today, so a stored network failure gets the CLI's hint by cause).
   */
  hint?: string;
}

/** Describes the error that stopped a flow run, as stored in its summary. */
export function describeStoredFailure(flowId: string, error: StoredFailure): FailureReport {
  const where = error.vendor && error.operation ? `${error.vendor} ${error.operation}` : flowId;
  const detail = error.vendorCode ? `${error.vendorCode} (${error.message})` : error.message;

  return {
    cause: redactText(firstLine(`${flowId} stopped: ${where} — ${detail}`), []),
    hint: hintFor(error),
    exitCode: error.vendor ? EXIT.vendor : EXIT.failed,
  };
}

/**
 * The error's own hint first (sp-api-client words network hints by cause); otherwise the CLI's:
 * by cause for a network failure, by category for the rest.
 */
function hintFor(error: { code?: string; vendorCode?: string; hint?: string }): string {
  if (error.hint) return error.hint;
  if (error.code === 'NETWORK') return networkHint(error.vendorCode);

  return (error.code && HINTS[error.code]) ?? 'Run again with --log-level debug for details.';
}

function firstLine(text: string): string {
  return text.split('\n')[0]!.slice(0, 400);
}
