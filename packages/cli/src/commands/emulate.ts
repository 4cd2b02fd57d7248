/** `sellerbridge emulate` — both emulators as a standalone server on loopback. */
import type { Command } from 'commander';
import { startEmulators } from '@sellerbridge/emulator';
import { seededStarterOptions } from '../demo/seeded-settings';
import { parseNonNegative, parsePositiveInt } from './common';

/** Registers the emulate command. */
export function registerEmulate(program: Command): void {
  program
    .command('emulate')
    .description(
      'Start the Amazon and NetSuite emulators on loopback and print their URLs and test credentials',
    )
    .option('--orders <count>', 'orders in the world', parsePositiveInt, 200)
    .option('--seed <number>', 'seed of the world', parsePositiveInt, 1)
    .option('--time-scale <k>', 'usage-plan rates × k, latencies ÷ k', parseNonNegative, 1)
    .option('--dir <folder>', 'keep emulator state in this folder (in memory otherwise)')
    .action(async (options: { orders: number; seed: number; timeScale: number; dir?: string }) => {
      const emulators = await startEmulators({
        worldOptions: { orders: options.orders, seed: options.seed },
        timeScale: options.timeScale,
        ...(options.dir ? { dir: options.dir } : {}),
      });

      // These are the emulators' own throw-away test credentials, printed on purpose.
      process.stdout.write(
        `${JSON.stringify(
          {
            amazon: {
              url: emulators.amazon.url,
              lwaUrl: emulators.amazon.lwaUrl,
              sqsUrl: emulators.amazon.sqsUrl,
              credentials: emulators.amazon.credentials,
            },
            netsuite: {
              url: emulators.netsuite.url,
              accountId: emulators.netsuite.accountId,
              credentials: emulators.netsuite.credentials,
            },
            // The seeded NetSuite ids as a config's `starter` section (see the README).
            starter: seededStarterOptions(emulators.netsuite.inspect.seeded),
          },
          null,
          2,
        )}\nEmulators running; press Ctrl-C to stop.\n`,
      );

      const stop = (): void => void emulators.close().then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
