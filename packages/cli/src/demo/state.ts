/**
 * What the demo keeps between runs under its state folder: the world's seed, size and frozen
 * start time, so a second run rebuilds the same world over the same emulator databases and is
 * incremental.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../config/errors';

/** The world a demo folder was created with. */
export interface DemoState {
  seed: number;
  orders: number;
  worldStart: string;
  /** Minutes the world's clock is advanced past its start on every run (new orders, status changes). */
  advanceMinutes?: number;
}

/** The file holding a demo folder's {@link DemoState}. */
export const STATE_FILE = 'demo.json';

/** Reads the saved world of a demo folder, or creates it from the options. */
export function openDemoState(
  dir: string,
  requested: { seed?: number; orders?: number; reset?: boolean; advanceMinutes?: number },
): DemoState & { fresh: boolean } {
  if (requested.reset) rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });

  const file = join(dir, STATE_FILE);
  if (existsSync(file)) return { ...reuse(file, requested), fresh: false };

  const advanceMinutes = requested.advanceMinutes ?? 0;
  const state: DemoState = {
    seed: requested.seed ?? 1,
    orders: requested.orders ?? 200,
    // The world is frozen so that, once advanced, its clock stands ten minutes before the first
    // run: every order lies in the past of the real clock (Amazon's two-minute rule) and the
    // world is the same on every later run.
    worldStart: new Date(Date.now() - (10 + advanceMinutes) * 60_000)
      .toISOString()
      .replace(/\.\d{3}Z$/, 'Z'),
    advanceMinutes,
  };
  writeFileSync(file, `${JSON.stringify(state, null, 2)}\n`);
  return { ...state, fresh: true };
}

/** The saved world of an existing demo folder, or undefined when the folder holds none. */
export function readDemoState(dir: string): DemoState | undefined {
  const file = join(dir, STATE_FILE);
  if (!existsSync(file)) return undefined;

  return JSON.parse(readFileSync(file, 'utf8')) as DemoState;
}

function reuse(
  file: string,
  requested: { seed?: number; orders?: number; advanceMinutes?: number },
): DemoState {
  const saved = JSON.parse(readFileSync(file, 'utf8')) as DemoState;
  const changed =
    (requested.seed !== undefined && requested.seed !== saved.seed) ||
    (requested.orders !== undefined && requested.orders !== saved.orders) ||
    (requested.advanceMinutes !== undefined &&
      requested.advanceMinutes !== 0 &&
      requested.advanceMinutes !== (saved.advanceMinutes ?? 0));

  if (changed) {
    throw new ConfigError(
      `The demo state in ${file} was created with seed ${saved.seed}, ${saved.orders} orders and ${saved.advanceMinutes ?? 0} minutes of world time`,
      'Add --reset to start a new world with other options (this deletes the demo state).',
    );
  }
  return saved;
}
