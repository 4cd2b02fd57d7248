/**
 * The engine's own typed errors. Each names what was wrong and where; none carries buyer
 * personal data or a secret (the offending value is only quoted when it is not personal data).
 */

/** Base class of every flows-core error; `code` is stable for programs, `message` for people. */
export class FlowsCoreError extends Error {
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** One problem in a plugin's settings: the dotted key and why it was rejected. */
export interface SettingsIssue {
  plugin: string;
  key: string;
  message: string;
}

/** A plugin's options failed its settings schema at start-up. */
export class SettingsError extends FlowsCoreError {
  readonly issues: readonly SettingsIssue[];

  constructor(issues: readonly SettingsIssue[]) {
    const lines = issues.map((issue) => `${issue.plugin}: ${issue.key}: ${issue.message}`);
    super('INVALID_SETTINGS', `Invalid plugin settings:\n  ${lines.join('\n  ')}`);
    this.issues = issues;
  }
}

/** The integration was configured wrongly (duplicate flow id, bad id, unknown trigger). */
export class ConfigurationError extends FlowsCoreError {
  constructor(message: string) {
    super('INVALID_CONFIGURATION', message);
  }
}

/** `run(flowId)` named a flow no plugin contributes. */
export class FlowNotFoundError extends FlowsCoreError {
  readonly flowId: string;

  constructor(flowId: string, known: readonly string[]) {
    super('FLOW_NOT_FOUND', `Unknown flow '${flowId}'; known flows: ${known.join(', ') || 'none'}`);
    this.flowId = flowId;
  }
}

/** Another run of the same (integration, flow) holds the lock. */
export class LockHeldError extends FlowsCoreError {
  readonly lockName: string;

  constructor(integrationId: string, lockName: string) {
    super('LOCK_HELD', `Flow '${lockName}' of integration '${integrationId}' is already running`);
    this.lockName = lockName;
  }
}

/** A run lost its lock (it expired and another holder took it), so it stopped. */
export class LockLostError extends FlowsCoreError {
  constructor(integrationId: string, lockName: string) {
    super('LOCK_LOST', `Lost the lock of flow '${lockName}' in integration '${integrationId}'`);
  }
}

/** A value (number, money, date, external id, currency) could not be parsed or built. */
export class ValueFormatError extends FlowsCoreError {
  readonly kind: string;

  constructor(kind: string, message: string) {
    super('INVALID_VALUE', message);
    this.kind = kind;
  }
}

/** Two amounts in different currencies were combined. */
export class CurrencyMismatchError extends FlowsCoreError {
  constructor(left: string, right: string, operation: string) {
    super('CURRENCY_MISMATCH', `Cannot ${operation} ${left} and ${right} amounts`);
  }
}

/** An error record could not be found, decrypted or retried. */
export class ErrorRecordError extends FlowsCoreError {
  constructor(code: string, message: string) {
    super(code, message);
  }
}
