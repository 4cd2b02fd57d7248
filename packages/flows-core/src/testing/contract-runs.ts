/** Contract: run records and expiring locks. */
import { describe, expect, it } from 'vitest';
import type { ContractHarness } from './contract';
import { runRecord } from './fixtures';

/** Run and lock cases. */
export function describeRunAndLockContract(h: ContractHarness): void {
  describe('runs', () => {
    it('saves and updates a run record by id', async () => {
      await h.store().saveRun('acme', runRecord());
      const finished = runRecord({
        status: 'completed',
        counts: { read: 6, created: 3, linked: 1, updated: 1, skipped: 0, failed: 1 },
        finishedAt: '2026-01-01T00:00:05.000Z',
        durationMs: 5000,
        error: { name: 'X', message: 'y' },
      });
      await h.store().saveRun('acme', finished);

      expect(await h.store().getRun('acme', 'run_1')).toEqual(finished);
      expect(await h.store().getRun('other', 'run_1')).toBeUndefined();
    });

    it('lists runs newest first, per flow, with a limit', async () => {
      await h
        .store()
        .saveRun('acme', runRecord({ id: 'r1', startedAt: '2026-01-01T00:00:00.000Z' }));
      await h
        .store()
        .saveRun('acme', runRecord({ id: 'r3', startedAt: '2026-01-03T00:00:00.000Z' }));
      await h
        .store()
        .saveRun(
          'acme',
          runRecord({ id: 'r2', startedAt: '2026-01-02T00:00:00.000Z', flowId: 'refunds' }),
        );

      expect((await h.store().listRuns('acme')).map((r) => r.id)).toEqual(['r3', 'r2', 'r1']);
      expect(
        (await h.store().listRuns('acme', { flowId: 'orders', limit: 1 })).map((r) => r.id),
      ).toEqual(['r3']);
    });
  });

  describe('locks', () => {
    it('lets one holder in until it releases', async () => {
      expect(await h.store().acquireLock('acme', 'flow:orders', 'a', 1000, 0)).toBe(true);
      expect(await h.store().acquireLock('acme', 'flow:orders', 'b', 1000, 10)).toBe(false);
      expect(await h.store().acquireLock('acme', 'flow:orders', 'a', 1000, 10)).toBe(true);
      expect(await h.store().getLock('acme', 'flow:orders')).toEqual({
        holder: 'a',
        expiresAtMs: 1010,
      });

      await h.store().releaseLock('acme', 'flow:orders', 'b');
      expect(await h.store().acquireLock('acme', 'flow:orders', 'b', 1000, 20)).toBe(false);

      await h.store().releaseLock('acme', 'flow:orders', 'a');
      expect(await h.store().getLock('acme', 'flow:orders')).toBeUndefined();
      expect(await h.store().acquireLock('acme', 'flow:orders', 'b', 1000, 20)).toBe(true);
    });

    it('expires a lock its holder stopped renewing, and the old holder cannot renew it then', async () => {
      await h.store().acquireLock('acme', 'flow:orders', 'dead', 1000, 0);

      expect(await h.store().acquireLock('acme', 'flow:orders', 'next', 1000, 999)).toBe(false);
      expect(await h.store().acquireLock('acme', 'flow:orders', 'next', 1000, 1000)).toBe(true);
      expect(await h.store().renewLock('acme', 'flow:orders', 'dead', 1000, 1001)).toBe(false);
      expect(await h.store().renewLock('acme', 'flow:orders', 'next', 1000, 1500)).toBe(true);
      expect(await h.store().getLock('acme', 'flow:orders')).toEqual({
        holder: 'next',
        expiresAtMs: 2500,
      });
    });

    it('keeps locks of other namespaces and names apart', async () => {
      expect(await h.store().acquireLock('acme', 'flow:orders', 'a', 1000, 0)).toBe(true);
      expect(await h.store().acquireLock('other', 'flow:orders', 'b', 1000, 0)).toBe(true);
      expect(await h.store().acquireLock('acme', 'flow:refunds', 'c', 1000, 0)).toBe(true);
    });
  });
}
