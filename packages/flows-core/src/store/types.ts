/**
 * The state store contract (DESIGN §4): checkpoints, links, error records, runs and locks, every
 * one namespaced by integration id so a sandbox and a production integration never share state.
 * Methods are async so network stores (Postgres) implement the same contract as SQLite.
 * The shared contract test suite is `describeStateStoreContract` in `@sellerbridge/flows-core/testing`.
 */

/** A JSON value as stored (checkpoints, error inputs). */
export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** A source record's link to the NetSuite record created for it. */
export interface LinkRecord {
  /** What the source record is, e.g. `amazon-order:ATVPDKIKX0DER:123-456`. */
  sourceKey: string;
  /** The NetSuite record type, e.g. `salesOrder`. */
  recordType: string;
  netsuiteId: string;
  externalId: string;
  createdAt: string;
}

/** An error in a form that survives JSON: no stack, no raw request, no secret, no PII. */
export interface SerializedError {
  name: string;
  message: string;
  code?: string;
  vendor?: string;
  operation?: string;
  status?: number;
  vendorCode?: string;
  requestId?: string;
  retryable?: boolean;
  details?: JsonValue;
}

/** One failed source record, kept until resolved so it can be shown, retried or resolved. */
export interface ErrorRecord {
  id: string;
  flowId: string;
  traceKey: string;
  status: 'open' | 'resolved';
  /** The record with buyer personal data replaced by `[PII]`. */
  input: JsonValue;
  /** The personal data taken out of `input`, AES-256-GCM encrypted; null once purged or never kept. */
  sealedPii: string | null;
  /** True when personal data was dropped because no encryption key was configured. */
  piiDropped: boolean;
  error: SerializedError;
  attempts: number;
  runId: string | null;
  createdAt: string;
  updatedAt: string;
  resolvedAt: string | null;
  resolution: string | null;
  /** When `sealedPii` is purged: min(created + retention, delivery + 30 days). */
  purgeAt: string | null;
}

/** What a failure writes; the store increments `attempts` of an existing (flowId, traceKey). */
export interface ErrorUpsert {
  /** Used only when no record exists for (flowId, traceKey). */
  id: string;
  flowId: string;
  traceKey: string;
  input: JsonValue;
  sealedPii: string | null;
  piiDropped: boolean;
  error: SerializedError;
  runId: string | null;
  now: string;
  /** The store keeps the earlier of this and an existing record's purge time. */
  purgeAt: string | null;
}

/** Filter for listing error records; newest first. */
export interface ErrorFilter {
  flowId?: string;
  status?: 'open' | 'resolved';
  /** @default 100 */
  limit?: number;
}

/** The counters of a run summary. */
export interface RunCounts {
  read: number;
  created: number;
  /** Records whose create found the record already there (external-id conflict) and linked it. */
  linked: number;
  updated: number;
  skipped: number;
  failed: number;
}

/** One run of one flow, as stored. */
export interface RunRecord {
  id: string;
  flowId: string;
  status: 'running' | 'completed' | 'cancelled' | 'failed';
  trigger: 'manual' | 'schedule' | 'trigger' | 'retry';
  dryRun: boolean;
  counts: RunCounts;
  startedAt: string;
  finishedAt: string | null;
  durationMs: number | null;
  error: SerializedError | null;
}

/**
 * What a handled page commits atomically: the links its records created, the trace keys that
 * succeeded (their open errors resolve) and the new checkpoint. A run stopped mid-page commits
 * the links and resolutions without a checkpoint.
 */
export interface PageCommit {
  flowId: string;
  /** Omitted: the checkpoint stays where it is. */
  checkpoint?: JsonValue;
  links: readonly LinkRecord[];
  resolvedTraceKeys: readonly string[];
  now: string;
}

/** A lock's current holder. */
export interface LockInfo {
  holder: string;
  expiresAtMs: number;
}

/** A lock call: `holder` wants `name` in `ns` until `nowMs + ttlMs`; resolves true when it holds it. */
export type LockOperation = (
  ns: string,
  name: string,
  holder: string,
  ttlMs: number,
  nowMs: number,
) => Promise<boolean>;

/** The contract every state store implements; `ns` is the integration id. */
export interface StateStore {
  /** A short name for diagnostics (`memory`, `sqlite`). */
  readonly kind: string;

  getCheckpoint(ns: string, flowId: string): Promise<JsonValue | undefined>;
  saveCheckpoint(ns: string, flowId: string, checkpoint: JsonValue, now: string): Promise<void>;
  /** Saves the page's links, resolves its succeeded trace keys and saves its checkpoint, in one transaction. */
  commitPage(ns: string, commit: PageCommit): Promise<void>;

  getLink(ns: string, recordType: string, sourceKey: string): Promise<LinkRecord | undefined>;
  /** Inserts or replaces the link of (recordType, sourceKey). */
  putLink(ns: string, link: LinkRecord): Promise<void>;
  /** Links of a namespace ordered by (recordType, sourceKey). */
  listLinks(ns: string, filter?: { recordType?: string; limit?: number }): Promise<LinkRecord[]>;

  upsertError(ns: string, upsert: ErrorUpsert): Promise<ErrorRecord>;
  getError(ns: string, id: string): Promise<ErrorRecord | undefined>;
  listErrors(ns: string, filter?: ErrorFilter): Promise<ErrorRecord[]>;
  /** Resolves the open records of these trace keys; returns how many changed. */
  resolveErrors(
    ns: string,
    flowId: string,
    traceKeys: readonly string[],
    resolution: string,
    now: string,
  ): Promise<number>;
  /** Drops the sealed personal data of records whose purge time has passed; returns the count. */
  purgePii(ns: string, now: string): Promise<number>;

  saveRun(ns: string, run: RunRecord): Promise<void>;
  getRun(ns: string, id: string): Promise<RunRecord | undefined>;
  /** Runs newest first. */
  listRuns(ns: string, filter?: { flowId?: string; limit?: number }): Promise<RunRecord[]>;

  /** Takes the lock when free, expired or already ours; true when we hold it afterwards. */
  acquireLock: LockOperation;
  /** Extends our lock; false when another holder has it (ours expired and was taken). */
  renewLock: LockOperation;
  /** Releases the lock if we hold it. */
  releaseLock(ns: string, name: string, holder: string): Promise<void>;
  getLock(ns: string, name: string): Promise<LockInfo | undefined>;

  close(): Promise<void>;
}
