/** `sellerbridge status` — last runs per flow, their record counts, checkpoints and open errors. */
import type { Command } from 'commander';
import type { Integration, JsonValue, RunRecord } from '@sellerbridge/flows-core';
import { COUNT_HEADERS, countCells } from '../output/run-counts';
import { formatSeconds, renderTable } from '../output/table';
import { addDirOption, withIntegration, type StateOptions } from './state-source';

/** What status shows of one flow. */
export interface FlowStatus {
  flowId: string;
  lastRun: RunRecord | undefined;
  checkpoint: JsonValue | undefined;
  openErrors: number;
}

/** Registers the status command. */
export function registerStatus(program: Command): void {
  addDirOption(
    program.command('status').description('Last run, checkpoint and open errors of every flow'),
  ).action(async (_options: unknown, command: Command) => {
    await withIntegration(command.optsWithGlobals<StateOptions>(), 'store', async (integration) => {
      const flows = [];
      for (const flow of integration.flows) flows.push(await flowStatus(integration, flow.id));

      process.stdout.write(`${integration.id}\n${renderStatus(flows)}\n`);
    });
  });
}

async function flowStatus(integration: Integration, flowId: string): Promise<FlowStatus> {
  const [lastRun] = await integration.runs.list({ flowId, limit: 1 });
  const checkpoint = await integration.checkpoints.get(flowId);
  const open = await integration.errors.list({ flowId, status: 'open' });

  return { flowId, lastRun, checkpoint, openErrors: open.length };
}

/**
 * One row per flow. The counts are the last run's; a run stored before flows-core counted
 * `linked` shows 0 there.
 */
export function renderStatus(flows: FlowStatus[]): string {
  const rows = flows.map(({ flowId, lastRun, checkpoint, openErrors }) => [
    flowId,
    lastRun ? `${lastRun.status} ${lastRun.startedAt}` : 'never',
    lastRun?.finishedAt
      ? formatSeconds(Date.parse(lastRun.finishedAt) - Date.parse(lastRun.startedAt))
      : '',
    ...(lastRun ? countCells(lastRun.counts) : COUNT_HEADERS.map(() => '')),
    checkpoint === undefined ? '—' : JSON.stringify(checkpoint).slice(0, 60),
    openErrors,
  ]);

  return renderTable(
    ['flow', 'last run', 'took', ...COUNT_HEADERS, 'checkpoint', 'open errors'],
    rows,
  );
}
