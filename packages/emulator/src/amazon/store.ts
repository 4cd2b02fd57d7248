/**
 * SQLite document store of the Amazon emulator (better-sqlite3): every piece of run-time state
 * (tokens, orders, listings, feeds, documents, queues) is a JSON document keyed by (kind, id), so
 * a file-backed store lets a second run see the first run's records.
 */
import Database from 'better-sqlite3';
import type { AmazonStore, StoreFilter } from './server/types';

/** Options of {@link createAmazonStore}. */
export interface AmazonStoreOptions {
  /** SQLite file path; `:memory:` keeps state in memory. @default ':memory:' */
  file?: string;
}

/** The store plus lifecycle helpers the server needs. */
export interface SqliteAmazonStore extends AmazonStore {
  /** Number of documents of a kind. */
  count(kind: string): number;
  /** Stores an already serialised document (bulk seeding without a second JSON.stringify). */
  putJson(kind: string, id: string, json: string): void;
  /** Runs `fn` in one SQLite transaction. */
  transaction<T>(fn: () => T): T;
  close(): void;
}

function matches<T>(doc: T, filter: StoreFilter<T> | undefined): boolean {
  if (filter === undefined) return true;
  if (typeof filter === 'function') return filter(doc);

  const record = doc as Record<string, unknown>;
  return Object.entries(filter).every(([key, value]) => record[key] === value);
}

/** Opens (or creates) the document store. */
export function createAmazonStore(options: AmazonStoreOptions = {}): SqliteAmazonStore {
  const db = new Database(options.file ?? ':memory:');
  db.pragma('journal_mode = WAL');
  db.exec(
    'CREATE TABLE IF NOT EXISTS docs (kind TEXT NOT NULL, id TEXT NOT NULL, ' +
      'seq INTEGER NOT NULL, json TEXT NOT NULL, PRIMARY KEY (kind, id))',
  );
  db.exec('CREATE INDEX IF NOT EXISTS docs_kind_seq ON docs (kind, seq)');

  const getStmt = db.prepare('SELECT json FROM docs WHERE kind = ? AND id = ?');
  const listStmt = db.prepare('SELECT json FROM docs WHERE kind = ? ORDER BY seq');
  const countStmt = db.prepare('SELECT COUNT(*) AS n FROM docs WHERE kind = ?');
  const deleteStmt = db.prepare('DELETE FROM docs WHERE kind = ? AND id = ?');
  const maxSeqStmt = db.prepare('SELECT COALESCE(MAX(seq), 0) AS seq FROM docs');
  // Replacing keeps the original insertion order, so `list` stays stable across updates.
  const upsertStmt = db.prepare(
    'INSERT INTO docs (kind, id, seq, json) VALUES (?, ?, ?, ?) ' +
      'ON CONFLICT (kind, id) DO UPDATE SET json = excluded.json',
  );
  let seq = (maxSeqStmt.get() as { seq: number }).seq;

  return {
    get<T>(kind: string, id: string): T | undefined {
      const row = getStmt.get(kind, id) as { json: string } | undefined;
      return row === undefined ? undefined : (JSON.parse(row.json) as T);
    },
    put<T>(kind: string, id: string, doc: T): void {
      seq += 1;
      upsertStmt.run(kind, id, seq, JSON.stringify(doc));
    },
    putJson(kind: string, id: string, json: string): void {
      seq += 1;
      upsertStmt.run(kind, id, seq, json);
    },
    list<T>(kind: string, filter?: StoreFilter<T>): T[] {
      const rows = listStmt.all(kind) as Array<{ json: string }>;
      return rows.map((row) => JSON.parse(row.json) as T).filter((doc) => matches(doc, filter));
    },
    delete(kind: string, id: string): boolean {
      return deleteStmt.run(kind, id).changes > 0;
    },
    count(kind: string): number {
      return (countStmt.get(kind) as { n: number }).n;
    },
    transaction<T>(fn: () => T): T {
      return db.transaction(fn)();
    },
    close(): void {
      db.close();
    },
  };
}
