/**
 * SQLite persistence of NetSuite records (better-sqlite3). One row per record with its JSON body;
 * inventory movements in their own table so on-hand is a sum that follows every write and delete.
 * SuiteQL views (suiteql/catalog.ts) are defined over these tables.
 */
import Database from 'better-sqlite3';

/** A record as stored. Sublists live in the body as `{ items: [...] }`. */
export interface StoredRecord {
  id: number;
  type: string;
  externalId: string | null;
  refName: string;
  createdFrom: number | null;
  created: string;
  modified: string;
  body: Record<string, unknown>;
}

/** One inventory movement caused by a record (record_id null = opening balance). */
export interface InventoryMove {
  itemId: number;
  locationId: number;
  quantity: number;
}

interface Row {
  id: number;
  type: string;
  external_id: string | null;
  ref_name: string;
  created_from: number | null;
  created: string;
  modified: string;
  body: string;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS ns_record (
  id INTEGER PRIMARY KEY,
  type TEXT NOT NULL,
  external_id TEXT,
  ref_name TEXT NOT NULL DEFAULT '',
  created_from INTEGER,
  created TEXT NOT NULL,
  modified TEXT NOT NULL,
  body TEXT NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS ns_record_eid ON ns_record(type, external_id)
  WHERE external_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS ns_record_type ON ns_record(type);
CREATE INDEX IF NOT EXISTS ns_record_from ON ns_record(created_from);
CREATE TABLE IF NOT EXISTS ns_inventory_move (
  record_id INTEGER,
  item_id INTEGER NOT NULL,
  location_id INTEGER NOT NULL,
  quantity REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS ns_move_item ON ns_inventory_move(item_id, location_id);
CREATE INDEX IF NOT EXISTS ns_move_record ON ns_inventory_move(record_id);
CREATE TABLE IF NOT EXISTS ns_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
`;

/** The record store of one emulator instance. */
export class NsStore {
  readonly db: Database.Database;

  constructor(file: string | undefined) {
    this.db = new Database(file ?? ':memory:');
    this.db.pragma('journal_mode = WAL');
    this.db.exec(SCHEMA);
  }

  /** Runs `fn` in one SQLite transaction (all or nothing). */
  atomic<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  /** Inserts a record and returns its new internal id. */
  insert(record: Omit<StoredRecord, 'id'> & { id?: number }): number {
    const result = this.db
      .prepare(
        `INSERT INTO ns_record (id, type, external_id, ref_name, created_from, created, modified, body)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        record.id === undefined || record.id === 0 ? null : record.id,
        record.type,
        record.externalId,
        record.refName,
        record.createdFrom,
        record.created,
        record.modified,
        JSON.stringify(record.body),
      );

    return Number(result.lastInsertRowid);
  }

  /** Replaces a record's mutable columns. */
  update(record: StoredRecord): void {
    this.db
      .prepare(
        `UPDATE ns_record SET external_id = ?, ref_name = ?, created_from = ?, modified = ?, body = ?
         WHERE id = ?`,
      )
      .run(
        record.externalId,
        record.refName,
        record.createdFrom,
        record.modified,
        JSON.stringify(record.body),
        record.id,
      );
  }

  /** A record by internal id, whatever its type. */
  get(id: number): StoredRecord | undefined {
    const row = this.db.prepare('SELECT * FROM ns_record WHERE id = ?').get(id) as Row | undefined;
    return row === undefined ? undefined : toRecord(row);
  }

  /** A record of one of `types` by external id. */
  byExternalId(types: string[], externalId: string): StoredRecord | undefined {
    const marks = types.map(() => '?').join(',');
    const row = this.db
      .prepare(`SELECT * FROM ns_record WHERE external_id = ? AND type IN (${marks}) LIMIT 1`)
      .get(externalId, ...types) as Row | undefined;

    return row === undefined ? undefined : toRecord(row);
  }

  /** Deletes a record and its inventory movements. */
  delete(id: number): void {
    this.db.prepare('DELETE FROM ns_inventory_move WHERE record_id = ?').run(id);
    this.db.prepare('DELETE FROM ns_record WHERE id = ?').run(id);
  }

  /** Ids of one type in id order, one page. */
  listIds(type: string, limit: number, offset: number): number[] {
    const rows = this.db
      .prepare('SELECT id FROM ns_record WHERE type = ? ORDER BY id LIMIT ? OFFSET ?')
      .all(type, limit, offset) as Array<{ id: number }>;

    return rows.map((row) => row.id);
  }

  /** Number of records of a type. */
  count(type: string): number {
    const row = this.db.prepare('SELECT COUNT(*) AS n FROM ns_record WHERE type = ?').get(type) as {
      n: number;
    };
    return row.n;
  }

  /** Records created from `id` (transforms), oldest first. */
  children(id: number): StoredRecord[] {
    const rows = this.db
      .prepare('SELECT * FROM ns_record WHERE created_from = ? ORDER BY id')
      .all(id) as Row[];

    return rows.map(toRecord);
  }

  /** Records of the given types, oldest first. */
  all(types: string[]): StoredRecord[] {
    const marks = types.map(() => '?').join(',');
    const rows = this.db
      .prepare(`SELECT * FROM ns_record WHERE type IN (${marks}) ORDER BY id`)
      .all(...types) as Row[];

    return rows.map(toRecord);
  }

  /** Replaces the inventory movements of a record. */
  setMoves(recordId: number | null, moves: InventoryMove[]): void {
    if (recordId !== null) {
      this.db.prepare('DELETE FROM ns_inventory_move WHERE record_id = ?').run(recordId);
    }

    const insert = this.db.prepare(
      'INSERT INTO ns_inventory_move (record_id, item_id, location_id, quantity) VALUES (?, ?, ?, ?)',
    );
    for (const move of moves) insert.run(recordId, move.itemId, move.locationId, move.quantity);
  }

  /** On-hand quantity of an item at a location. */
  onHand(itemId: number, locationId: number): number {
    const row = this.db
      .prepare(
        'SELECT COALESCE(SUM(quantity), 0) AS q FROM ns_inventory_move WHERE item_id = ? AND location_id = ?',
      )
      .get(itemId, locationId) as { q: number };

    return row.q;
  }

  /** A value of the meta table. */
  meta(key: string): string | undefined {
    const row = this.db.prepare('SELECT value FROM ns_meta WHERE key = ?').get(key) as
      { value: string } | undefined;
    return row?.value;
  }

  /** Sets a value of the meta table. */
  setMeta(key: string, value: string): void {
    this.db.prepare('INSERT OR REPLACE INTO ns_meta (key, value) VALUES (?, ?)').run(key, value);
  }

  /** Closes the database file. */
  close(): void {
    this.db.close();
  }
}

function toRecord(row: Row): StoredRecord {
  return {
    id: row.id,
    type: row.type,
    externalId: row.external_id,
    refName: row.ref_name,
    createdFrom: row.created_from,
    created: row.created,
    modified: row.modified,
    body: JSON.parse(row.body) as Record<string, unknown>,
  };
}

/** Records whose `apply` sublist has a line applying to `docId`, oldest first. */
export function applicationsTo(store: NsStore, docId: number): StoredRecord[] {
  const rows = store.db
    .prepare(
      `SELECT r.* FROM ns_record r WHERE EXISTS (
         SELECT 1 FROM json_each(r.body, '$.apply.items') j
         WHERE CAST(json_extract(j.value, '$.doc.id') AS INTEGER) = ?
       ) ORDER BY r.id`,
    )
    .all(docId) as Row[];

  return rows.map(toRecord);
}
