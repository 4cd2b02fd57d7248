/** The prepared statements of the store, compiled once per connection. */
import type Database from 'better-sqlite3';

const ERROR_COLUMNS =
  'ns, id, flow_id, trace_key, status, input, sealed_pii, pii_dropped, error, attempts, run_id, created_at, updated_at, resolved_at, resolution, purge_at';
const RUN_COLUMNS =
  'ns, id, flow_id, status, trigger, dry_run, counts, started_at, finished_at, duration_ms, error';
const params = (columns: string): string =>
  columns
    .split(', ')
    .map((c) => `@${c}`)
    .join(', ');

/** Compiles every statement. */
export function prepareStatements(db: Database.Database): Statements {
  return {
    getCheckpoint: db.prepare('SELECT value FROM checkpoints WHERE ns = ? AND flow_id = ?'),
    saveCheckpoint: db.prepare(
      'INSERT INTO checkpoints (ns, flow_id, value, updated_at) VALUES (?, ?, ?, ?) ' +
        'ON CONFLICT (ns, flow_id) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
    ),

    getLink: db.prepare('SELECT * FROM links WHERE ns = ? AND record_type = ? AND source_key = ?'),
    putLink: db.prepare(
      'INSERT OR REPLACE INTO links (ns, record_type, source_key, netsuite_id, external_id, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    listLinks: db.prepare(
      'SELECT * FROM links WHERE ns = @ns AND (@record_type IS NULL OR record_type = @record_type) ' +
        'ORDER BY record_type, source_key LIMIT @limit',
    ),

    getErrorByTrace: db.prepare(
      'SELECT * FROM errors WHERE ns = ? AND flow_id = ? AND trace_key = ?',
    ),
    getError: db.prepare('SELECT * FROM errors WHERE ns = ? AND id = ?'),
    putError: db.prepare(
      `INSERT OR REPLACE INTO errors (${ERROR_COLUMNS}) VALUES (${params(ERROR_COLUMNS)})`,
    ),
    listErrors: db.prepare(
      'SELECT * FROM errors WHERE ns = @ns AND (@flow_id IS NULL OR flow_id = @flow_id) ' +
        'AND (@status IS NULL OR status = @status) ORDER BY created_at DESC, id DESC LIMIT @limit',
    ),
    resolveError: db.prepare(
      "UPDATE errors SET status = 'resolved', resolution = ?, resolved_at = ?, updated_at = ? " +
        "WHERE ns = ? AND flow_id = ? AND trace_key = ? AND status = 'open'",
    ),
    purgePii: db.prepare(
      'UPDATE errors SET sealed_pii = NULL, updated_at = @now WHERE ns = @ns AND sealed_pii IS NOT NULL AND purge_at <= @now',
    ),

    saveRun: db.prepare(
      `INSERT OR REPLACE INTO runs (${RUN_COLUMNS}) VALUES (${params(RUN_COLUMNS)})`,
    ),
    getRun: db.prepare('SELECT * FROM runs WHERE ns = ? AND id = ?'),
    listRuns: db.prepare(
      'SELECT * FROM runs WHERE ns = @ns AND (@flow_id IS NULL OR flow_id = @flow_id) ' +
        'ORDER BY started_at DESC, id DESC LIMIT @limit',
    ),

    // One statement each, so taking a lock is atomic across processes sharing the file.
    acquireLock: db.prepare(
      'INSERT INTO locks (ns, name, holder, expires_at_ms) VALUES (@ns, @name, @holder, @expires) ' +
        'ON CONFLICT (ns, name) DO UPDATE SET holder = excluded.holder, expires_at_ms = excluded.expires_at_ms ' +
        'WHERE locks.holder = excluded.holder OR locks.expires_at_ms <= @now',
    ),
    renewLock: db.prepare(
      'INSERT INTO locks (ns, name, holder, expires_at_ms) VALUES (@ns, @name, @holder, @expires) ' +
        'ON CONFLICT (ns, name) DO UPDATE SET expires_at_ms = excluded.expires_at_ms WHERE locks.holder = excluded.holder',
    ),
    releaseLock: db.prepare('DELETE FROM locks WHERE ns = ? AND name = ? AND holder = ?'),
    getLock: db.prepare('SELECT holder, expires_at_ms FROM locks WHERE ns = ? AND name = ?'),
  };
}

/** The names of the statements. */
export type StatementName =
  | 'getCheckpoint'
  | 'saveCheckpoint'
  | 'getLink'
  | 'putLink'
  | 'listLinks'
  | 'getErrorByTrace'
  | 'getError'
  | 'putError'
  | 'listErrors'
  | 'resolveError'
  | 'purgePii'
  | 'saveRun'
  | 'getRun'
  | 'listRuns'
  | 'acquireLock'
  | 'renewLock'
  | 'releaseLock'
  | 'getLock';

/** The compiled statements. */
export type Statements = Record<StatementName, Database.Statement>;
