/**
 * Opening an existing demo folder for the operating commands (`errors … --dir`, `status --dir`):
 * a folder without the demo's state is an error naming it, and nothing is created in it.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Logger } from '@sellerbridge/http-core';
import { createIntegration, type Integration } from '@sellerbridge/flows-core';
import { starter } from '@sellerbridge/flows-starter';
import type { NetSuiteClient } from '@sellerbridge/netsuite-client';
import type { SpApiClient } from '@sellerbridge/sp-api-client';
import { createSqliteStore } from '@sellerbridge/store-sqlite';
import { ConfigError } from '../config/errors';
import { DEMO_INTEGRATION_ID, DEMO_STORE_FILE, readDemoKey } from './session';
import { readDemoState, STATE_FILE, type DemoState } from './state';

/** An existing demo folder and the world it was created with. */
export interface DemoFolder {
  /** Absolute path of the folder. */
  dir: string;
  state: DemoState;
}

/** Checks that `dir` holds a demo's state. @throws ConfigError naming the folder */
export function openDemoFolder(dir: string): DemoFolder {
  const absolute = resolve(dir);
  const missing = [STATE_FILE, DEMO_STORE_FILE].filter((name) => !existsSync(join(absolute, name)));
  if (missing.length > 0) {
    throw new ConfigError(
      `No demo state in ${absolute} (${missing.join(' and ')} missing)`,
      `Run \`sellerbridge demo --dir ${dir}\` first, or pass the folder the demo used (default .sellerbridge).`,
    );
  }

  return { dir: absolute, state: readState(absolute) };
}

function readState(dir: string): DemoState {
  try {
    return readDemoState(dir)!;
  } catch (error) {
    throw new ConfigError(
      `The demo state ${join(dir, STATE_FILE)} cannot be read: ${(error as Error).message}`,
      'Start a new demo world with `sellerbridge demo --reset --dir <folder>` (this deletes the demo state).',
    );
  }
}

/**
 * The demo's integration over its store alone, for commands that only read or mark records:
 * no emulator is started, and the vendor clients refuse any use. Starter settings are the
 * defaults — only the flow ids matter without the vendors.
 */
export function openDemoStore(folder: DemoFolder, logger: Logger): Integration {
  return createIntegration({
    id: DEMO_INTEGRATION_ID,
    amazon: offlineClient<SpApiClient>('Amazon'),
    netsuite: offlineClient<NetSuiteClient>('NetSuite'),
    store: createSqliteStore({ file: join(folder.dir, DEMO_STORE_FILE) }),
    plugins: [starter()],
    encryptionKey: readDemoKey(folder.dir),
    logger,
  });
}

/** A stand-in client whose every use is an error (a bug in the caller, not a user mistake). */
function offlineClient<T extends object>(vendor: string): T {
  return new Proxy({} as T, {
    get(_target, property) {
      // Promise resolution and inspection probe `then` and symbols; they must not throw.
      if (typeof property === 'symbol' || property === 'then') return undefined;

      throw new Error(`The ${vendor} emulator is not started for this command`);
    },
  });
}
