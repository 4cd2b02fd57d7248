/** `sellerbridge run [flow…]` — runs flows once against the configured accounts. */
import type { Command } from 'commander';
import type { RunSummary, WriteIntent } from '@sellerbridge/flows-core';
import { requestOrderImport, type OnDemandRequest } from '@sellerbridge/flows-starter';
import { renderSummariesWithFailures } from '../demo/report';
import { ConfigError } from '../config/errors';
import { EXIT, describeStoredFailure } from '../output/failure';
import { parseInstant, withRuntime, type GlobalOptions } from './common';
import type { Runtime } from '../runtime/integration';
import { SIGNAL_EXIT, describeStop, watchShutdown, type ShutdownWatch } from '../runtime/shutdown';

/** Registers the run command. */
export function registerRun(program: Command): void {
  program
    .command('run')
    .description('Run flows once (all scheduled flows when none is named)')
    .argument('[flows...]', 'flow ids, e.g. mfn-orders inventory')
    .option('--dry-run', 'show what would be written, write nothing')
    .option('--order <ids...>', 'import these Amazon MFN order ids now')
    .option(
      '--from <instant>',
      'replay orders last updated from this instant (ISO-8601)',
      parseInstant,
    )
    .option(
      '--to <instant>',
      'end of the replayed range (ISO-8601; at least two minutes ago)',
      parseInstant,
    )
    .action(async (flows: string[], options: RunCommandOptions, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      // Usage errors first: exit 2 before any config, state or vendor is touched.
      const onDemand = onDemandRequestOf(options);

      await withRuntime(globals, async (runtime) => {
        const shutdown = watchShutdown(runtime.integration);
        try {
          const summaries = onDemand
            ? await runOnDemand(runtime, onDemand, shutdown)
            : await runFlows(runtime, flows, Boolean(options.dryRun), shutdown);
          printSummaries(summaries, runtime, Boolean(options.dryRun));
          process.exitCode = exitCodeOfRuns(summaries);

          if (shutdown.signal) {
            process.stdout.write(`\n${describeStop(shutdown.signal)}\n`);
            process.exitCode = SIGNAL_EXIT[shutdown.signal];
          }
        } finally {
          shutdown.dispose();
        }
      });
    });
}

interface RunCommandOptions {
  dryRun?: boolean;
  order?: string[];
  from?: string;
  to?: string;
}

/** The on-demand import asked for with --order or --from/--to, if any. @throws ConfigError */
function onDemandRequestOf(options: RunCommandOptions): OnDemandRequest | undefined {
  if (!options.order && !options.from && !options.to) return undefined;

  if (options.dryRun)
    throw new ConfigError(
      '--dry-run cannot be combined with --order/--from/--to',
      'Run the on-demand import without --dry-run, or dry-run the mfn-orders flow.',
    );

  return options.order ? { orderIds: options.order } : rangeOf(options);
}

async function runOnDemand(
  runtime: Runtime,
  request: OnDemandRequest,
  shutdown: ShutdownWatch,
): Promise<RunSummary[]> {
  const summary = await shutdown.runUnlessStopped(
    async () => (await requestOrderImport(runtime.integration, request)) as RunSummary,
  );

  return summary ? [summary] : [];
}

async function runFlows(
  runtime: Runtime,
  flows: string[],
  dryRun: boolean,
  shutdown: ShutdownWatch,
): Promise<RunSummary[]> {
  const { integration } = runtime;
  const ids =
    flows.length > 0
      ? flows
      : integration.flows.filter((flow) => flow.schedule !== 'manual').map((flow) => flow.id);
  const summaries: RunSummary[] = [];
  for (const flowId of ids) {
    const summary = await shutdown.runUnlessStopped(() => integration.run(flowId, { dryRun }));
    if (!summary) break;
    summaries.push(summary);
  }

  return summaries;
}

/**
 * Prints why a run stopped (one line of cause, one of hint) and picks the exit code: 1 when a
 * run did not complete or a record failed (also for `errors retry`).
 */
export function exitCodeOfRuns(summaries: RunSummary[]): number {
  let exitCode = 0;

  for (const summary of summaries) {
    if (summary.error) {
      const failure = describeStoredFailure(summary.flowId, summary.error);
      process.stderr.write(`error: ${failure.cause}\nhint: ${failure.hint}\n`);
      exitCode = Math.max(exitCode, failure.exitCode);
    } else if (summary.status !== 'completed' || summary.failed > 0) {
      exitCode = Math.max(exitCode, EXIT.failed);
    }
  }
  return exitCode;
}

function rangeOf(options: RunCommandOptions): { from: string; to: string } {
  if (!options.from || !options.to)
    throw new ConfigError(
      '--from and --to go together',
      'Give both ends of the range, e.g. --from 2026-11-01 --to 2026-11-02.',
    );

  if (Date.parse(options.from) >= Date.parse(options.to))
    throw new ConfigError(
      `--from ${options.from} is not before --to ${options.to}`,
      'Give the earlier instant with --from and the later one with --to.',
    );

  return { from: options.from, to: options.to };
}

function printSummaries(summaries: RunSummary[], runtime: Runtime, dryRun: boolean): void {
  process.stdout.write(`${renderSummariesWithFailures(summaries)}\n`);

  const recorded = summaries.flatMap((summary) => summary.writes);
  if (recorded.length === 0) return;

  const why = dryRun
    ? 'dry run: nothing was written'
    : `${runtime.environment}: Amazon writes are recorded, not sent (set amazon.sendWrites to send them)`;
  process.stdout.write(`\nWrites not sent (${why}):\n${recorded.map(describeWrite).join('\n')}\n`);
}

function describeWrite(write: WriteIntent): string {
  const key = write.externalId ? ` ${write.externalId}` : '';

  return `  ${write.target} ${write.action} ${write.recordType}${key}${write.summary ? ` — ${write.summary}` : ''}`;
}
