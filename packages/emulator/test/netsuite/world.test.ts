import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createWorld } from '../../src/world';
import { startNetSuiteEmulator } from '../../src/netsuite/start';
import { oauthHeader } from './helpers';

describe('seeding from the world', () => {
  const world = createWorld({ orders: 50 });
  const dir = mkdtempSync(join(tmpdir(), 'ns-emu-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('creates the account setup and one item per SKU that is in NetSuite', async () => {
    const ns = await startNetSuiteEmulator({ world });
    try {
      const { seeded } = ns.inspect;
      const inNs = world.catalog.filter((c) => c.inNetSuite);
      const missing = world.catalog.filter((c) => !c.inNetSuite);
      expect(missing.length).toBeGreaterThan(0);
      for (const item of missing) expect(seeded.items[item.sku]).toBeUndefined();

      for (const item of inNs) {
        const record = ns.inspect.record(seeded.items[item.sku] as number);
        expect(record?.body.itemId).toBe(item.sku);
        expect(String(record?.id)).toBe(item.netsuite.itemId);
      }

      const kit = inNs.find((c) => c.kind === 'kit');
      const kitRecord = ns.inspect.record(seeded.items[kit?.sku as string] as number);
      expect(kitRecord?.type).toBe('kitItem');
      expect((kitRecord?.body.member as { items: unknown[] }).items).toHaveLength(
        kit?.components?.length ?? -1,
      );

      const child = inNs.find((c) => c.kind === 'matrix');
      const childRecord = ns.inspect.record(seeded.items[child?.sku as string] as number);
      expect(childRecord?.body).toMatchObject({
        matrixType: 'CHILD',
        parent: { id: String(seeded.items[child?.parentSku as string]) },
      });
      expect(ns.inspect.records('nonInventorySaleItem').length).toBeGreaterThan(0);

      const stocked = inNs.find((c) => c.kind === 'inventory') as (typeof inNs)[number];
      expect(ns.inspect.onHand(stocked.sku, seeded.locations.warehouse)).toBe(
        stocked.netsuite.warehouseQty,
      );
      expect(ns.inspect.onHand(stocked.sku, seeded.locations.fba)).toBe(stocked.netsuite.fbaQty);

      for (const type of [
        'subsidiary',
        'currency',
        'priceLevel',
        'salesTaxItem',
        'shipItem',
        'account',
      ]) {
        expect(ns.inspect.count(type)).toBeGreaterThan(0);
      }
      expect(ns.inspect.record(seeded.locations.fbaDamaged)?.refName).toBe('Amazon FBA - Damaged');
      expect(ns.inspect.findByExternalId('customer', 'amazon-default-US')?.id).toBe(
        seeded.customers.US,
      );
    } finally {
      await ns.close();
    }
  });

  it('keeps records in a database file across runs', async () => {
    const dbFile = join(dir, 'netsuite.sqlite');
    const first = await startNetSuiteEmulator({ world, dbFile });
    const url = `${first.url}/services/rest/record/v1/department`;
    const created = await fetch(url, {
      method: 'POST',
      headers: {
        Authorization: oauthHeader('POST', url, { ...first.credentials.tba, realm: '1234567_SB1' }),
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ name: 'Survives', externalId: 'dept-persist' }),
    });
    expect(created.status).toBe(204);
    const itemCount = first.inspect.count('inventoryItem');
    await first.close();

    const second = await startNetSuiteEmulator({ world, dbFile });
    try {
      expect(second.inspect.count('department', 'dept-persist')).toBe(1);
      expect(second.inspect.count('inventoryItem')).toBe(itemCount);
      expect(second.inspect.seeded.locations).toEqual(first.inspect.seeded.locations);
    } finally {
      await second.close();
    }
  });
});
