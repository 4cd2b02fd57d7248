/**
 * The state store contract suite (DESIGN §4): what every store must do, asserted the same way
 * for all of them, including namespace isolation and persistence across reopen.
 */
import { afterEach, beforeEach, describe } from 'vitest';
import type { StateStore } from '../store/types';
import { describeCheckpointAndLinkContract } from './contract-state';
import { describeErrorContract } from './contract-errors';
import { describeRunAndLockContract } from './contract-runs';

/** How the suite gets stores. */
export interface StoreContractOptions {
  /** Shown in the describe block. */
  name: string;
  /** A fresh, empty store. */
  create: () => StateStore | Promise<StateStore>;
  /** The same data opened again (after `close`), for stores that persist; omit for memory. */
  reopen?: (closed: StateStore) => StateStore | Promise<StateStore>;
}

/** Accessors the contract parts share. */
export interface ContractHarness {
  store: () => StateStore;
  reopen: (() => Promise<StateStore>) | undefined;
}

/** Registers the contract suite for a store. */
export function describeStateStoreContract(options: StoreContractOptions): void {
  describe(`StateStore contract: ${options.name}`, () => {
    let store: StateStore;
    let closed = false;

    beforeEach(async () => {
      store = await options.create();
      closed = false;
    });

    afterEach(async () => {
      if (!closed) await store.close();
    });

    const harness: ContractHarness = {
      store: () => store,
      reopen: options.reopen
        ? async () => {
            await store.close();
            store = await options.reopen!(store);

            return store;
          }
        : undefined,
    };

    describeCheckpointAndLinkContract(harness);
    describeErrorContract(harness);
    describeRunAndLockContract(harness);
  });
}
