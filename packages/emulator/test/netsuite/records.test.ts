import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DUPLICATE_EXTERNAL_ID } from '../../src/netsuite/errors';
import { startHarness, type Harness } from './helpers';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('records API', () => {
  let h: Harness;
  let customerId: string;
  let itemId: string;
  let subsidiary: string;

  beforeAll(async () => {
    h = await startHarness();
    subsidiary = String(h.ns.inspect.seeded.subsidiary);
    customerId = String(h.ns.inspect.seeded.customers.US);
    itemId = String(Object.values(h.ns.inspect.seeded.items)[0]);
  });
  afterAll(() => h.ns.close());

  it('creates with 204, no body and the new id only in Location', async () => {
    const res = await h.call('POST', '/record/v1/customer', {
      companyName: 'Acme',
      subsidiary: { id: subsidiary },
      externalId: 'cust-acme',
    });
    expect(res.status).toBe(204);
    expect(await res.text()).toBe('');
    expect(res.headers.get('location')).toMatch(
      new RegExp(`^${h.ns.url}/services/rest/record/v1/customer/\\d+$`),
    );
  });

  it('reads references as {links, id, refName} and sublists as link stubs unless expanded', async () => {
    const id = await h.create('salesOrder', {
      entity: { id: customerId },
      item: { items: [{ item: { id: itemId }, quantity: 1, rate: 10 }] },
    });
    const res = await h.call('GET', `/record/v1/salesorder/${id}`);
    expect(res.headers.get('content-type')).toBe(
      'application/vnd.oracle.resource+json; type=singular',
    );
    const order = (await res.json()) as Json;

    expect(order.entity).toEqual({
      links: [{ rel: 'self', href: `${h.ns.url}/services/rest/record/v1/customer/${customerId}` }],
      id: customerId,
      refName: 'Amazon US Customer',
    });
    expect(order.item).toEqual({
      links: [{ rel: 'self', href: `${h.ns.url}/services/rest/record/v1/salesOrder/${id}/item` }],
    });
    expect(order.status).toEqual({ id: 'B', refName: 'Pending Fulfillment' });

    const expanded = await h.json<Json>(
      'GET',
      `/record/v1/salesOrder/${id}?expandSubResources=true`,
    );
    expect(expanded.item.totalResults).toBe(1);
    expect(expanded.item.items[0]).toMatchObject({
      line: 1,
      quantity: 1,
      rate: 10,
      amount: 10,
      item: { id: itemId },
    });

    const lines = await h.json<Json>('GET', `/record/v1/salesOrder/${id}/item`);
    expect(lines.items[0].line).toBe(1);
    const line = await h.json<Json>('GET', `/record/v1/salesOrder/${id}/item/1`);
    expect(line.quantity).toBe(1);
  });

  it('returns only the requested fields', async () => {
    const body = await h.json<Json>('GET', `/record/v1/customer/${customerId}?fields=companyName`);
    expect(Object.keys(body).sort()).toEqual(['companyName', 'id', 'links']);
  });

  it('merges PATCH bodies and keyed sublist lines; replace= drops unsent lines', async () => {
    const lines = [1, 2, 3].map((q) => ({ item: { id: itemId }, quantity: q, rate: '5.00' }));
    const id = await h.create('salesOrder', {
      entity: { id: customerId },
      memo: 'a',
      item: { items: lines },
    });

    expect(
      (
        await h.call('PATCH', `/record/v1/salesOrder/${id}`, {
          memo: 'b',
          item: {
            items: [
              { line: 2, quantity: 20 },
              { item: { id: itemId }, quantity: 4, rate: 5 },
            ],
          },
        })
      ).status,
    ).toBe(204);
    let order = await h.json<Json>('GET', `/record/v1/salesOrder/${id}?expandSubResources=true`);
    expect(order.memo).toBe('b');
    expect(order.item.items.map((l: Json) => [l.line, l.quantity])).toEqual([
      [1, 1],
      [2, 20],
      [3, 3],
      [4, 4],
    ]);

    await h.call('PATCH', `/record/v1/salesOrder/${id}?replace=item`, {
      item: { items: [{ line: 2 }, { line: 4, quantity: 8 }] },
    });
    order = await h.json<Json>('GET', `/record/v1/salesOrder/${id}?expandSubResources=true`);
    expect(order.item.items.map((l: Json) => [l.line, l.quantity])).toEqual([
      [2, 20],
      [4, 8],
    ]);
    expect(order.total).toBe(140);
  });

  it('upserts with PUT eid:, reads by eid:, and refuses PUT with an internal id', async () => {
    expect(
      (await h.call('PUT', '/record/v1/department/eid:dept-ops', { name: 'Ops' })).status,
    ).toBe(204);
    expect(
      (await h.call('PUT', '/record/v1/department/eid:dept-ops', { name: 'Operations' })).status,
    ).toBe(204);
    expect(h.ns.inspect.count('department', 'dept-ops')).toBe(1);

    const read = await h.json<Json>('GET', '/record/v1/department/eid:dept-ops');
    expect(read).toMatchObject({ name: 'Operations', externalId: 'dept-ops' });

    const put = await h.call('PUT', `/record/v1/department/${read.id as string}`, { name: 'x' });
    expect(put.status).toBe(400);
  });

  it('refuses a duplicate externalId on POST with a body naming it', async () => {
    await h.create('department', { name: 'Sales', externalId: 'dept-sales' });
    const res = await h.call('POST', '/record/v1/department', {
      name: 'Sales again',
      externalId: 'dept-sales',
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as Json;
    expect(body['o:errorDetails'][0]['o:errorCode']).toBe(DUPLICATE_EXTERNAL_ID.code);
    expect(body['o:errorDetails'][0].detail).toContain('dept-sales');
  });

  it('allows the same externalId on another record type', async () => {
    await h.create('classification', { name: 'Sales', externalId: 'dept-sales' });
  });

  it('reports missing required fields with USER_ERROR and the path', async () => {
    const res = await h.call('POST', '/record/v1/salesOrder', {
      item: { items: [{ item: { id: itemId } }] },
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      'o:errorDetails': [
        {
          'o:errorCode': 'USER_ERROR',
          'o:errorPath': 'entity',
          detail: 'Please enter value(s) for: Customer',
        },
      ],
    });
  });

  it('reports invalid references with INVALID_FLD_VALUE / RCRD_DSNT_EXIST and the path', async () => {
    const bad = await h.call('POST', '/record/v1/salesOrder', {
      entity: { id: customerId },
      item: { items: [{ item: { id: '9999999' } }] },
    });
    expect(await bad.json()).toMatchObject({
      status: 400,
      'o:errorDetails': [
        {
          'o:errorCode': 'INVALID_FLD_VALUE',
          'o:errorPath': 'item.items[0].item',
          detail: expect.stringContaining('Invalid Field Value 9999999'),
        },
      ],
    });

    const wrongType = await h.call('POST', '/record/v1/salesOrder', { entity: { id: itemId } });
    expect(await wrongType.json()).toMatchObject({
      'o:errorDetails': [{ 'o:errorPath': 'entity' }],
    });

    const byEid = await h.call('POST', '/record/v1/salesOrder', {
      entity: { externalId: 'nobody' },
    });
    expect(await byEid.json()).toMatchObject({
      'o:errorDetails': [{ 'o:errorCode': 'RCRD_DSNT_EXIST', 'o:errorPath': 'entity' }],
    });
  });

  it('resolves references by externalId', async () => {
    const id = await h.create('salesOrder', {
      entity: { externalId: 'amazon-default-US' },
      item: { items: [{ item: { id: itemId }, quantity: 1 }] },
    });
    const order = await h.json<Json>('GET', `/record/v1/salesOrder/${id}`);
    expect(order.entity.id).toBe(customerId);
  });

  it('answers 404 for a missing id or eid and 400 for a trailing slash or bad JSON', async () => {
    expect((await h.call('GET', '/record/v1/customer/987654')).status).toBe(404);
    expect((await h.call('GET', '/record/v1/customer/eid:nope')).status).toBe(404);
    expect((await h.call('GET', '/record/v1/customer/')).status).toBe(400);
    const badJson = await h.call('POST', '/record/v1/customer', '{"companyName": "x",');
    expect(await badJson.json()).toMatchObject({
      'o:errorDetails': [{ 'o:errorCode': 'INVALID_CONTENT' }],
    });
  });

  it('deletes records', async () => {
    const id = await h.create('department', { name: 'Temp' });
    expect((await h.call('DELETE', `/record/v1/department/${id}`)).status).toBe(204);
    expect((await h.call('GET', `/record/v1/department/${id}`)).status).toBe(404);
  });

  it('lists ids only with limit/offset rules', async () => {
    const page = await h.json<Json>('GET', '/record/v1/inventoryItem?limit=5&offset=5');
    expect(page).toMatchObject({ count: 5, offset: 5, hasMore: true });
    expect(Object.keys(page.items[0]).sort()).toEqual(['id', 'links']);
    expect(page.totalResults).toBe(h.ns.inspect.count('inventoryItem'));
    expect(page.links.map((l: Json) => l.rel)).toEqual(['self', 'first', 'prev', 'next', 'last']);

    const bad = await h.call('GET', '/record/v1/inventoryItem?limit=5&offset=7');
    expect(await bad.json()).toMatchObject({
      'o:errorDetails': [{ 'o:errorCode': 'INVALID_PARAMETER' }],
    });
    expect((await h.call('GET', '/record/v1/inventoryItem?limit=1001')).status).toBe(400);
  });

  it('filters lists with q (operators, AND/OR, parentheses, dates in the user format)', async () => {
    const list = async (q: string): Promise<Json> => {
      const res = await h.call('GET', `/record/v1/customer?q=${encodeURIComponent(q)}`);
      return (await res.json()) as Json;
    };
    const ids = (page: Json): string[] => (page.items as Json[]).map((item) => item.id as string);

    expect(ids(await list('externalId IS "amazon-default-US"'))).toEqual([customerId]);
    expect(ids(await list('companyName START_WITH "Amazon" AND isPerson IS false'))).toEqual([
      customerId,
    ]);
    const either = await list(
      '(externalId IS "cust-acme" OR externalId IS "amazon-default-US") AND companyName CONTAIN_NOT "zzz"',
    );
    expect(either.totalResults).toBe(2);
    expect((await list('lastModifiedDate ON_OR_AFTER "1/1/2020"')).totalResults).toBe(
      h.ns.inspect.count('customer'),
    );
    expect((await list(`id ANY_OF [${customerId}, 999999]`)).totalResults).toBe(1);

    const isoDate = await list('lastModifiedDate AFTER "2022-12-31"');
    expect(isoDate).toMatchObject({
      status: 400,
      'o:errorDetails': [{ 'o:errorCode': 'INVALID_PARAMETER' }],
    });
    expect(isoDate['o:errorDetails'][0].detail).toContain('Parse of date/time "2022-12-31" failed');
    expect((await list('companyName LOOKS_LIKE "x"')).status).toBe(400);
  });

  it('stores custom records by script id and custbody fields on transactions', async () => {
    const id = await h.create('customrecord_amz_settlement', {
      name: 'S-1',
      externalId: 'settle-1',
      custrecord_amz_total: '125.50',
      custrecord_amz_period: '2026-11',
    });
    const record = await h.json<Json>('GET', `/record/v1/customrecord_amz_settlement/${id}`);
    expect(record).toMatchObject({ name: 'S-1', custrecord_amz_total: '125.50' });
    expect(
      (
        await h.call('POST', '/record/v1/customrecord_amz_settlement', {
          name: 'dup',
          externalId: 'settle-1',
        })
      ).status,
    ).toBe(400);

    const so = await h.create('salesOrder', {
      entity: { id: customerId },
      custbody_amz_order_id: '111-2222222-3333333',
      item: { items: [{ item: { id: itemId } }] },
    });
    expect((await h.json<Json>('GET', `/record/v1/salesOrder/${so}`)).custbody_amz_order_id).toBe(
      '111-2222222-3333333',
    );
    expect((await h.call('GET', '/record/v1/customrecordbad-name')).status).toBe(404);
  });
});
