/**
 * The embedded default state store: one SQLite file (better-sqlite3), WAL journal so readers
 * never block the writer, `synchronous = NORMAL` (a committed transaction survives a process
 * crash such as SIGKILL; only an OS crash or power loss can lose the last ones —
 * https://www.sqlite.org/pragma.html#pragma_synchronous), versioned migrations.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import {
  mergeErrorUpsert,
  type JsonValue,
  type PageCommit,
  type StateStore,
} from '@sellerbridge/flows-core';
import { migrate } from './migrations';
import {
  toErrorRecord,
  errorParams,
  toLinkRecord,
  toRunRecord,
  runParams,
  type ErrorRow,
  type LinkRow,
  type RunRow,
} from './rows';
import { prepareStatements } from './statements';

/** Options of `createSqliteStore`. */
export interface SqliteStoreOptions {
  /** The database file (created with its folder); `:memory:` for a throwaway store. @default '.sellerbridge/state.db' */
  file?: string;
  /** How long a write waits for another process's write to finish. @default 5000 */
  busyTimeoutMs?: number;
}

const DEFAULT_LIMIT = 100;

/**
 * Opens (and migrates) a SQLite state store.
 * @throws {SchemaVersionError} when the file was written by a newer version.
 * @example
 * const store = createSqliteStore({ file: '.sellerbridge/state.db' });
 */
export function createSqliteStore(options: SqliteStoreOptions = {}): StateStore {
  const file = options.file ?? '.sellerbridge/state.db';
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });

  const db = new Database(file, { timeout: options.busyTimeoutMs ?? 5000 });
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }

  const s = prepareStatements(db);

  const resolveKeys = (
    ns: string,
    flowId: string,
    keys: readonly string[],
    why: string,
    now: string,
  ): number =>
    keys.reduce(
      (changed, key) => changed + s.resolveError.run(why, now, now, ns, flowId, key).changes,
      0,
    );

  const commitPage = db.transaction((ns: string, commit: PageCommit) => {
    for (const link of commit.links) {
      s.putLink.run(
        ns,
        link.recordType,
        link.sourceKey,
        link.netsuiteId,
        link.externalId,
        link.createdAt,
      );
    }

    resolveKeys(ns, commit.flowId, commit.resolvedTraceKeys, 'succeeded', commit.now);
    if (commit.checkpoint !== undefined) {
      s.saveCheckpoint.run(ns, commit.flowId, JSON.stringify(commit.checkpoint), commit.now);
    }
  });

  const upsertError = db.transaction(
    (ns: string, upsert: Parameters<StateStore['upsertError']>[1]) => {
      const row = s.getErrorByTrace.get(ns, upsert.flowId, upsert.traceKey) as ErrorRow | undefined;
      const merged = mergeErrorUpsert(row ? toErrorRecord(row) : undefined, upsert);
      s.putError.run(errorParams(ns, merged));

      return merged;
    },
  );

  return {
    kind: 'sqlite',

    async getCheckpoint(ns, flowId) {
      const row = s.getCheckpoint.get(ns, flowId) as { value: string } | undefined;

      return row ? (JSON.parse(row.value) as JsonValue) : undefined;
    },
    async saveCheckpoint(ns, flowId, checkpoint, now) {
      s.saveCheckpoint.run(ns, flowId, JSON.stringify(checkpoint), now);
    },
    async commitPage(ns, commit) {
      commitPage.immediate(ns, commit);
    },

    async getLink(ns, recordType, sourceKey) {
      const row = s.getLink.get(ns, recordType, sourceKey) as LinkRow | undefined;

      return row ? toLinkRecord(row) : undefined;
    },
    async putLink(ns, link) {
      s.putLink.run(
        ns,
        link.recordType,
        link.sourceKey,
        link.netsuiteId,
        link.externalId,
        link.createdAt,
      );
    },
    async listLinks(ns, filter = {}) {
      const rows = s.listLinks.all({
        ns,
        record_type: filter.recordType ?? null,
        limit: filter.limit ?? -1,
      });

      return (rows as LinkRow[]).map(toLinkRecord);
    },

    async upsertError(ns, upsert) {
      return upsertError.immediate(ns, upsert);
    },
    async getError(ns, id) {
      const row = s.getError.get(ns, id) as ErrorRow | undefined;

      return row ? toErrorRecord(row) : undefined;
    },
    async listErrors(ns, filter = {}) {
      const query = {
        ns,
        flow_id: filter.flowId ?? null,
        status: filter.status ?? null,
        limit: filter.limit ?? DEFAULT_LIMIT,
      };

      return (s.listErrors.all(query) as ErrorRow[]).map(toErrorRecord);
    },
    async resolveErrors(ns, flowId, traceKeys, resolution, now) {
      return db.transaction(() => resolveKeys(ns, flowId, traceKeys, resolution, now)).immediate();
    },
    async purgePii(ns, now) {
      return s.purgePii.run({ ns, now }).changes;
    },

    async saveRun(ns, run) {
      s.saveRun.run(runParams(ns, run));
    },
    async getRun(ns, id) {
      const row = s.getRun.get(ns, id) as RunRow | undefined;

      return row ? toRunRecord(row) : undefined;
    },
    async listRuns(ns, filter = {}) {
      const rows = s.listRuns.all({
        ns,
        flow_id: filter.flowId ?? null,
        limit: filter.limit ?? DEFAULT_LIMIT,
      });

      return (rows as RunRow[]).map(toRunRecord);
    },

    async acquireLock(ns, name, holder, ttlMs, nowMs) {
      return (
        s.acquireLock.run({ ns, name, holder, expires: nowMs + ttlMs, now: nowMs }).changes === 1
      );
    },
    async renewLock(ns, name, holder, ttlMs, nowMs) {
      return s.renewLock.run({ ns, name, holder, expires: nowMs + ttlMs }).changes === 1;
    },
    async releaseLock(ns, name, holder) {
      s.releaseLock.run(ns, name, holder);
    },
    async getLock(ns, name) {
      const row = s.getLock.get(ns, name) as { holder: string; expires_at_ms: number } | undefined;

      return row ? { holder: row.holder, expiresAtMs: row.expires_at_ms } : undefined;
    },

    async close() {
      if (db.open) db.close();
    },
  };
}
