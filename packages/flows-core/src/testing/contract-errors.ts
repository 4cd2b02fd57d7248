/** Contract: error records (upsert, attempts, listing, resolution, purge). */
import { describe, expect, it } from 'vitest';
import type { ContractHarness } from './contract';
import { errorUpsert } from './fixtures';

/** Error record cases. */
export function describeErrorContract(h: ContractHarness): void {
  describe('error records', () => {
    it('creates a record on the first failure with every field', async () => {
      const upsert = errorUpsert({ id: 'e1' });
      const created = await h.store().upsertError('acme', upsert);

      expect(created).toEqual({
        id: 'e1',
        flowId: 'orders',
        traceKey: upsert.traceKey,
        status: 'open',
        input: upsert.input,
        sealedPii: upsert.sealedPii,
        piiDropped: false,
        error: upsert.error,
        attempts: 1,
        runId: 'run_1',
        createdAt: upsert.now,
        updatedAt: upsert.now,
        resolvedAt: null,
        resolution: null,
        purgeAt: upsert.purgeAt,
      });
      expect(await h.store().getError('acme', 'e1')).toEqual(created);
      expect(await h.store().getError('other', 'e1')).toBeUndefined();
    });

    it('adds attempts to the same (flow, trace key), keeping id, creation and the earlier purge time', async () => {
      await h.store().upsertError('acme', errorUpsert({ id: 'e1' }));
      const later = errorUpsert({
        id: 'e-ignored',
        now: '2026-01-02T00:00:00.000Z',
        purgeAt: '2026-02-01T00:00:00.000Z',
        error: {
          name: 'ServerError',
          message: 'netsuite POST salesOrder failed with 503',
          code: 'SERVER',
        },
      });
      const second = await h.store().upsertError('acme', later);

      expect(second).toMatchObject({
        id: 'e1',
        attempts: 2,
        createdAt: '2026-01-01T00:00:00.000Z',
      });
      expect(second).toMatchObject({
        updatedAt: later.now,
        error: later.error,
        purgeAt: '2026-01-31T00:00:00.000Z',
      });
      expect(await h.store().listErrors('acme')).toHaveLength(1);
    });

    it('keeps a trace key of another flow or namespace separate', async () => {
      await h.store().upsertError('acme', errorUpsert({ id: 'e1' }));
      await h.store().upsertError('acme', errorUpsert({ id: 'e2', flowId: 'refunds' }));
      await h.store().upsertError('other', errorUpsert({ id: 'e3' }));

      expect((await h.store().listErrors('acme')).map((e) => e.id).sort()).toEqual(['e1', 'e2']);
      expect((await h.store().listErrors('acme', { flowId: 'refunds' })).map((e) => e.id)).toEqual([
        'e2',
      ]);
    });

    it('resolves open records by trace key and reopens them on a new failure', async () => {
      await h.store().upsertError('acme', errorUpsert({ id: 'e1', traceKey: 'a' }));
      await h.store().upsertError('acme', errorUpsert({ id: 'e2', traceKey: 'b' }));

      const changed = await h
        .store()
        .resolveErrors('acme', 'orders', ['a', 'zzz'], 'succeeded', '2026-01-03T00:00:00.000Z');
      const resolved = await h.store().getError('acme', 'e1');

      expect(changed).toBe(1);
      expect(resolved).toMatchObject({
        status: 'resolved',
        resolution: 'succeeded',
        resolvedAt: '2026-01-03T00:00:00.000Z',
      });
      expect((await h.store().listErrors('acme', { status: 'open' })).map((e) => e.id)).toEqual([
        'e2',
      ]);
      expect((await h.store().listErrors('acme', { status: 'resolved' })).map((e) => e.id)).toEqual(
        ['e1'],
      );

      const reopened = await h
        .store()
        .upsertError(
          'acme',
          errorUpsert({ id: 'x', traceKey: 'a', now: '2026-01-04T00:00:00.000Z' }),
        );

      expect(reopened).toMatchObject({
        id: 'e1',
        status: 'open',
        attempts: 2,
        resolvedAt: null,
        resolution: null,
      });
    });

    it('lists newest first with a limit', async () => {
      for (const day of ['01', '03', '02']) {
        await h
          .store()
          .upsertError(
            'acme',
            errorUpsert({ id: `e${day}`, traceKey: day, now: `2026-01-${day}T00:00:00.000Z` }),
          );
      }

      expect((await h.store().listErrors('acme', { limit: 2 })).map((e) => e.id)).toEqual([
        'e03',
        'e02',
      ]);
    });

    it('purges sealed personal data that is due, and nothing else', async () => {
      await h
        .store()
        .upsertError(
          'acme',
          errorUpsert({ id: 'due', traceKey: 'a', purgeAt: '2026-01-10T00:00:00.000Z' }),
        );
      await h
        .store()
        .upsertError(
          'acme',
          errorUpsert({ id: 'later', traceKey: 'b', purgeAt: '2026-03-01T00:00:00.000Z' }),
        );
      await h
        .store()
        .upsertError(
          'other',
          errorUpsert({ id: 'elsewhere', traceKey: 'a', purgeAt: '2026-01-10T00:00:00.000Z' }),
        );

      const purged = await h.store().purgePii('acme', '2026-02-01T00:00:00.000Z');

      expect(purged).toBe(1);
      expect(await h.store().getError('acme', 'due')).toMatchObject({
        sealedPii: null,
        status: 'open',
        attempts: 1,
      });
      expect((await h.store().getError('acme', 'later'))?.sealedPii).toBe('v1:sealed');
      expect((await h.store().getError('other', 'elsewhere'))?.sealedPii).toBe('v1:sealed');
      expect(await h.store().purgePii('acme', '2026-02-01T00:00:00.000Z')).toBe(0);
    });

    it('persists error records across reopen', async () => {
      if (!h.reopen) return;
      const created = await h.store().upsertError('acme', errorUpsert({ id: 'e1' }));

      const reopened = await h.reopen();

      expect(await reopened.getError('acme', 'e1')).toEqual(created);
    });
  });
}
