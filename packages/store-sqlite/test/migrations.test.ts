import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { MIGRATIONS, SchemaVersionError, createSqliteStore, migrate } from '../src/index';

const dir = mkdtempSync(join(tmpdir(), 'sellerbridge-sqlite-migrations-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe(migrate.name, () => {
  it('applies each migration once and records it, in WAL mode', async () => {
    const file = join(dir, 'nested', 'state.db');
    await createSqliteStore({ file }).close();
    await createSqliteStore({ file }).close();

    const db = new Database(file, { readonly: true });
    const applied = db.prepare('SELECT version FROM schema_migrations').all();
    const journal = db.pragma('journal_mode', { simple: true });
    db.close();

    expect(applied).toEqual(MIGRATIONS.map((m) => ({ version: m.version })));
    expect(journal).toBe('wal');
  });

  it('applies only pending migrations', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS);
    const next = {
      version: MIGRATIONS.length + 1,
      description: 'test',
      sql: 'CREATE TABLE extra (x INTEGER)',
    };

    expect(migrate(db, [...MIGRATIONS, next])).toBe(next.version);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'extra'").get()).toEqual({
      name: 'extra',
    });
    db.close();
  });

  it('refuses a database written by a newer version', () => {
    const file = join(dir, 'newer.db');
    const db = new Database(file);
    migrate(db);
    db.prepare(
      'INSERT INTO schema_migrations (version, description, applied_at) VALUES (99, ?, ?)',
    ).run('future', 'x');
    db.close();

    expect(() => createSqliteStore({ file })).toThrow(SchemaVersionError);
    expect(() => createSqliteStore({ file })).toThrow(/schema version 99 is newer/);
  });
});
