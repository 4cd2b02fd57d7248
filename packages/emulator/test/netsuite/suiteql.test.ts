import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './helpers';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('SuiteQL', () => {
  let h: Harness;
  let seeded: Harness['ns']['inspect']['seeded'];
  let sku: string;
  let orderId: string;
  const ref = (id: number | string): { id: string } => ({ id: String(id) });

  beforeAll(async () => {
    h = await startHarness();
    seeded = h.ns.inspect.seeded;
    sku = h.ns.world.catalog.find(
      (c) => c.inNetSuite && c.kind === 'inventory' && c.netsuite.warehouseQty >= 5,
    )?.sku as string;
    orderId = await h.create('salesOrder', {
      entity: ref(seeded.customers.US as number),
      location: ref(seeded.locations.warehouse),
      externalId: '111-2222222-3333333',
      otherRefNum: '111-2222222-3333333',
      tranDate: '2026-11-29',
      custbody_amz_channel: 'MFN',
      item: { items: [{ item: ref(seeded.items[sku] as number), quantity: 2, rate: '9.99' }] },
    });
  });
  afterAll(() => h.ns.close());

  it('finds an item by SKU with NetSuite row encoding', async () => {
    const res = await h.suiteql(
      `SELECT id, itemid, displayname, itemtype, upccode, externalid, isinactive FROM item WHERE itemid = '${sku.replaceAll("'", "''")}'`,
    );
    expect(res).toMatchObject({ count: 1, hasMore: false, offset: 0, totalResults: 1 });
    const row = (res.items as Json[])[0] as Json;
    expect(row).toEqual({
      links: [],
      id: String(seeded.items[sku]),
      itemid: sku,
      displayname: expect.any(String),
      itemtype: 'InvtPart',
      upccode: expect.any(String),
      isinactive: 'F',
    });
    expect('externalid' in row).toBe(false); // NULL columns are omitted
  });

  it('looks up a sales order by external id with aliases, IN, OR and parentheses', async () => {
    const res = await h.suiteql(
      "SELECT t.id, t.tranid AS number, t.type, t.status, BUILTIN.DF(t.status) statustext, t.trandate, t.entity, BUILTIN.DF(t.entity) customer FROM transaction t WHERE t.type IN ('SalesOrd', 'CashSale') AND (t.externalid = '111-2222222-3333333' OR t.otherrefnum = 'x')",
    );
    expect(res.items).toEqual([
      {
        links: [],
        id: orderId,
        number: expect.any(String),
        type: 'SalesOrd',
        status: 'B',
        statustext: 'Pending Fulfillment',
        trandate: '11/29/2026',
        entity: String(seeded.customers.US),
        customer: 'Amazon US Customer',
      },
    ]);
  });

  it('joins transaction lines to items and reads custom body fields', async () => {
    const res = await h.suiteql(
      `SELECT t.tranid, tl.linesequencenumber, i.itemid, tl.quantity, tl.rate, t.custbody_amz_channel FROM transaction t
       JOIN transactionline tl ON tl.transaction = t.id JOIN item i ON i.id = tl.item
       WHERE t.id = ${orderId} AND tl.mainline = 'F' ORDER BY tl.linesequencenumber`,
    );
    expect((res.items as Json[])[0]).toMatchObject({
      itemid: sku,
      quantity: '2',
      rate: '9.99',
      linesequencenumber: '1',
      custbody_amz_channel: 'MFN',
    });
  });

  it('reads on-hand and available quantities by location, with a LEFT JOIN to location', async () => {
    const itemId = seeded.items[sku] as number;
    const res = await h.suiteql(
      `SELECT il.item, l.name, il.quantityonhand, il.quantityavailable, il.quantitycommitted FROM inventoryitemlocations il LEFT JOIN location l ON l.id = il.location WHERE il.item = ${itemId} ORDER BY l.name`,
    );
    const warehouseRow = (res.items as Json[]).find((r) => r.name === 'Main Warehouse') as Json;
    const onHand = h.ns.inspect.onHand(sku, seeded.locations.warehouse);
    expect(warehouseRow).toMatchObject({
      quantityonhand: String(onHand),
      quantitycommitted: '2',
      quantityavailable: String(onHand - 2),
    });

    const aggregate = await h.suiteql(
      `SELECT item, location, quantityonhand FROM aggregateItemLocation WHERE item = ${itemId}`,
    );
    expect(aggregate.totalResults).toBe(res.totalResults);
  });

  it('supports LIKE, IS NULL, <, >, <> and NOT', async () => {
    const like = await h.suiteql(
      "SELECT name FROM location WHERE name LIKE 'Amazon%' ORDER BY name DESC",
    );
    expect((like.items as Json[]).map((r) => r.name)).toEqual([
      'Amazon FBA - Damaged',
      'Amazon FBA',
    ]);

    const isNull = await h.suiteql('SELECT COUNT(*) AS n FROM customer WHERE email IS NULL');
    expect((isNull.items as Json[])[0]?.n).toBe(String(h.ns.inspect.count('customer')));

    const compare = await h.suiteql(
      `SELECT id FROM transaction WHERE foreigntotal > 19.97 AND foreigntotal < 19.99 AND type <> 'CustInvc' AND NOT (id = 0)`,
    );
    expect((compare.items as Json[]).map((r) => r.id)).toEqual([orderId]);
  });

  it('reads string dates in the user format, orders by position and shows type labels', async () => {
    const res = await h.suiteql(
      `SELECT id, BUILTIN.DF(type) AS typename FROM transaction WHERE trandate >= '11/29/2026' AND trandate < '11/30/2026' AND id = ${orderId} ORDER BY 1 DESC`,
    );
    expect(res.items).toEqual([{ links: [], id: orderId, typename: 'Sales Order' }]);

    const iso = await h.call(
      'POST',
      '/query/v1/suiteql',
      { q: "SELECT id FROM transaction WHERE trandate > '2026-11-01'" },
      { Prefer: 'transient' },
    );
    expect(iso.status).toBe(400);
  });

  it('defaults subsidiary and currency from the customer and reads fulfilment status', async () => {
    const res = await h.suiteql(
      `SELECT subsidiary, currency FROM transaction WHERE id = ${orderId}`,
    );
    expect((res.items as Json[])[0]).toMatchObject({
      subsidiary: String(seeded.subsidiary),
      currency: String(seeded.currencies.USD),
    });

    await h.call('POST', `/record/v1/salesOrder/${orderId}/!transform/itemFulfillment`, {
      item: { items: [{ orderLine: 1, quantity: 1 }] },
    });
    const shipped = await h.suiteql(
      `SELECT t.status, BUILTIN.DF(t.status) AS label FROM transaction t WHERE t.type = 'ItemShip' AND t.createdfrom = ${orderId}`,
    );
    expect(shipped.items).toEqual([{ links: [], status: 'C', label: 'Shipped' }]);
  });

  it('sums money exactly', async () => {
    const res = await h.suiteql(
      `SELECT SUM(rate) AS total FROM transactionline WHERE transaction = ${orderId} AND mainline = 'F'`,
    );
    expect((res.items as Json[])[0]?.total).toBe('9.99');
  });

  it('queries custom record tables by script id', async () => {
    await h.create('customrecord_amz_settlement', {
      name: 'S-9',
      externalId: 'settle-9',
      custrecord_amz_total: '10.50',
    });
    const res = await h.suiteql(
      "SELECT id, name, externalid, custrecord_amz_total FROM customrecord_amz_settlement WHERE externalid = 'settle-9'",
    );
    expect((res.items as Json[])[0]).toMatchObject({
      name: 'S-9',
      externalid: 'settle-9',
      custrecord_amz_total: '10.50',
    });
  });

  it('pages with limit/offset, hasMore and links, and enforces the paging rules', async () => {
    const total =
      h.ns.inspect.count('inventoryItem') +
      h.ns.inspect.count('kitItem') +
      h.ns.inspect.count('nonInventorySaleItem');
    const first = await h.suiteql(
      "SELECT id FROM item WHERE itemtype IN ('InvtPart', 'Kit', 'NonInvtPart') ORDER BY id",
      '?limit=10&offset=0',
    );
    expect(first).toMatchObject({ count: 10, hasMore: true, offset: 0, totalResults: total });
    expect((first.links as Json[]).map((l) => l.rel)).toContain('next');

    const last = await h.suiteql(
      "SELECT id FROM item WHERE itemtype IN ('InvtPart', 'Kit', 'NonInvtPart') ORDER BY id",
      `?limit=10&offset=${Math.floor((total - 1) / 10) * 10}`,
    );
    expect(last.hasMore).toBe(false);

    const bad = await h.call(
      'POST',
      '/query/v1/suiteql?limit=10&offset=5',
      { q: 'SELECT id FROM item' },
      { Prefer: 'transient' },
    );
    expect(bad.status).toBe(400);
    expect(
      (
        await h.call(
          'POST',
          '/query/v1/suiteql?limit=1001',
          { q: 'SELECT id FROM item' },
          { Prefer: 'transient' },
        )
      ).status,
    ).toBe(400);
    expect(
      (
        await h.call(
          'POST',
          '/query/v1/suiteql?limit=1000&offset=100000',
          { q: 'SELECT id FROM item' },
          { Prefer: 'transient' },
        )
      ).status,
    ).toBe(400);
  });

  it.each([
    ['an unknown column', 'SELECT nosuchcolumn FROM item', "Unknown identifier 'nosuchcolumn'"],
    ['an unknown table', 'SELECT id FROM vendorbill', "Record 'vendorbill' was not found"],
    ['a LIMIT clause', 'SELECT id FROM item LIMIT 5', 'Invalid or unsupported search'],
    [
      'a WITH clause',
      'WITH x AS (SELECT 1 FROM item) SELECT * FROM x',
      'Invalid or unsupported search',
    ],
    ['an unknown function', 'SELECT DROP_ALL(id) FROM item', 'Function DROP_ALL is not supported'],
    [
      'a subquery',
      'SELECT id FROM item WHERE id IN (SELECT id FROM item)',
      'Invalid or unsupported search',
    ],
    ['an unterminated string', "SELECT id FROM item WHERE itemid = 'x", 'Unterminated string'],
  ])("answers NetSuite's 400 error for %s", async (_name, q, detail) => {
    const res = await h.call('POST', '/query/v1/suiteql', { q }, { Prefer: 'transient' });
    expect(res.status).toBe(400);
    const body = (await res.json()) as Json;
    expect(body['o:errorDetails'][0]['o:errorCode']).toBe('INVALID_PARAMETER');
    expect(body['o:errorDetails'][0].detail).toContain(detail);
  });

  it('requires Prefer: transient and a JSON {q} body', async () => {
    const noPrefer = await h.call('POST', '/query/v1/suiteql', { q: 'SELECT id FROM item' });
    expect(await noPrefer.json()).toMatchObject({
      'o:errorDetails': [{ 'o:errorCode': 'INVALID_HEADER', 'o:errorHeader': 'Prefer' }],
    });

    const rawTab = await h.call('POST', '/query/v1/suiteql', '{"q": "SELECT id\tFROM item"}', {
      Prefer: 'transient',
    });
    expect(await rawTab.json()).toMatchObject({
      'o:errorDetails': [{ 'o:errorCode': 'INVALID_CONTENT' }],
    });
  });

  it('binds literals, so quotes cannot escape the query', async () => {
    const res = await h.suiteql("SELECT id FROM item WHERE itemid = 'x'' OR ''1''=''1'");
    expect(res.totalResults).toBe(0);
  });

  it('queries prices by price level', async () => {
    const res = await h.suiteql(
      `SELECT p.item, BUILTIN.DF(p.pricelevel) AS level, p.unitprice FROM pricing p WHERE p.item = ${seeded.items[sku]}`,
    );
    const base = (res.items as Json[]).find((r) => r.level === 'Base Price');
    expect(base?.unitprice).toBe(h.ns.world.catalog.find((c) => c.sku === sku)?.netsuite.basePrice);
  });
});
