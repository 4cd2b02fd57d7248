/** Prints the demo's summary table and reconciliation. */
import type { RunSummary } from '@sellerbridge/flows-core';
import { COUNT_HEADERS, countCells } from '../output/run-counts';
import { flattenSummaries, renderRunFailures } from '../output/run-failures';
import { formatSeconds, renderTable } from '../output/table';
import { describeStop } from '../runtime/shutdown';
import type { DemoResult } from './run-demo';

/** The run summary of every flow (and of the flows it triggered) as a table. */
export function renderSummaries(summaries: RunSummary[]): string {
  const rows = flattenSummaries(summaries).map((summary) => [
    summary.flowId,
    ...countCells(summary),
    formatSeconds(summary.durationMs),
  ]);

  return renderTable(['flow', ...COUNT_HEADERS, 'time'], rows);
}

/** The summary table followed by why records failed, if any did. */
export function renderSummariesWithFailures(summaries: RunSummary[]): string {
  const failures = renderRunFailures(summaries);

  return failures ? `${renderSummaries(summaries)}\n\n${failures}` : renderSummaries(summaries);
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
      renderSummariesWithFailures(result.summaries),
      ...stopped,
      '',
      describeStop(result.stoppedBy),
      skipped,
    ].join('\n');
  }

  return [
    '',
    renderSummariesWithFailures(result.summaries),
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
