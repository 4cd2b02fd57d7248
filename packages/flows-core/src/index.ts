/**
 * @sellerbridge/flows-core — the flow engine: integrations, plugins, flows, the runner, the state
 * store contract, error records, money, dates and localised numbers (DESIGN §4–5).
 */
export type { IntegrationOptions } from './integration';
export { createIntegration } from './integration';
export type { Integration, FlowInfo } from './integration-api';
export type { ErrorsApi } from './errors-api';

export type { Plugin, PluginDefinition, PluginFunction } from './plugin';
export { definePlugin, emptySettings } from './plugin';

export type { Flow, FlowSchedule, Edition, Outcome, HandleResult, Page } from './flow';
export { defineFlow } from './flow';

export type {
  FlowContext,
  WriteIntent,
  WriteResult,
  Links,
  CreateOnceOptions,
  CreateOnceResult,
} from './context';
export { externalId, isExternalId } from './external-id';
export { conflictExistingId } from './links';

export type { RunOptions, RunSummary, FailureReason } from './runner/engine';
export type { RetryOptions } from './runner/retry-errors';
export type { ScheduleOptions, ScheduleHandle } from './scheduler';
export type { SignalHandlerOptions } from './signals';
export type { IntegrationEvents, RunEvent, ProgressEvent, RecordEvent, WriteEvent } from './events';

export type { Clock } from './clock';
export { systemClock } from './clock';

export type {
  StateStore,
  JsonValue,
  LinkRecord,
  ErrorRecord,
  ErrorUpsert,
  ErrorFilter,
  SerializedError,
  RunRecord,
  RunCounts,
  PageCommit,
  LockInfo,
} from './store/types';
export { createMemoryStore } from './store/memory';
export { mergeErrorUpsert, resolvedError, purgedPii, earlier } from './store/records';

export { serializeError } from './serialize-error';
export { DEFAULT_PII_RETENTION_MS, DELIVERY_RETENTION_MS, purgeTime } from './error-records';
export { ENCRYPTION_KEY_ENV } from './pii/vault';

export type { SettingsIssue } from './errors';
export {
  FlowsCoreError,
  SettingsError,
  ConfigurationError,
  FlowNotFoundError,
  LockHeldError,
  LockLostError,
  ValueFormatError,
  CurrencyMismatchError,
  ErrorRecordError,
} from './errors';

export type { RoundingMode, DecimalInput } from './values/money';
export { Money } from './values/money';
export type { CurrencyCode } from './values/currencies';
export { minorUnitsOf, isKnownCurrency } from './values/currencies';
export type { NumberFormat, NumberFormatSource } from './values/numbers';
export { parseLocalizedNumber } from './values/numbers';
export type { MarketplaceFormat } from './values/marketplaces';
export { marketplaceFormat } from './values/marketplaces';
export type { DateFormatSource } from './values/dates';
export { parseAmazonDate, toNetSuiteDate } from './values/dates';
