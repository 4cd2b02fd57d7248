/** `sellerbridge schedule` — runs every flow on its own interval until SIGTERM / Ctrl-C. */
import type { Command } from 'commander';
import { loggerFor, openRuntime, type GlobalOptions } from './common';

/** Registers the schedule command. */
export function registerSchedule(program: Command): void {
  program
    .command('schedule')
    .description(
      'Run every scheduled flow on its interval until stopped (SIGTERM finishes the record in hand)',
    )
    .action(async (_options: unknown, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const runtime = await openRuntime(globals);

      // On SIGTERM/SIGINT the engine finishes the record in hand, saves, releases its locks,
      // then re-raises the signal so the process exits as it normally would.
      runtime.integration.installSignalHandlers();
      runtime.integration.schedule();
      loggerFor(globals).info(
        { integration: runtime.integration.id, flows: runtime.integration.flows.length },
        'scheduler started',
      );
    });
}
