/** `sellerbridge errors list|show|retry|resolve` — the error records of failed records. */
import type { Command } from 'commander';
import type { ErrorRecord, Integration } from '@sellerbridge/flows-core';
import { ConfigError } from '../config/errors';
import { renderSummariesWithFailures } from '../demo/report';
import { renderTable } from '../output/table';
import { exitCodeOfRuns } from './run';
import { addDirOption, withIntegration, type StateOptions } from './state-source';

/** Registers the errors command group. */
export function registerErrors(program: Command): void {
  const errors = program
    .command('errors')
    .description('List, show, retry and resolve error records');

  addDirOption(errors.command('list').description('Error records, newest first'))
    .option('--flow <id>', 'only this flow')
    .option('--all', 'resolved ones too')
    .action(async (options: { flow?: string; all?: boolean }, command: Command) => {
      await withIntegration(
        command.optsWithGlobals<StateOptions>(),
        'store',
        async (integration) => {
          const records = await integration.errors.list({
            flowId: options.flow,
            ...(options.all ? {} : { status: 'open' }),
          });
          process.stdout.write(`${renderErrorList(records)}\n`);
        },
      );
    });

  addDirOption(
    errors
      .command('show')
      .description('One error record; buyer personal data is masked unless --reveal'),
  )
    .argument('<id>', 'error record id')
    .option(
      '--reveal',
      "decrypt the buyer personal data of the stored input (needs the encryption key; the demo's own with --dir)",
    )
    .action(async (id: string, options: { reveal?: boolean }, command: Command) => {
      await withIntegration(
        command.optsWithGlobals<StateOptions>(),
        'store',
        async (integration) => {
          const record = await integration.errors.show(id, { reveal: Boolean(options.reveal) });
          process.stdout.write(`${JSON.stringify(record, null, 2)}\n`);
        },
      );
    });

  addDirOption(
    errors
      .command('retry')
      .description('Retry one error record by id, or every open one of a flow with --flow'),
  )
    .argument('[id]', 'error record id')
    .option('--flow <id>', 'retry every open error record of this flow')
    .action(async (id: string | undefined, options: { flow?: string }, command: Command) => {
      // A retry reads the record again from the vendors: with --dir, the demo's emulators start.
      await withIntegration(
        command.optsWithGlobals<StateOptions>(),
        'vendors',
        async (integration) => {
          const summary = id
            ? await integration.errors.retry(id)
            : await integration.retryErrors(requireFlow(options.flow));
          process.stdout.write(`${renderSummariesWithFailures([summary])}\n`);
          // A record that fails again is a failed record: exit 1, as the README says.
          process.exitCode = exitCodeOfRuns([summary]);
        },
      );
    });

  addDirOption(errors.command('resolve').description('Mark an error record resolved by hand'))
    .argument('<id>', 'error record id')
    .option('--note <text>', 'why it is resolved')
    .action(async (id: string, options: { note?: string }, command: Command) => {
      await withIntegration(
        command.optsWithGlobals<StateOptions>(),
        'store',
        async (integration) => {
          process.stdout.write(`${await resolveOnce(integration, id, options.note)}\n`);
        },
      );
    });
}

/**
 * Resolves an open record; an already resolved one keeps its first resolution (the store
 * resolves open records only) and the new note is not saved, which the line says.
 */
async function resolveOnce(
  integration: Integration,
  id: string,
  note: string | undefined,
): Promise<string> {
  const record = await integration.errors.show(id);
  if (record.status === 'resolved') {
    const dropped = note === undefined ? '' : '; the new note was not saved';
    return `${id} was already resolved at ${record.resolvedAt ?? 'an unknown time'}: "${record.resolution ?? ''}"${dropped}`;
  }

  await integration.errors.resolve(id, note);
  return `resolved ${id}`;
}

function requireFlow(flow: string | undefined): string {
  if (!flow)
    throw new ConfigError(
      'errors retry needs an error record id or --flow <id>',
      'Run `sellerbridge errors list` to see the ids.',
    );

  return flow;
}

/**
 * The error records as a table, each followed by its full error message on an indented line (a
 * message cut to a column width could cut the SKU or order id that says what to fix). No input
 * is shown: it may hold masked personal data.
 */
export function renderErrorList(records: ErrorRecord[]): string {
  if (records.length === 0) return 'No error records.';

  const table = renderTable(
    ['id', 'flow', 'trace key', 'error', 'attempts', 'status', 'updated'],
    records.map((record) => [
      record.id,
      record.flowId,
      record.traceKey,
      record.error.name,
      record.attempts,
      record.status,
      record.updatedAt,
    ]),
  ).split('\n');
  const [header, rule, ...rows] = table;

  return [
    header,
    rule,
    ...rows.flatMap((row, index) => [row, `  ${oneLine(records[index]!.error.message)}`]),
  ].join('\n');
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
