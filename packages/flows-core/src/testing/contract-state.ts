/** Contract: checkpoints, page commits and links. */
import { describe, expect, it } from 'vitest';
import type { ContractHarness } from './contract';
import { errorUpsert } from './fixtures';

const NOW = '2026-01-01T00:00:00.000Z';

/** Checkpoint and link cases. */
export function describeCheckpointAndLinkContract(h: ContractHarness): void {
  describe('checkpoints', () => {
    it('returns undefined before the first save, then the saved JSON value', async () => {
      expect(await h.store().getCheckpoint('acme', 'orders')).toBeUndefined();

      const checkpoint = { after: '2026-01-01T00:00:00Z', token: null, seen: ['a', 'b'], n: 3 };
      await h.store().saveCheckpoint('acme', 'orders', checkpoint, NOW);

      expect(await h.store().getCheckpoint('acme', 'orders')).toEqual(checkpoint);
    });

    it('keeps namespaces and flows apart', async () => {
      await h.store().saveCheckpoint('acme-sandbox', 'orders', 1, NOW);
      await h.store().saveCheckpoint('acme-production', 'orders', 2, NOW);
      await h.store().saveCheckpoint('acme-production', 'refunds', 3, NOW);

      expect(await h.store().getCheckpoint('acme-sandbox', 'orders')).toBe(1);
      expect(await h.store().getCheckpoint('acme-production', 'orders')).toBe(2);
      expect(await h.store().getCheckpoint('acme-production', 'refunds')).toBe(3);
    });

    it('commits a page: its links, only the given open trace keys, and the checkpoint', async () => {
      const link = {
        sourceKey: 'order:a',
        recordType: 'salesOrder',
        netsuiteId: '7',
        externalId: 'so-a',
        createdAt: NOW,
      };
      await h.store().upsertError('acme', errorUpsert({ id: 'e1', traceKey: 'a' }));
      await h.store().upsertError('acme', errorUpsert({ id: 'e2', traceKey: 'b' }));
      await h.store().upsertError('other', errorUpsert({ id: 'e3', traceKey: 'a' }));

      const commit = { flowId: 'orders', links: [link], resolvedTraceKeys: ['a'], now: NOW };
      await h.store().commitPage('acme', { ...commit, checkpoint: { page: 2 } });

      expect(await h.store().getCheckpoint('acme', 'orders')).toEqual({ page: 2 });
      expect(await h.store().getLink('acme', 'salesOrder', 'order:a')).toEqual(link);
      expect(await h.store().getLink('other', 'salesOrder', 'order:a')).toBeUndefined();
      expect((await h.store().getError('acme', 'e1'))?.status).toBe('resolved');
      expect((await h.store().getError('acme', 'e2'))?.status).toBe('open');
      expect((await h.store().getError('other', 'e3'))?.status).toBe('open');
    });

    it('commits without a checkpoint (a stop mid-page), keeping the saved one', async () => {
      const link = {
        sourceKey: 'order:b',
        recordType: 'salesOrder',
        netsuiteId: '8',
        externalId: 'so-b',
        createdAt: NOW,
      };
      await h.store().saveCheckpoint('acme', 'orders', { page: 1 }, NOW);

      await h
        .store()
        .commitPage('acme', { flowId: 'orders', links: [link], resolvedTraceKeys: [], now: NOW });

      expect(await h.store().getCheckpoint('acme', 'orders')).toEqual({ page: 1 });
      expect((await h.store().getLink('acme', 'salesOrder', 'order:b'))?.netsuiteId).toBe('8');
    });

    it('persists checkpoints across reopen', async () => {
      if (!h.reopen) return;
      await h.store().saveCheckpoint('acme', 'orders', { page: 7 }, NOW);

      const reopened = await h.reopen();

      expect(await reopened.getCheckpoint('acme', 'orders')).toEqual({ page: 7 });
    });
  });

  describe('links', () => {
    const link = {
      sourceKey: 'order:1',
      recordType: 'salesOrder',
      netsuiteId: '101',
      externalId: 'amzn-so-1',
      createdAt: NOW,
    };

    it('stores a link by (recordType, sourceKey) within a namespace', async () => {
      await h.store().putLink('acme', link);

      expect(await h.store().getLink('acme', 'salesOrder', 'order:1')).toEqual(link);
      expect(await h.store().getLink('acme', 'customer', 'order:1')).toBeUndefined();
      expect(await h.store().getLink('other', 'salesOrder', 'order:1')).toBeUndefined();
    });

    it('replaces a link for the same key and lists links in key order', async () => {
      await h.store().putLink('acme', { ...link, sourceKey: 'order:2', netsuiteId: '102' });
      await h.store().putLink('acme', link);
      await h.store().putLink('acme', { ...link, netsuiteId: '103' });
      await h.store().putLink('acme', { ...link, recordType: 'customer', netsuiteId: '9' });

      const all = await h.store().listLinks('acme');
      const orders = await h.store().listLinks('acme', { recordType: 'salesOrder', limit: 1 });

      expect(all.map((l) => `${l.recordType}/${l.sourceKey}=${l.netsuiteId}`)).toEqual([
        'customer/order:1=9',
        'salesOrder/order:1=103',
        'salesOrder/order:2=102',
      ]);
      expect(orders.map((l) => l.netsuiteId)).toEqual(['103']);
    });

    it('persists links across reopen', async () => {
      if (!h.reopen) return;
      await h.store().putLink('acme', link);

      const reopened = await h.reopen();

      expect(await reopened.getLink('acme', 'salesOrder', 'order:1')).toEqual(link);
    });
  });
}
