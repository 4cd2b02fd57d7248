/**
 * Why records failed, after a summary table: per flow, one line per failure kept in its summary
 * (`traceKey  Name: message`). flows-core scrubbed the messages (tokens, the record's personal
 * values), and nothing else of the record is shown.
 */
import type { FailureReason, RunSummary } from '@sellerbridge/flows-core';

/** A run and the runs it triggered, depth first, as the summary table lists them. */
export function flattenSummaries(summaries: RunSummary[]): RunSummary[] {
  return summaries.flatMap((summary) => [summary, ...flattenSummaries(summary.triggered)]);
}

/** The failures of every run with a failed record, or '' when none failed. */
export function renderRunFailures(summaries: RunSummary[]): string {
  return flattenSummaries(summaries)
    .filter((summary) => summary.failed > 0)
    .map(renderFlowFailures)
    .join('\n\n');
}

function renderFlowFailures(summary: RunSummary): string {
  // A summary from before flows-core kept reasons has none; its count still says how many.
  const shown = summary.failures ?? [];
  const keyWidth = Math.max(0, ...shown.map((failure) => failure.traceKey.length));
  const hidden = summary.failed - shown.length;

  return [
    `Failed records of ${summary.flowId} (${summary.failed}):`,
    ...shown.map((failure) => `  ${failure.traceKey.padEnd(keyWidth)}  ${describe(failure)}`),
    ...(hidden > 0 ? [`  … and ${hidden} more ${whereTheRestAre(summary)}`] : []),
  ].join('\n');
}

function describe(failure: FailureReason): string {
  // One line per record: a multi-line message would read as several records.
  return `${failure.name}: ${failure.message.replace(/\s+/g, ' ').trim()}`;
}

function whereTheRestAre(summary: RunSummary): string {
  // A dry run saves no error record; each failure has its own "record failed" log line.
  return summary.dryRun
    ? '(each has a "record failed" log line)'
    : `(sellerbridge errors list --flow ${summary.flowId})`;
}
