/**
 * Graceful shutdown on SIGTERM/SIGINT, installed only when the host asks (a library must not
 * grab process signals by itself). The first signal stops every run after its record in hand,
 * saves and releases the locks; a second one aborts the records in hand too.
 */
import type { Logger } from '@sellerbridge/http-core';

/** Options of `integration.installSignalHandlers`. */
export interface SignalHandlerOptions {
  /** @default ['SIGTERM', 'SIGINT'] */
  signals?: readonly NodeJS.Signals[];
  /** Re-raise the signal once shut down, so the process exits as it would have. @default true */
  exitAfterShutdown?: boolean;
}

/** Installs the handlers; returns a function removing them. */
export function installShutdownHandlers(
  shutdown: (options: { force: boolean }) => Promise<void>,
  logger: Logger,
  options: SignalHandlerOptions = {},
): () => void {
  const signals = options.signals ?? ['SIGTERM', 'SIGINT'];
  const exitAfterShutdown = options.exitAfterShutdown ?? true;
  let shuttingDown = false;

  const uninstall = (): void => {
    for (const signal of signals) process.off(signal, onSignal);
  };

  function onSignal(signal: NodeJS.Signals): void {
    if (shuttingDown) {
      logger.warn({ signal }, 'second signal: aborting the records in hand');
      void shutdown({ force: true });

      return;
    }

    shuttingDown = true;
    logger.info({ signal }, 'shutting down: finishing the records in hand');
    void shutdown({ force: false }).finally(() => {
      uninstall();
      if (exitAfterShutdown) process.kill(process.pid, signal);
    });
  }

  for (const signal of signals) process.on(signal, onSignal);

  return uninstall;
}
