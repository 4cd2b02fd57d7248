/**
 * Where `errors` and `status` find their state: a config's environment (the default), or the
 * folder of `sellerbridge demo` with `--dir <folder>`.
 */
import type { Command } from 'commander';
import type { Integration } from '@sellerbridge/flows-core';
import { ConfigError } from '../config/errors';
import { openDemoFolder, openDemoStore } from '../demo/folder';
import { startDemoSession } from '../demo/session';
import { loggerFor, withRuntime, type GlobalOptions } from './common';

/** Global options plus the `--dir` of the operating commands. */
export interface StateOptions extends GlobalOptions {
  dir?: string;
}

/** What a command needs: the store alone, or the vendors too (a retry calls them). */
export type StateNeed = 'store' | 'vendors';

// The demo's emulator speed; a retry runs few records, so it is not an option of its own.
const DEMO_TIME_SCALE = 200;

/** Adds `--dir` to an operating command. */
export function addDirOption(command: Command): Command {
  return command.option(
    '--dir <folder>',
    "the state folder of `sellerbridge demo` (e.g. .sellerbridge) instead of a config's state",
  );
}

/**
 * Runs a command body with the integration of the demo folder (`--dir`) or of the config, and
 * closes it afterwards.
 * @throws ConfigError for `--dir` with a config option, or a folder without demo state
 */
export async function withIntegration<T>(
  options: StateOptions,
  need: StateNeed,
  body: (integration: Integration) => Promise<T>,
): Promise<T> {
  if (options.dir === undefined)
    return withRuntime(options, ({ integration }) => body(integration));

  rejectConfigOptions(options);
  const folder = openDemoFolder(options.dir);
  const logger = loggerFor(options, 'warn');

  if (need === 'store') {
    const integration = openDemoStore(folder, logger);
    try {
      return await body(integration);
    } finally {
      await integration.close();
    }
  }

  const session = await startDemoSession({
    dir: folder.dir,
    state: folder.state,
    timeScale: DEMO_TIME_SCALE,
    faultRate: 0,
    logger,
  });
  try {
    return await body(session.integration);
  } finally {
    await session.close();
  }
}

// The demo folder has one integration with its own settings and key; a config would say another.
function rejectConfigOptions(options: StateOptions): void {
  const given = (['config', 'env', 'secrets'] as const).filter(
    (name) => options[name] !== undefined,
  );
  if (given.length === 0) return;

  throw new ConfigError(
    `--dir cannot be combined with ${given.map((name) => `--${name}`).join(', ')}`,
    "Use --dir <folder> for the demo's state, or --config/--env/--secrets for a configured account, not both.",
  );
}
