/**
 * `startEmulators`: the Amazon and NetSuite emulators on one shared world, as the demo and the
 * end-to-end tests run them. State files go to `dir` when given (a second run sees the first
 * run's records), else both stores live in memory.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FaultOptions } from './amazon/server/faults';
import {
  type AmazonEmulatorOptions,
  type RunningAmazonEmulator,
  startAmazonEmulator,
} from './amazon/server/emulator';
import {
  startNetSuiteEmulator,
  type NetSuiteEmulatorOptions,
  type RunningNetSuiteEmulator,
} from './netsuite/start';
import type { NetSuiteFaultOptions } from './netsuite/server/faults';
import { createWorld } from './world';
import type { World, WorldOptions } from './world/types';

/** Options of {@link startEmulators}. */
export interface StartEmulatorsOptions {
  worldOptions?: WorldOptions;
  /** Applies to both sides (usage-plan rates, latencies, processing durations). @default 1 */
  timeScale?: number;
  /** Folder for the SQLite state files (`amazon.sqlite`, `netsuite.sqlite`); in memory when absent. */
  dir?: string;
  faults?: { amazon?: FaultOptions; netsuite?: NetSuiteFaultOptions };
  /** Shared clock of both servers. @default real time */
  clock?: () => Date;
  /** Amazon-only options. */
  amazon?: Omit<
    AmazonEmulatorOptions,
    'world' | 'worldOptions' | 'dbFile' | 'timeScale' | 'faults'
  >;
  /** NetSuite-only options. */
  netsuite?: Omit<
    NetSuiteEmulatorOptions,
    'world' | 'worldOptions' | 'dbFile' | 'timeScale' | 'faults'
  >;
}

/** Both running emulators and their shared world. */
export interface RunningEmulators {
  amazon: RunningAmazonEmulator;
  netsuite: RunningNetSuiteEmulator;
  world: World;
  close(): Promise<void>;
}

/**
 * Starts both emulators on loopback over one world.
 *
 * @example
 * const { amazon, netsuite, close } = await startEmulators({ worldOptions: { orders: 500 }, timeScale: 60 });
 * // configure the SP-API client with amazon.url/lwaUrl/credentials and the NetSuite client with netsuite.url/credentials
 * await close();
 */
export async function startEmulators(
  options: StartEmulatorsOptions = {},
): Promise<RunningEmulators> {
  const world = createWorld(options.worldOptions);
  if (options.dir) mkdirSync(options.dir, { recursive: true });
  const file = (name: string) => (options.dir ? join(options.dir, name) : undefined);
  const clock = options.clock ?? options.amazon?.clock;

  const amazon = await startAmazonEmulator({
    ...options.amazon,
    world,
    timeScale: options.timeScale,
    dbFile: file('amazon.sqlite'),
    faults: options.faults?.amazon,
    clock,
  });
  try {
    const netsuite = await startNetSuiteEmulator({
      ...options.netsuite,
      world,
      timeScale: options.timeScale,
      dbFile: file('netsuite.sqlite'),
      faults: options.faults?.netsuite,
      clock: clock ?? options.netsuite?.clock,
    });
    return {
      amazon,
      netsuite,
      world,
      async close() {
        await Promise.all([amazon.close(), netsuite.close()]);
      },
    };
  } catch (error) {
    await amazon.close();
    throw error;
  }
}
