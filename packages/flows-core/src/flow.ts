/**
 * Flows: a source that yields pages of records from a checkpoint, and a handler that turns one
 * record into NetSuite (or Amazon) writes through the context (DESIGN §4).
 */
import { ConfigurationError } from './errors';
import type { FlowContext } from './context';

/**
 * What handling one record did. `linked`: the record already existed in the target and was only
 * linked (the runner also counts a `created` whose every `createOnce` linked an existing record
 * as `linked`, so flows need not tell the two apart).
 */
export type Outcome = 'created' | 'linked' | 'updated' | 'skipped';

/** A handler's result: an outcome, optionally with the NetSuite id and a note. */
export type HandleResult = Outcome | { outcome: Outcome; netsuiteId?: string; note?: string };

/** One page from a source: its records and the checkpoint that follows them. */
export interface Page<TRecord, TCheckpoint> {
  records: readonly TRecord[];
  checkpoint: TCheckpoint;
}

/** When the in-process scheduler runs a flow: every N ms, or only when asked. */
export type FlowSchedule = { everyMs: number } | 'manual';

/** Which product edition a flow belongs to (DESIGN §7). */
export type Edition = 'starter' | 'standard' | 'premium' | 'addon';

/** A flow; build one with `defineFlow`. */
export interface Flow<
  TSettings = unknown,
  TAmazon = unknown,
  TNetSuite = unknown,
  TRecord = unknown,
  TCheckpoint = unknown,
> {
  /** Unique in an integration; letters, digits, `-` and `_`. */
  readonly id: string;
  readonly edition: Edition;
  readonly schedule: FlowSchedule;
  readonly description?: string;
  /** Yields pages from the saved checkpoint (undefined on a first run). */
  readonly source: (
    ctx: FlowContext<TSettings, TAmazon, TNetSuite>,
    checkpoint: TCheckpoint | undefined,
  ) => AsyncIterable<Page<TRecord, TCheckpoint>>;
  /** Handles one record: reads and writes through `ctx`; throws to record an error. */
  readonly handle: (
    ctx: FlowContext<TSettings, TAmazon, TNetSuite>,
    record: TRecord,
  ) => Promise<HandleResult>;
  /** The record's trace key (e.g. the Amazon order id); errors and retries are keyed by it. */
  readonly traceKey: (record: TRecord) => string;
  /** The order's delivery time (ISO), so stored personal data is purged 30 days after it. */
  readonly deliveredAt?: (record: TRecord) => string | undefined;
  /** Reloads a record for a retry; without it the stored input is handled again. */
  readonly load?: (
    ctx: FlowContext<TSettings, TAmazon, TNetSuite>,
    traceKey: string,
  ) => Promise<TRecord | undefined>;
  /** Flows run after a completed run of this one (settlement → payments → refunds). */
  readonly triggers?: readonly string[];
  /**
   * Records of one page handled at once (1..1000), or a function of the plugin's settings.
   * Records sharing a key (two orders of one customer) may then run together: create shared
   * records through `ctx.links.createOnce` with a deterministic external id, so the loser of a
   * race links the winner's record (the `ConflictError` path); keep 1 where order matters.
   * @default 1
   */
  readonly concurrency?: number | ((settings: TSettings) => number);
}

const FLOW_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

/**
 * Defines a flow; type the `ctx` parameter of `source` or `handle` to type the settings and clients.
 * @throws {ConfigurationError} for an invalid id or schedule.
 * @example
 * export const orders = defineFlow({
 *   id: 'mfn-orders', edition: 'starter', schedule: { everyMs: 15 * 60_000 },
 *   traceKey: (order: Order) => order.orderId,
 *   async *source(ctx: FlowContext<StarterSettings, SpApiClient, NetSuiteClient>, checkpoint) { … },
 *   async handle(ctx, order) { … return 'created'; },
 * });
 */
export function defineFlow<TSettings, TAmazon, TNetSuite, TRecord, TCheckpoint>(
  flow: Flow<TSettings, TAmazon, TNetSuite, TRecord, TCheckpoint>,
): Flow<TSettings, TAmazon, TNetSuite, TRecord, TCheckpoint> {
  if (!FLOW_ID.test(flow.id)) {
    throw new ConfigurationError(
      `Flow id '${flow.id}' must be 1–64 letters, digits, '-' or '_', starting with a letter or digit`,
    );
  }

  if (flow.schedule !== 'manual' && !(flow.schedule.everyMs > 0)) {
    throw new ConfigurationError(`Flow '${flow.id}': schedule.everyMs must be a positive number`);
  }

  if (typeof flow.concurrency === 'number') checkConcurrency(flow.concurrency, `Flow '${flow.id}'`);

  return Object.freeze({ ...flow });
}

/** The most records of one page a run handles at once. */
export const MAX_CONCURRENCY = 1000;

/**
 * Checks a concurrency value and returns it.
 * @throws {ConfigurationError} unless it is an integer in 1..{@link MAX_CONCURRENCY}.
 */
export function checkConcurrency(value: unknown, where: string): number {
  if (Number.isInteger(value) && (value as number) >= 1 && (value as number) <= MAX_CONCURRENCY)
    return value as number;

  throw new ConfigurationError(
    `${where}: concurrency must be an integer from 1 to ${MAX_CONCURRENCY}, got ${String(value)}`,
  );
}

/**
 * A flow's concurrency with its plugin's settings.
 * @throws {ConfigurationError} when the flow's value (or its function's result) is invalid.
 */
export function resolveConcurrency(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  flow: Flow<any, any, any, any, any>,
  settings: unknown,
): number {
  const value =
    typeof flow.concurrency === 'function' ? flow.concurrency(settings) : flow.concurrency;

  return value === undefined ? 1 : checkConcurrency(value, `Flow '${flow.id}'`);
}

/** Normalises a handler result to its object form. */
export function toRecordResult(result: HandleResult): { outcome: Outcome; netsuiteId?: string } {
  return typeof result === 'string' ? { outcome: result } : result;
}
