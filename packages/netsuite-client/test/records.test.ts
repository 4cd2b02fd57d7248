import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRecordsApi } from '../src/records/records';
import {
  BASE_URL,
  RECORD,
  createTestClient,
  netsuite,
  parseOAuthHeader,
  setUpNock,
  tearDownNock,
} from './helpers';

const LOCATION = (type: string, id: string) => `${BASE_URL}${RECORD}/${type}/${id}`;

describe(createRecordsApi.name, () => {
  beforeEach(setUpNock);
  afterEach(tearDownNock);

  it('gets a record with fields and expandSubResources, signed with the upper-case realm', async () => {
    const { client, events, logger } = createTestClient();
    let authorization = '';
    const scope = netsuite()
      .get(`${RECORD}/salesOrder/42`)
      .query({ fields: 'tranId,item', expandSubResources: 'true' })
      .reply(function reply() {
        authorization = String(this.req.headers.authorization);
        return [
          200,
          { id: '42', tranId: 'SO-1', item: { items: [{ line: 1, quantity: 2, amount: 19.99 }] } },
        ];
      });

    const order = await client.records.get('salesOrder', '42', {
      fields: ['tranId', 'item'],
      expandSubResources: true,
    });

    scope.done();
    expect(order.tranId).toBe('SO-1');
    expect(order.item?.items?.[0]?.amount).toBe('19.99');
    expect(parseOAuthHeader(authorization).realm).toBe('1234567_SB1');
    expect(events).toMatchObject([
      { recordType: 'salesOrder', method: 'GET', status: 200, attempt: 1 },
    ]);
    expect(events[0]?.durationMs).toBeGreaterThanOrEqual(0);
    expect(logger.calls).toEqual([
      {
        level: 'info',
        message: 'netsuite request',
        context: expect.objectContaining({
          recordType: 'salesOrder',
          method: 'GET',
          status: 200,
          durationMs: expect.any(Number),
        }),
      },
    ]);
  });

  it('creates a record and reads the id from the 204 Location header', async () => {
    const { client } = createTestClient();
    const scope = netsuite()
      .post(`${RECORD}/customer`, { companyName: 'Acme', externalId: 'amzn-cust-1' })
      .reply(204, '', { location: LOCATION('customer', '1001') });

    const created = await client.records.create('customer', {
      companyName: 'Acme',
      externalId: 'amzn-cust-1',
    });

    scope.done();
    expect(created).toEqual({ id: '1001', location: LOCATION('customer', '1001'), attempts: 1 });
  });

  it('replaces sublists on update with PATCH ?replace=', async () => {
    const { client } = createTestClient();
    const body = { item: { items: [{ line: 1, quantity: 3 }] } };
    const scope = netsuite()
      .patch(`${RECORD}/salesOrder/42`, body)
      .query({ replace: 'item,package' })
      .reply(204);

    await client.records.update('salesOrder', '42', body, { replace: ['item', 'package'] });

    scope.done();
  });

  it('upserts by external id with PUT eid:', async () => {
    const { client } = createTestClient();
    const scope = netsuite()
      .put(`${RECORD}/customer/eid:amzn-cust-1`, { companyName: 'Acme' })
      .reply(204, '', { location: LOCATION('customer', '1001') });

    expect(
      (await client.records.upsert('customer', 'amzn-cust-1', { companyName: 'Acme' })).id,
    ).toBe('1001');
    scope.done();
  });

  it('gets by external id, encoding characters outside the URL-safe set exactly once', async () => {
    const { client } = createTestClient();
    const scope = netsuite()
      .get(`${RECORD}/salesOrder/eid:amzn%20so%2F1`)
      .reply(200, { id: '7', externalId: 'amzn so/1' });

    expect((await client.records.getByExternalId('salesOrder', 'amzn so/1')).id).toBe('7');
    scope.done();
  });

  it('deletes a record', async () => {
    const { client } = createTestClient();
    const scope = netsuite().delete(`${RECORD}/customer/1001`).reply(204);

    await client.records.delete('customer', '1001');
    scope.done();
  });

  it('lists ids while hasMore, with offsets that are multiples of the limit', async () => {
    const { client } = createTestClient();
    const page = (ids: string[], hasMore: boolean, offset: number) => ({
      items: ids.map((id) => ({ id, links: [] })),
      hasMore,
      count: ids.length,
      offset,
      totalResults: 5,
    });
    const scope = netsuite()
      .get(`${RECORD}/customer`)
      .query({ q: 'email START_WITH "a"', limit: '2', offset: '0' })
      .reply(200, page(['1', '2'], true, 0))
      .get(`${RECORD}/customer`)
      .query({ q: 'email START_WITH "a"', limit: '2', offset: '2' })
      .reply(200, page(['3', '4'], true, 2))
      .get(`${RECORD}/customer`)
      .query({ q: 'email START_WITH "a"', limit: '2', offset: '4' })
      .reply(200, page(['5'], false, 4));

    const ids: string[] = [];
    for await (const record of client.records.list('customer', {
      q: 'email START_WITH "a"',
      limit: 2,
    }))
      ids.push(record.id);

    scope.done();
    expect(ids).toEqual(['1', '2', '3', '4', '5']);
  });

  it('transforms a sales order into an item fulfillment (!transform, signed with %21)', async () => {
    const { client } = createTestClient();
    const body = {
      shipStatus: { id: 'C' },
      item: {
        items: [
          { orderLine: 1, quantity: 1 },
          { orderLine: 4, itemReceive: false },
        ],
      },
    };
    const scope = netsuite()
      .post(`${RECORD}/salesOrder/42/!transform/itemFulfillment`, body)
      .reply(204, '', { location: LOCATION('itemFulfillment', '77') });

    expect((await client.records.transform('salesOrder', '42', 'itemFulfillment', body)).id).toBe(
      '77',
    );
    scope.done();
  });

  it('rejects a malformed record type or id before sending anything', async () => {
    const { client } = createTestClient();

    await expect(client.records.get('sales/order', '1')).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      errorPath: 'recordType',
    });
    await expect(client.records.get('salesOrder', '1 OR 1=1')).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      errorPath: 'id',
    });
  });
});
