/**
 * A demo folder's integration, shared by `sellerbridge demo` and the commands that operate on the
 * demo's state (`errors … --dir`, `status --dir`): the same integration id, SQLite store, Starter
 * settings and personal-data key, so their error records are the demo's own.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '@sellerbridge/http-core';
import { createIntegration, type Integration } from '@sellerbridge/flows-core';
import { starter } from '@sellerbridge/flows-starter';
import { createSqliteStore } from '@sellerbridge/store-sqlite';
import { startDemoEnvironment, type DemoEnvironment } from './environment';
import type { DemoState } from './state';

/** The integration id (state namespace) of every demo folder. */
export const DEMO_INTEGRATION_ID = 'demo';

/** The demo's SQLite store, inside its folder. */
export const DEMO_STORE_FILE = 'state.db';

const KEY_FILE = 'demo.key';

/** Options of {@link startDemoSession}. */
export interface DemoSessionOptions {
  dir: string;
  state: DemoState;
  timeScale: number;
  faultRate: number;
  logger: Logger;
}

/** The emulators, clients and integration of one demo folder. */
export interface DemoSession {
  env: DemoEnvironment;
  integration: Integration;
  close(): Promise<void>;
}

/**
 * Starts the emulators from the folder's saved world, advanced by its saved minutes (so the world
 * matches the emulator databases earlier runs left), and the demo integration over them.
 */
export async function startDemoSession(options: DemoSessionOptions): Promise<DemoSession> {
  const env = await startDemoEnvironment(options);

  try {
    const integration = createDemoIntegration(env, options.dir, options.logger);
    advanceWorld(env, options.state.advanceMinutes ?? 0, options.logger);

    return {
      env,
      integration,
      close: async () => {
        await integration.close();
        await env.close();
      },
    };
  } catch (error) {
    await env.close();
    throw error;
  }
}

function createDemoIntegration(env: DemoEnvironment, dir: string, logger: Logger): Integration {
  return createIntegration({
    id: DEMO_INTEGRATION_ID,
    amazon: env.amazon,
    netsuite: env.netsuite,
    store: createSqliteStore({ file: join(dir, DEMO_STORE_FILE) }),
    plugins: [
      starter({
        ...env.starterOptions,
        pricing: { priceLevelId: String(env.emulators.netsuite.inspect.seeded.priceLevels.amazon) },
      }),
    ],
    encryptionKey: ensureDemoKey(dir),
    logger,
  });
}

/**
 * Error records keep the failed input (buyer data included) encrypted; the demo keeps its own
 * random key beside its state. Real runs take the key from SELLERBRIDGE_ENCRYPTION_KEY.
 */
function ensureDemoKey(dir: string): string {
  const file = join(dir, KEY_FILE);
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });

  return readDemoKey(dir);
}

/**
 * The folder's key, or '' when it has none: an empty key means "no key" to the engine, which
 * then does not fall back to SELLERBRIDGE_ENCRYPTION_KEY (a real account's key).
 */
export function readDemoKey(dir: string): string {
  const file = join(dir, KEY_FILE);

  return existsSync(file) ? readFileSync(file, 'utf8').trim() : '';
}

/**
 * Moves the world's clock forward from its start (new orders, status changes). The world is
 * rebuilt from its seed on every run and advanced by the same minutes, so it matches the
 * emulator databases the earlier runs left.
 */
function advanceWorld(env: DemoEnvironment, minutes: number, logger: Logger): void {
  if (minutes <= 0) return;

  const changes = env.emulators.amazon.inspect.advanceWorld(minutes * 60_000);
  logger.info({ changes: changes.length, minutes }, 'world advanced');
}
