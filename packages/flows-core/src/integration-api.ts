/**
 * The integration object hosts use: run, retry, errors, links, runs, checkpoints, schedule,
 * events and shutdown, all bound to one engine (one namespace).
 */
import { isoNow } from './clock';
import { createErrorsApi, type ErrorsApi } from './errors-api';
import { FlowNotFoundError, FlowsCoreError, LockHeldError } from './errors';
import type { IntegrationEvents } from './events';
import type { Edition, FlowSchedule } from './flow';
import type { Engine, FlowEntry, RunOptions, RunSummary } from './runner/engine';
import { retryFlowErrors, type RetryOptions } from './runner/retry-errors';

import { runFlow } from './runner/run-flow';
import { startScheduler, type ScheduleHandle, type ScheduleOptions } from './scheduler';
import { installShutdownHandlers, type SignalHandlerOptions } from './signals';
import type { JsonValue, LinkRecord, RunRecord } from './store/types';

/** A flow as listed by the integration. */
export interface FlowInfo {
  id: string;
  edition: Edition;
  schedule: FlowSchedule;
  plugin: string;
  triggers: readonly string[];
}

/** The integration. */
export interface Integration {
  readonly id: string;
  readonly flows: readonly FlowInfo[];
  /**
   * Runs a flow (then the flows it triggers).
   * @throws {FlowNotFoundError} {LockHeldError} {ConfigurationError} (invalid `concurrency`)
   */
  run: (flowId: string, options?: RunOptions) => Promise<RunSummary>;
  /** Re-runs only the failed records of a flow. @throws {FlowNotFoundError} {LockHeldError} */
  retryErrors: (flowId: string, options?: RetryOptions) => Promise<RunSummary>;
  readonly errors: ErrorsApi;
  readonly links: {
    get: (recordType: string, sourceKey: string) => Promise<LinkRecord | undefined>;
    list: (filter?: { recordType?: string; limit?: number }) => Promise<LinkRecord[]>;
  };
  readonly runs: {
    get: (id: string) => Promise<RunRecord | undefined>;
    list: (filter?: { flowId?: string; limit?: number }) => Promise<RunRecord[]>;
  };
  readonly checkpoints: {
    get: (flowId: string) => Promise<JsonValue | undefined>;
    /** Sets (or, for a replay, rewinds) a flow's checkpoint. */
    set: (flowId: string, checkpoint: JsonValue) => Promise<void>;
  };
  /** Starts the in-process scheduler. */
  schedule: (options?: ScheduleOptions) => ScheduleHandle;
  on: <E extends keyof IntegrationEvents>(
    event: E,
    listener: (payload: IntegrationEvents[E]) => void,
  ) => () => void;
  /** Graceful shutdown on SIGTERM/SIGINT; returns a function removing the handlers. */
  installSignalHandlers: (options?: SignalHandlerOptions) => () => void;
  /** Stops schedules and runs (after their record in hand, or at once with `force`). */
  shutdown: (options?: { force?: boolean }) => Promise<void>;
  /** Shuts down and closes the store. */
  close: () => Promise<void>;
}

/** Binds the public API to an engine. */
export function createIntegrationApi(engine: Engine): Integration {
  const ns = engine.integrationId;
  const schedules = new Set<ScheduleHandle>();
  let closed = false;

  const entryOf = (flowId: string): FlowEntry => {
    if (closed) throw new FlowsCoreError('SHUT_DOWN', `Integration '${ns}' is shut down`);
    const entry = engine.flows.get(flowId);
    if (!entry) throw new FlowNotFoundError(flowId, [...engine.flows.keys()]);

    return entry;
  };

  const runChain = async (
    flowId: string,
    options: RunOptions,
    trigger: 'manual' | 'schedule' | 'trigger',
    chain: string[],
  ) => {
    const entry = entryOf(flowId);
    const summary = await runFlow(engine, entry, options, trigger);
    if (summary.status !== 'completed') return summary;

    // A concurrency override is for the flow asked for; triggered flows keep their own.
    const { concurrency: _override, ...triggeredOptions } = options;

    for (const next of entry.flow.triggers ?? []) {
      if (chain.includes(next)) continue;
      try {
        summary.triggered.push(await runChain(next, triggeredOptions, 'trigger', [...chain, next]));
      } catch (error) {
        if (!(error instanceof LockHeldError)) throw error;
        engine.logger.warn(
          { flowId: next, triggeredBy: flowId },
          'triggered flow already running; skipped',
        );
      }
    }

    return summary;
  };

  const shutdown = async ({ force = false } = {}): Promise<void> => {
    closed = true;
    const stopping = [...schedules].map((handle) => handle.stop());
    for (const run of engine.active) (force ? run.force : run.stop)();
    await Promise.allSettled([...stopping, ...[...engine.active].map((run) => run.done)]);
  };

  return {
    id: ns,
    flows: [...engine.flows.values()].map(({ flow, plugin }) => ({
      id: flow.id,
      edition: flow.edition,
      schedule: flow.schedule,
      plugin,
      triggers: flow.triggers ?? [],
    })),
    run: (flowId, options = {}) => runChain(flowId, options, 'manual', [flowId]),
    retryErrors: (flowId, options = {}) => retryFlowErrors(engine, entryOf(flowId), options),
    errors: createErrorsApi(engine, entryOf),
    links: {
      get: (recordType, sourceKey) => engine.store.getLink(ns, recordType, sourceKey),
      list: (filter) => engine.store.listLinks(ns, filter),
    },
    runs: {
      get: (id) => engine.store.getRun(ns, id),
      list: (filter) => engine.store.listRuns(ns, filter),
    },
    checkpoints: {
      get: (flowId) => engine.store.getCheckpoint(ns, entryOf(flowId).flow.id),
      set: (flowId, checkpoint) =>
        engine.store.saveCheckpoint(ns, entryOf(flowId).flow.id, checkpoint, isoNow(engine.clock)),
    },
    schedule: (options = {}) => {
      const handle = startScheduler(
        schedulePlan(engine, options),
        {
          logger: engine.logger,
          run: (flowId, signal) => runChain(flowId, { signal }, 'schedule', [flowId]),
        },
        options.runImmediately ?? true,
      );
      schedules.add(handle);

      return { stop: () => handle.stop().finally(() => schedules.delete(handle)) };
    },
    on: (event, listener) => engine.events.on(event, listener),
    installSignalHandlers: (options) => installShutdownHandlers(shutdown, engine.logger, options),
    shutdown,
    close: async () => {
      await shutdown();
      await engine.store.close();
    },
  };
}

function schedulePlan(
  engine: Engine,
  options: ScheduleOptions,
): { flowId: string; everyMs: number }[] {
  const ids = options.flows ?? [...engine.flows.keys()];

  return ids.flatMap((flowId) => {
    const entry = engine.flows.get(flowId);
    if (!entry) throw new FlowNotFoundError(flowId, [...engine.flows.keys()]);

    const override = options.intervalsMs?.[flowId];
    const everyMs =
      override ?? (entry.flow.schedule === 'manual' ? undefined : entry.flow.schedule.everyMs);

    return everyMs === undefined ? [] : [{ flowId, everyMs }];
  });
}
