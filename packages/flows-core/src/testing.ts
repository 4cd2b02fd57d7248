/**
 * Test helpers for store authors: `describeStateStoreContract` is the one contract suite every
 * state store passes (memory, SQLite, Postgres). Import from `@sellerbridge/flows-core/testing`
 * inside a vitest test file.
 */
export type { StoreContractOptions } from './testing/contract';
export { describeStateStoreContract } from './testing/contract';
export { errorUpsert, runRecord } from './testing/fixtures';
