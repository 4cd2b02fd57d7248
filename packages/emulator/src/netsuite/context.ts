/**
 * What the record service, transactions and SuiteQL share inside one emulator instance.
 */
import type { InventoryMove, NsStore, StoredRecord } from './records/store';

/** Behaviour switches of the emulated account. */
export interface AccountFeatures {
  /** Advanced Shipping on: sales orders bill only what was fulfilled. @default true */
  advancedShipping: boolean;
  /** Allow on-hand to go below zero on fulfilments and adjustments. @default false */
  allowNegativeInventory: boolean;
  /** Max lines of one inventoryAdjustment. @default 1000 */
  adjustmentLineLimit: number;
}

/** A record about to be saved (no id yet on create). */
export interface Draft {
  id: number | undefined;
  type: string;
  externalId: string | null;
  createdFrom: number | null;
  body: Record<string, unknown>;
}

/** Type-specific behaviour hooked into the record service. */
export interface Behaviour {
  /** Fills derived fields and validates; runs before every create and update. */
  prepare?(draft: Draft, ctx: NsContext): void;
  /** Inventory movements the saved record causes. */
  moves?(record: StoredRecord, ctx: NsContext): InventoryMove[];
  /** Ids of records whose derived state depends on this record. */
  dependsOn?(record: StoredRecord): number[];
  /** Recomputes this record's derived state from the records that depend on it. */
  refresh?(record: StoredRecord, ctx: NsContext): void;
  /** Refuses a delete (e.g. an order with fulfilments). */
  beforeDelete?(record: StoredRecord, ctx: NsContext): void;
}

/** Shared state of one emulator. */
export interface NsContext {
  store: NsStore;
  clock: () => Date;
  features: AccountFeatures;
  /** The user's date format (SuiteQL output, `q` date values). */
  dateFormat: string;
  behaviours: Record<string, Behaviour>;
}
