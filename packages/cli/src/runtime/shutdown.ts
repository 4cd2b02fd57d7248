/**
 * Graceful stop of `run` and `demo` on SIGTERM / Ctrl-C, through the engine's own handlers
 * (flows-core `installSignalHandlers`, as `schedule` uses): the first signal finishes the records
 * in hand, saves and releases the locks; a second one aborts the records in hand. Unlike
 * `schedule`, the signal is not re-raised: the command prints its summary and exits with
 * 128 + the signal's number.
 */
import { FlowsCoreError, type Integration, type RunSummary } from '@sellerbridge/flows-core';

/** The signals that stop a run. */
export type StopSignal = 'SIGINT' | 'SIGTERM';

/** Exit codes after a stop by signal (Unix convention: 128 + the signal's number). */
export const SIGNAL_EXIT: Readonly<Record<StopSignal, number>> = { SIGINT: 130, SIGTERM: 143 };

const STOP_SIGNALS: readonly StopSignal[] = ['SIGINT', 'SIGTERM'];

/** The stop handling of one command. */
export interface ShutdownWatch {
  /** The first signal received, if any. */
  readonly signal: StopSignal | undefined;
  /**
   * Runs a flow unless a signal came first; undefined when stopped before it started (a shut
   * down integration refuses new runs).
   */
  runUnlessStopped(start: () => Promise<RunSummary>): Promise<RunSummary | undefined>;
  /** Removes the handlers. */
  dispose(): void;
}

/** Installs the engine's signal handlers without re-raising, and remembers the first signal. */
export function watchShutdown(integration: Integration): ShutdownWatch {
  let received: StopSignal | undefined;
  const remember = (signal: StopSignal): void => {
    received ??= signal;
  };

  for (const signal of STOP_SIGNALS) process.on(signal, remember);
  const uninstallEngineHandlers = integration.installSignalHandlers({
    signals: STOP_SIGNALS,
    exitAfterShutdown: false,
  });

  return {
    get signal() {
      return received;
    },
    async runUnlessStopped(start) {
      if (received) return undefined;

      try {
        return await start();
      } catch (error) {
        if (received && isShutDown(error)) return undefined;
        throw error;
      }
    },
    dispose() {
      uninstallEngineHandlers();
      for (const signal of STOP_SIGNALS) process.off(signal, remember);
    },
  };
}

/** The line printed after the summary of a stopped command. */
export function describeStop(signal: StopSignal): string {
  return (
    `Stopped by ${signal}: no new record was started, the records handled are saved and the ` +
    'locks released. Run again to continue from the last saved checkpoint.'
  );
}

// A signal between two runs shuts the integration down before the next one starts.
function isShutDown(error: unknown): boolean {
  return error instanceof FlowsCoreError && error.code === 'SHUT_DOWN';
}
