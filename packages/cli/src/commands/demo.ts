/** `sellerbridge demo` — the main job on the embedded default. */
import type { Command } from 'commander';
import { renderDemoReport } from '../demo/report';
import { runDemo } from '../demo/run-demo';
import { EXIT } from '../output/failure';
import { SIGNAL_EXIT } from '../runtime/shutdown';
import {
  parseIntBetween,
  parseNumberBetween,
  parsePositiveInt,
  type GlobalOptions,
  loggerFor,
} from './common';

/** Registers the demo command. */
export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description(
      'Run every Starter flow against the embedded Amazon and NetSuite emulators, then reconcile',
    )
    .option('--dir <folder>', 'state folder (emulator databases, SQLite store)', '.sellerbridge')
    .option(
      '--orders <count>',
      'orders in the world (50..100000; first run only)',
      parseIntBetween(50, 100_000),
    )
    .option('--seed <number>', 'seed of the world (first run only)', parsePositiveInt)
    .option('--reset', 'delete the demo state first and start a new world')
    .option(
      '--time-scale <k>',
      'emulator speed: usage-plan rates × k, latencies ÷ k',
      parseNumberBetween(0, 100_000, true),
      200,
    )
    .option(
      '--faults <share>',
      'share of requests failing with 429 / 5xx / resets (0..0.5)',
      parseNumberBetween(0, 0.5),
      0,
    )
    .option(
      '--advance <minutes>',
      'minutes of world time past its start (new orders, status changes; first run only)',
      parseIntBetween(0, 7 * 24 * 60),
      0,
    )
    .action(async (options: DemoCommandOptions, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const result = await runDemo({
        dir: options.dir,
        seed: options.seed,
        orders: options.orders,
        reset: options.reset,
        timeScale: options.timeScale,
        faultRate: options.faults,
        advanceMinutes: options.advance,
        logger: loggerFor(globals, 'warn'),
        output: process.stdout,
        stopOnSignals: true,
      });

      process.stdout.write(`${renderDemoReport(result)}\n`);
      if (result.stoppedBy) process.exitCode = SIGNAL_EXIT[result.stoppedBy];
      else if (!result.passed) process.exitCode = EXIT.failed;
    });
}

interface DemoCommandOptions {
  dir: string;
  orders?: number;
  seed?: number;
  reset?: boolean;
  timeScale: number;
  faults: number;
  advance: number;
}
