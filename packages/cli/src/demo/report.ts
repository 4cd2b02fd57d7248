/** Prints the demo's summary table and reconciliation. */
import type { RunSummary } from '@sellerbridge/flows-core';
import { formatSeconds, renderTable } from '../output/table';
import { describeStop } from '../runtime/shutdown';
import type { DemoResult } from './run-demo';

/** The run summary of every flow as a table. */
export function renderSummaries(summaries: RunSummary[]): string {
  const rows = summaries
    .flatMap(flatten)
    .map((summary) => [
      summary.flowId,
      summary.read,
      summary.created,
      summary.updated,
      summary.skipped,
      summary.failed,
      formatSeconds(summary.durationMs),
    ]);

  return renderTable(['flow', 'read', 'created', 'updated', 'skipped', 'failed', 'time'], rows);
}

function flatten(summary: RunSummary): RunSummary[] {
  return [summary, ...summary.triggered.flatMap(flatten)];
}

/** The whole demo report. */
export function renderDemoReport(result: DemoResult): string {
  const checks = result.checks.flatMap((check) => [
    `${check.passed ? '✔' : '✘'} ${check.name}: ${check.detail}`,
    ...check.problems.map((problem) => `    ${problem}`),
  ]);

  const stopped = result.summaries
    .filter((summary) => summary.error)
    .map((summary) => `✘ ${summary.flowId} stopped: ${summary.error!.message}`);

  if (result.stoppedBy) {
    const skipped = 'The remaining flows did not run; no reconciliation.';
    return [
      '',
      renderSummaries(result.summaries),
      ...stopped,
      '',
      describeStop(result.stoppedBy),
      skipped,
    ].join('\n');
  }

  return [
    '',
    renderSummaries(result.summaries),
    ...stopped,
    '',
    `Warehouse shipped ${result.shippedNow} order(s) in NetSuite during this run.`,
    '',
    'Reconciliation',
    ...checks,
    '',
    result.passed ? 'All checks passed.' : 'Some checks FAILED.',
  ].join('\n');
}
