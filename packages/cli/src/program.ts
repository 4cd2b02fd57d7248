/**
 * The `sellerbridge` command: builds the commander program and runs it, turning any failure
 * into one line of cause and one of hint with a non-zero exit code.
 */
import { createRequire } from 'node:module';
import { Command, CommanderError, Option } from 'commander';
import { registerDemo } from './commands/demo';
import { registerEmulate } from './commands/emulate';
import { registerErrors } from './commands/errors';
import { registerInit } from './commands/init';
import { registerRun } from './commands/run';
import { registerSchedule } from './commands/schedule';
import { registerStatus } from './commands/status';
import { describeFailure } from './output/failure';

/** Builds the program (exported for tests). */
export function createProgram(): Command {
  const program = new Command('sellerbridge')
    .description('Keep Amazon Seller Central and NetSuite in sync')
    .option('--config <file>', 'configuration file (default: ./sellerbridge.config.ts or .json)')
    .option('--secrets <file>', 'JSON secrets file (default: $SELLERBRIDGE_SECRETS_FILE)')
    .addOption(new Option('--env <name>', 'environment').choices(['sandbox', 'production']))
    .option('--json', 'log JSON lines instead of readable lines')
    .addOption(
      new Option('--log-level <level>', 'lowest level logged').choices([
        'debug',
        'info',
        'warn',
        'error',
        'silent',
      ]),
    )
    .version(packageVersion(), '-v, --version')
    .exitOverride()
    .showHelpAfterError();

  for (const register of [
    registerDemo,
    registerRun,
    registerSchedule,
    registerErrors,
    registerStatus,
    registerEmulate,
    registerInit,
  ]) {
    register(program);
  }
  return program;
}

/** Runs the CLI with the given argv; resolves to the exit code. */
export async function runCli(argv: string[]): Promise<number> {
  const program = createProgram();

  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;

    const failure = describeFailure(error);
    process.stderr.write(`error: ${failure.cause}\nhint: ${failure.hint}\n`);
    return failure.exitCode;
  }
}

function packageVersion(): string {
  const require = createRequire(import.meta.url);

  return (require('../package.json') as { version: string }).version;
}
