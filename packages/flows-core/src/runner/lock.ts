/**
 * The run lock: one run per (integration, flow). It expires `lockTtlMs` after its last renewal,
 * so a holder that dies (SIGKILL, power loss) frees it without anyone's help; a live holder renews
 * it every third of the TTL.
 */
import { LockHeldError } from '../errors';
import type { Engine } from './engine';

/** A held lock. */
export interface HeldLock {
  /** Stops renewing and releases the lock (best effort). */
  release: () => Promise<void>;
}

/**
 * Takes the lock of a flow or throws.
 * @throws {LockHeldError} when another live run holds it.
 */
export async function takeFlowLock(
  engine: Engine,
  flowId: string,
  holder: string,
  onLost: () => void,
): Promise<HeldLock> {
  const { store, integrationId: ns, lockTtlMs, clock, logger } = engine;
  const name = `flow:${flowId}`;
  const acquired = await store.acquireLock(ns, name, holder, lockTtlMs, clock.now());
  if (!acquired) throw new LockHeldError(ns, flowId);

  const renew = async (): Promise<void> => {
    try {
      const renewed = await store.renewLock(ns, name, holder, lockTtlMs, clock.now());
      if (!renewed) onLost();
    } catch (error) {
      logger.warn({ flowId, error: (error as Error)?.message }, 'could not renew the run lock');
    }
  };
  const timer = setInterval(() => void renew(), Math.max(10, Math.floor(lockTtlMs / 3)));
  timer.unref?.();

  return {
    release: async () => {
      clearInterval(timer);
      await store.releaseLock(ns, name, holder);
    },
  };
}
