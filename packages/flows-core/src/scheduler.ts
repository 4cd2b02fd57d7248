/**
 * The in-process scheduler: each flow runs, then waits its interval, then runs again — so runs of
 * one flow never overlap here, and the run lock keeps other processes out too. For one machine;
 * hosts with cron or a queue call `integration.run(flowId)` themselves.
 */
import type { Logger } from '@sellerbridge/http-core';
import type { RunSummary } from './runner/engine';

/** Options of `integration.schedule`. */
export interface ScheduleOptions {
  /** Flows to schedule. @default every flow whose schedule is not 'manual' */
  flows?: readonly string[];
  /** Per-flow interval overrides in ms (time from the end of one run to the start of the next). */
  intervalsMs?: Readonly<Record<string, number>>;
  /** Run each flow at once instead of after its first interval. @default true */
  runImmediately?: boolean;
}

/** A running schedule. */
export interface ScheduleHandle {
  /** Stops scheduling; a run in progress finishes its record, saves and releases its lock. */
  stop: () => Promise<void>;
}

/** What the scheduler needs from the integration. */
export interface SchedulerDependencies {
  logger: Logger;
  run: (flowId: string, signal: AbortSignal) => Promise<RunSummary>;
}

/** Starts one timer chain per flow. */
export function startScheduler(
  plan: readonly { flowId: string; everyMs: number }[],
  deps: SchedulerDependencies,
  runImmediately: boolean,
): ScheduleHandle {
  const controller = new AbortController();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const running = new Set<Promise<unknown>>();

  const tick = async (flowId: string, everyMs: number): Promise<void> => {
    if (controller.signal.aborted) return;

    const run = deps.run(flowId, controller.signal).catch((error: unknown) => {
      deps.logger.warn({ flowId, error: (error as Error)?.message }, 'scheduled run did not start');
    });
    running.add(run);
    await run;
    running.delete(run);

    schedule(flowId, everyMs, everyMs);
  };

  const schedule = (flowId: string, everyMs: number, delayMs: number): void => {
    if (controller.signal.aborted) return;

    const timer = setTimeout(() => {
      timers.delete(timer);
      void tick(flowId, everyMs);
    }, delayMs);
    timers.add(timer);
  };

  for (const { flowId, everyMs } of plan) schedule(flowId, everyMs, runImmediately ? 0 : everyMs);

  return {
    stop: async () => {
      controller.abort();
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await Promise.all(running);
    },
  };
}
