/**
 * The `sellerbridge` command: builds the commander program and runs it, turning any failure
 * into one line of cause and one of hint with a non-zero exit code.
 */
import { Command, CommanderError } from 'commander';
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
    .option('--env <name>', 'sandbox (default) or production')
    .option('--json', 'log JSON lines instead of readable lines')
    .option('--log-level <level>', 'debug, info, warn, error or silent')
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
    validateEnvironment(argv);
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;

    const failure = describeFailure(error);
    process.stderr.write(`error: ${failure.cause}\nhint: ${failure.hint}\n`);
    return failure.exitCode;
  }
}

function validateEnvironment(argv: string[]): void {
  const index = argv.indexOf('--env');
  const value = index >= 0 ? argv[index + 1] : undefined;
  if (value !== undefined && value !== 'sandbox' && value !== 'production') {
    throw new (class extends Error {})(`--env must be sandbox or production, not ${value}`);
  }
}
