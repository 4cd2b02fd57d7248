/**
 * End-to-end against the NetSuite emulator (`packages/emulator`), whose TBA verifier and JWT
 * checker are written independently of this client: signing, realm/host, 204 + Location,
 * eid: lookups, the duplicate-external-id conflict, transforms and SuiteQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConflictError } from '@sellerbridge/http-core';
import { startNetSuiteEmulator } from '@sellerbridge/emulator';
import type { RunningNetSuiteEmulator } from '@sellerbridge/emulator';
import { createNetSuiteClient, sql, suiteQl } from '../src/index';
import type { NetSuiteClient } from '../src/index';
import { z } from 'zod';

describe('netsuite-client against the NetSuite emulator', () => {
  let ns: RunningNetSuiteEmulator;
  let tba: NetSuiteClient;
  let oauth2: NetSuiteClient;

  beforeAll(async () => {
    ns = await startNetSuiteEmulator({ accountId: '1234567_SB1' });
    tba = createNetSuiteClient({
      accountId: '1234567-sb1',
      baseUrl: ns.url,
      auth: { type: 'tba', ...ns.credentials.tba },
    });
    const { clientId, certificateId, privateKeyPem, algorithm } = ns.credentials.oauth2;
    oauth2 = createNetSuiteClient({
      accountId: '1234567_sb1',
      baseUrl: ns.url,
      auth: { type: 'oauth2', clientId, certificateId, privateKey: privateKeyPem, algorithm },
    });
  }, 60_000);

  afterAll(async () => {
    await tba?.close();
    await oauth2?.close();
    await ns?.close();
  });

  it('creates with TBA, reads back with OAuth 2, and turns a duplicate external id into a conflict', async () => {
    const subsidiary = { id: String(ns.inspect.seeded.subsidiary) };
    const body = { companyName: 'Acme Test', subsidiary, externalId: 'nsc-e2e-cust-1' };

    const created = await tba.records.create('customer', body);
    const read = await oauth2.records.getByExternalId('customer', 'nsc-e2e-cust-1');
    const duplicate = await tba.records.create('customer', body).catch((error: unknown) => error);

    expect(created.id).toMatch(/^\d+$/);
    expect(read.id).toBe(created.id);
    expect(read.companyName).toBe('Acme Test');
    expect(duplicate).toBeInstanceOf(ConflictError);
    expect(duplicate).toMatchObject({ existingId: created.id });
  });

  it('creates a sales order and fulfils it through !transform', async () => {
    const warehouse = ns.inspect.seeded.locations.warehouse;
    const stocked = ns.inspect
      .inventory({ locationId: warehouse })
      .find((row) => row.available >= 1);
    const itemId = String(stocked?.itemId);
    const order = await tba.records.create('salesOrder', {
      entity: { id: String(ns.inspect.seeded.customers.US) },
      externalId: 'nsc-e2e-so-1',
      item: { items: [{ item: { id: itemId }, quantity: 1, rate: '10.00' }] },
    });

    const lines = await tba.records.get('salesOrder', order.id, { expandSubResources: true });
    const orderLine = lines.item?.items?.[0]?.line;
    const fulfillment = await tba.records.transform('salesOrder', order.id, 'itemFulfillment', {
      shipStatus: { id: 'C' },
      item: { items: [{ orderLine, quantity: 1, location: { id: String(warehouse) } }] },
    });

    expect(lines.total).toBe('10');
    expect(fulfillment.id).toMatch(/^\d+$/);
  });

  it('finds an item by SKU through SuiteQL, with a hostile value kept inert', async () => {
    const [sku] = Object.keys(ns.inspect.seeded.items);
    const rowSchema = z.object({ id: suiteQl.integer(), itemid: suiteQl.text() });

    const rows = await oauth2.lookupMany(
      [sku as string, `O'Brien's 12" mug`],
      (batch) => sql`SELECT id, itemid FROM item WHERE itemid IN (${batch}) ORDER BY id`,
      { rowSchema },
    );

    expect(rows).toEqual([{ id: ns.inspect.seeded.items[sku as string], itemid: sku }]);
  });
});
