/**
 * Versioned schema migrations. Each version runs once, in a transaction, and is recorded in
 * `schema_migrations`; a database written by a newer version of this package is refused rather
 * than misread. Add a new entry at the end — never edit an applied one.
 */
import type Database from 'better-sqlite3';

/** One schema step. */
export interface Migration {
  version: number;
  description: string;
  sql: string;
}

/** Every migration, in order. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'checkpoints, links, error records, runs, locks',
    sql: `
      CREATE TABLE checkpoints (
        ns TEXT NOT NULL, flow_id TEXT NOT NULL, value TEXT NOT NULL, updated_at TEXT NOT NULL,
        PRIMARY KEY (ns, flow_id)
      ) WITHOUT ROWID;
      CREATE TABLE links (
        ns TEXT NOT NULL, record_type TEXT NOT NULL, source_key TEXT NOT NULL,
        netsuite_id TEXT NOT NULL, external_id TEXT NOT NULL, created_at TEXT NOT NULL,
        PRIMARY KEY (ns, record_type, source_key)
      ) WITHOUT ROWID;
      CREATE TABLE errors (
        ns TEXT NOT NULL, id TEXT NOT NULL, flow_id TEXT NOT NULL, trace_key TEXT NOT NULL,
        status TEXT NOT NULL, input TEXT NOT NULL, sealed_pii TEXT, pii_dropped INTEGER NOT NULL,
        error TEXT NOT NULL, attempts INTEGER NOT NULL, run_id TEXT,
        created_at TEXT NOT NULL, updated_at TEXT NOT NULL, resolved_at TEXT, resolution TEXT,
        purge_at TEXT,
        PRIMARY KEY (ns, id)
      );
      CREATE UNIQUE INDEX errors_by_trace_key ON errors (ns, flow_id, trace_key);
      CREATE INDEX errors_by_created ON errors (ns, created_at);
      CREATE INDEX errors_by_purge ON errors (ns, purge_at) WHERE sealed_pii IS NOT NULL;
      CREATE TABLE runs (
        ns TEXT NOT NULL, id TEXT NOT NULL, flow_id TEXT NOT NULL, status TEXT NOT NULL,
        trigger TEXT NOT NULL, dry_run INTEGER NOT NULL, counts TEXT NOT NULL,
        started_at TEXT NOT NULL, finished_at TEXT, duration_ms INTEGER, error TEXT,
        PRIMARY KEY (ns, id)
      );
      CREATE INDEX runs_by_started ON runs (ns, flow_id, started_at);
      CREATE TABLE locks (
        ns TEXT NOT NULL, name TEXT NOT NULL, holder TEXT NOT NULL, expires_at_ms INTEGER NOT NULL,
        PRIMARY KEY (ns, name)
      ) WITHOUT ROWID;
    `,
  },
];

/** Thrown when the database is newer than this package. */
export class SchemaVersionError extends Error {
  constructor(found: number, supported: number) {
    super(
      `State database schema version ${found} is newer than this package supports (${supported}); upgrade @sellerbridge/store-sqlite`,
    );
    this.name = 'SchemaVersionError';
  }
}

/**
 * Applies the pending migrations; returns the resulting version.
 * @throws {SchemaVersionError} when the database is newer than `MIGRATIONS`.
 */
export function migrate(
  db: Database.Database,
  migrations: readonly Migration[] = MIGRATIONS,
): number {
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)',
  );
  const current =
    (db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null })
      .v ?? 0;
  const latest = migrations.at(-1)?.version ?? 0;
  if (current > latest) throw new SchemaVersionError(current, latest);

  const record = db.prepare(
    'INSERT INTO schema_migrations (version, description, applied_at) VALUES (?, ?, ?)',
  );
  for (const migration of migrations.filter((m) => m.version > current)) {
    db.transaction(() => {
      db.exec(migration.sql);
      record.run(migration.version, migration.description, new Date().toISOString());
    }).immediate();
  }

  return latest;
}
