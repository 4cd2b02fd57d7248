/**
 * @sellerbridge/store-sqlite — the embedded default SellerBridge state store: one SQLite file,
 * WAL, versioned migrations; passes the flows-core state store contract.
 */
export type { SqliteStoreOptions } from './store';
export { createSqliteStore } from './store';
export type { Migration } from './migrations';
export { MIGRATIONS, SchemaVersionError, migrate } from './migrations';
