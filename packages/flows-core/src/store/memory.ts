/**
 * The in-memory state store: the contract without persistence, for tests and short-lived demos.
 * Values are cloned in and out, so callers cannot mutate stored state by accident.
 */
import type {
  ErrorFilter,
  ErrorRecord,
  ErrorUpsert,
  JsonValue,
  LinkRecord,
  LockInfo,
  PageCommit,
  RunRecord,
  StateStore,
} from './types';
import { mergeErrorUpsert, purgedPii, resolvedError } from './records';

const DEFAULT_LIMIT = 100;

/** Creates an empty in-memory store. */
export function createMemoryStore(): StateStore {
  const checkpoints = new Map<string, JsonValue>();
  const links = new Map<string, LinkRecord>();
  const errors = new Map<string, ErrorRecord>();
  const runs = new Map<string, RunRecord>();
  const locks = new Map<string, LockInfo>();
  const errorIds = new Map<string, string>();
  const key = (...parts: string[]): string => parts.join('\u0000');

  const nsValues = <T>(map: Map<string, T>, ns: string): T[] =>
    [...map.entries()].filter(([k]) => k.startsWith(key(ns, ''))).map(([, v]) => v);

  const findError = (ns: string, flowId: string, traceKey: string): ErrorRecord | undefined => {
    const id = errorIds.get(key(ns, flowId, traceKey));

    return id === undefined ? undefined : errors.get(key(ns, id));
  };

  const resolve = (
    ns: string,
    flowId: string,
    keys: readonly string[],
    why: string,
    now: string,
  ) => {
    let changed = 0;
    for (const traceKey of keys) {
      const record = findError(ns, flowId, traceKey);
      if (record?.status !== 'open') continue;
      errors.set(key(ns, record.id), resolvedError(record, why, now));
      changed += 1;
    }

    return changed;
  };

  return {
    kind: 'memory',

    async getCheckpoint(ns, flowId) {
      return structuredClone(checkpoints.get(key(ns, flowId)));
    },
    async saveCheckpoint(ns, flowId, checkpoint) {
      checkpoints.set(key(ns, flowId), structuredClone(checkpoint));
    },
    async commitPage(ns, commit: PageCommit) {
      for (const link of commit.links)
        links.set(key(ns, link.recordType, link.sourceKey), structuredClone(link));
      resolve(ns, commit.flowId, commit.resolvedTraceKeys, 'succeeded', commit.now);
      if (commit.checkpoint !== undefined) {
        checkpoints.set(key(ns, commit.flowId), structuredClone(commit.checkpoint));
      }
    },

    async getLink(ns, recordType, sourceKey) {
      return structuredClone(links.get(key(ns, recordType, sourceKey)));
    },
    async putLink(ns, link) {
      links.set(key(ns, link.recordType, link.sourceKey), structuredClone(link));
    },
    async listLinks(ns, filter = {}) {
      const all = nsValues(links, ns)
        .filter((l) => filter.recordType === undefined || l.recordType === filter.recordType)
        .sort((a, b) => compare(a.recordType, b.recordType) || compare(a.sourceKey, b.sourceKey));

      return structuredClone(all.slice(0, filter.limit ?? Number.MAX_SAFE_INTEGER));
    },

    async upsertError(ns, upsert: ErrorUpsert) {
      const merged = mergeErrorUpsert(findError(ns, upsert.flowId, upsert.traceKey), upsert);
      errors.set(key(ns, merged.id), structuredClone(merged));
      errorIds.set(key(ns, merged.flowId, merged.traceKey), merged.id);

      return merged;
    },
    async getError(ns, id) {
      return structuredClone(errors.get(key(ns, id)));
    },
    async listErrors(ns, filter: ErrorFilter = {}) {
      const matching = nsValues(errors, ns)
        .filter((e) => filter.flowId === undefined || e.flowId === filter.flowId)
        .filter((e) => filter.status === undefined || e.status === filter.status)
        .sort((a, b) => compare(b.createdAt, a.createdAt) || compare(b.id, a.id));

      return structuredClone(matching.slice(0, filter.limit ?? DEFAULT_LIMIT));
    },
    async resolveErrors(ns, flowId, traceKeys, resolution, now) {
      return resolve(ns, flowId, traceKeys, resolution, now);
    },
    async purgePii(ns, now) {
      const due = nsValues(errors, ns).filter((e) => e.sealedPii && e.purgeAt && e.purgeAt <= now);
      for (const record of due) errors.set(key(ns, record.id), purgedPii(record, now));

      return due.length;
    },

    async saveRun(ns, run) {
      runs.set(key(ns, run.id), structuredClone(run));
    },
    async getRun(ns, id) {
      return structuredClone(runs.get(key(ns, id)));
    },
    async listRuns(ns, filter = {}) {
      const matching = nsValues(runs, ns)
        .filter((r) => filter.flowId === undefined || r.flowId === filter.flowId)
        .sort((a, b) => compare(b.startedAt, a.startedAt) || compare(b.id, a.id));

      return structuredClone(matching.slice(0, filter.limit ?? DEFAULT_LIMIT));
    },

    async acquireLock(ns, name, holder, ttlMs, nowMs) {
      const current = locks.get(key(ns, name));
      if (current && current.holder !== holder && current.expiresAtMs > nowMs) return false;
      locks.set(key(ns, name), { holder, expiresAtMs: nowMs + ttlMs });

      return true;
    },
    async renewLock(ns, name, holder, ttlMs, nowMs) {
      const current = locks.get(key(ns, name));
      if (current && current.holder !== holder) return false;
      locks.set(key(ns, name), { holder, expiresAtMs: nowMs + ttlMs });

      return true;
    },
    async releaseLock(ns, name, holder) {
      if (locks.get(key(ns, name))?.holder === holder) locks.delete(key(ns, name));
    },
    async getLock(ns, name) {
      return structuredClone(locks.get(key(ns, name)));
    },

    async close() {},
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
