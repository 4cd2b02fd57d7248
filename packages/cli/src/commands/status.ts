/** `sellerbridge status` — last runs per flow, checkpoints and open errors. */
import type { Command } from 'commander';
import { formatSeconds, renderTable } from '../output/table';
import { addDirOption, withIntegration, type StateOptions } from './state-source';

/** Registers the status command. */
export function registerStatus(program: Command): void {
  addDirOption(
    program.command('status').description('Last run, checkpoint and open errors of every flow'),
  ).action(async (_options: unknown, command: Command) => {
    await withIntegration(command.optsWithGlobals<StateOptions>(), 'store', async (integration) => {
      const rows = [];
      for (const flow of integration.flows) {
        const [lastRun] = await integration.runs.list({ flowId: flow.id, limit: 1 });
        const checkpoint = await integration.checkpoints.get(flow.id);
        const open = await integration.errors.list({ flowId: flow.id, status: 'open' });
        rows.push([
          flow.id,
          lastRun ? `${lastRun.status} ${lastRun.startedAt}` : 'never',
          lastRun?.finishedAt
            ? formatSeconds(Date.parse(lastRun.finishedAt) - Date.parse(lastRun.startedAt))
            : '',
          checkpoint === undefined ? '—' : JSON.stringify(checkpoint).slice(0, 60),
          open.length,
        ]);
      }
      process.stdout.write(
        `${integration.id}\n${renderTable(['flow', 'last run', 'took', 'checkpoint', 'open errors'], rows)}\n`,
      );
    });
  });
}
