/**
 * One progress bar per flow on a terminal (cli-progress), or one line per page elsewhere (CI
 * logs, pipes). Counts come from the engine's progress events.
 */
import type { Integration, ProgressEvent } from '@sellerbridge/flows-core';
import cliProgress from 'cli-progress';
import { completeCounts, type StoredCounts } from '../output/run-counts';

/** Shows the progress of the flows of one integration. */
export interface FlowProgress {
  start(flowId: string, expectedRecords: number): void;
  finish(flowId: string): void;
  stop(): void;
}

/** Creates progress bars (TTY) or progress lines (otherwise) fed by the integration's events. */
export function createFlowProgress(
  integration: Integration,
  stream: NodeJS.WriteStream,
): FlowProgress {
  const interactive = Boolean(stream.isTTY);
  const multibar = interactive
    ? new cliProgress.MultiBar(
        {
          stream,
          format:
            ' {flow} |{bar}| {value}/{total} records · {created} created · {linked} linked · {failed} failed',
          hideCursor: true,
          clearOnComplete: false,
          barsize: 30,
        },
        cliProgress.Presets.shades_classic,
      )
    : undefined;
  const bars = new Map<string, cliProgress.SingleBar>();
  const readCounts = new Map<string, number>();

  const unsubscribe = integration.on('progress', (event: ProgressEvent) => {
    const read = event.counts.read;
    const bar = bars.get(event.flowId);
    readCounts.set(event.flowId, read);

    if (bar) {
      if (read > bar.getTotal()) bar.setTotal(read);
      bar.update(read, barCounts(event.counts));
    } else if (!interactive) {
      stream.write(`  ${event.flowId}: page ${event.page}, ${describeCounts(event.counts)}\n`);
    }
  });

  return {
    start(flowId, expectedRecords) {
      if (!multibar) return void stream.write(`▶ ${flowId}\n`);
      bars.set(
        flowId,
        multibar.create(Math.max(1, expectedRecords), 0, {
          flow: flowId.padEnd(12),
          ...barCounts({}),
        }),
      );
    },
    finish(flowId) {
      const bar = bars.get(flowId);
      const read = readCounts.get(flowId) ?? 0;
      if (bar) {
        bar.setTotal(Math.max(1, read));
        bar.update(read);
      }
    },
    stop() {
      unsubscribe();
      multibar?.stop();
    },
  };
}

/** The counts a bar shows. */
function barCounts(counts: StoredCounts): { created: number; linked: number; failed: number } {
  const { created, linked, failed } = completeCounts(counts);

  return { created, linked, failed };
}

/** One page's progress line (no terminal): what was read and what became of it so far. */
function describeCounts(counts: StoredCounts): string {
  const { read, created, linked, failed } = completeCounts(counts);

  return `${read} read, ${created} created, ${linked} linked, ${failed} failed`;
}
