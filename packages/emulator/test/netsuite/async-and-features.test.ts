import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './helpers';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const ref = (id: number | string): { id: string } => ({ id: String(id) });

describe('asynchronous requests (Prefer: respond-async)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.ns.close());

  it('answers 202 with a job whose task result is the synchronous response', async () => {
    const headers = {
      Prefer: 'respond-async',
      'X-NetSuite-Idempotency-Key': 'a7c4d6c2-0000-4000-8000-000000000001',
    };
    const res = await h.call(
      'POST',
      '/record/v1/department',
      { name: 'Async', externalId: 'dept-async' },
      headers,
    );
    expect(res.status).toBe(202);
    expect(res.headers.get('preference-applied')).toBe('respond-async');
    const jobUrl = res.headers.get('location') as string;
    const jobPath = new URL(jobUrl).pathname.replace('/services/rest', '');

    expect(await h.json('GET', jobPath)).toMatchObject({ completed: true, progress: 'succeeded' });
    const tasks = await h.json<Json>('GET', `${jobPath}/task`);
    const taskPath = new URL(tasks.items[0].links[0].href as string).pathname.replace(
      '/services/rest',
      '',
    );
    expect(await h.json('GET', taskPath)).toMatchObject({ completed: true, progress: 'succeeded' });

    const result = await h.call('GET', `${taskPath}/result`);
    expect(result.status).toBe(204);
    expect(result.headers.get('location')).toMatch(/\/record\/v1\/department\/\d+$/);
    expect(h.ns.inspect.count('department', 'dept-async')).toBe(1);

    const replay = await h.call('POST', '/record/v1/department', { name: 'Again' }, headers);
    expect(replay.status).toBe(400);
    expect(replay.headers.get('location')).toBe(jobUrl);
    expect(await replay.json()).toMatchObject({
      'o:errorDetails': [{ 'o:errorCode': 'IDEMPOTENCY_ERROR' }],
    });
  });

  it('keeps a failed job result as the error response', async () => {
    const res = await h.call('POST', '/record/v1/salesOrder', {}, { Prefer: 'respond-async' });
    const jobPath = new URL(res.headers.get('location') as string).pathname.replace(
      '/services/rest',
      '',
    );
    const result = await h.call('GET', `${jobPath}/task/${jobPath.split('/').pop()}/result`);
    expect(result.status).toBe(400);
  });

  it('reports the account concurrency limit', async () => {
    expect(await h.json('GET', '/system/v1/governanceLimits')).toMatchObject({
      accountConcurrencyLimit: 5,
    });
  });

  it('refuses to delete an order with fulfilments and unsupported transforms', async () => {
    const { seeded } = h.ns.inspect;
    const sku = h.ns.world.catalog.find(
      (c) => c.inNetSuite && c.kind === 'inventory' && c.netsuite.warehouseQty > 0,
    )?.sku as string;
    const id = await h.create('salesOrder', {
      entity: ref(seeded.customers.US as number),
      location: ref(seeded.locations.warehouse),
      item: { items: [{ item: ref(seeded.items[sku] as number), quantity: 1 }] },
    });
    await h.call('POST', `/record/v1/salesOrder/${id}/!transform/itemFulfillment`);
    expect((await h.call('DELETE', `/record/v1/salesOrder/${id}`)).status).toBe(400);
    expect(
      (await h.call('POST', `/record/v1/salesOrder/${id}/!transform/customerRefund`)).status,
    ).toBe(400);
    expect((await h.json<Json>('GET', `/record/v1/salesOrder/${id}`)).tranDate).toMatch(
      /^\d{4}-\d{2}-\d{2}$/,
    );
  });
});

describe('account features', () => {
  it('without Advanced Shipping, billing a sales order fulfils it and moves stock', async () => {
    const h = await startHarness({ features: { advancedShipping: false } });
    try {
      const { seeded } = h.ns.inspect;
      const sku = h.ns.world.catalog.find(
        (c) => c.inNetSuite && c.kind === 'inventory' && c.netsuite.fbaQty > 0,
      )?.sku as string;
      const before = h.ns.inspect.onHand(sku, seeded.locations.fba);
      const id = await h.create('salesOrder', {
        entity: ref(seeded.customers.US as number),
        location: ref(seeded.locations.fba),
        item: { items: [{ item: ref(seeded.items[sku] as number), quantity: 1, rate: '3.00' }] },
      });

      expect((await h.call('POST', `/record/v1/salesOrder/${id}/!transform/cashSale`)).status).toBe(
        204,
      );
      expect(h.ns.inspect.onHand(sku, seeded.locations.fba)).toBe(before - 1);
      expect((await h.json<Json>('GET', `/record/v1/salesOrder/${id}`)).status.id).toBe('G');
    } finally {
      await h.ns.close();
    }
  });

  it('with Advanced Shipping (default), an unfulfilled order has nothing to bill', async () => {
    const h = await startHarness();
    try {
      const { seeded } = h.ns.inspect;
      const sku = h.ns.world.catalog.find((c) => c.inNetSuite && c.kind === 'inventory')
        ?.sku as string;
      const id = await h.create('salesOrder', {
        entity: ref(seeded.customers.US as number),
        item: { items: [{ item: ref(seeded.items[sku] as number), quantity: 1 }] },
      });
      const res = await h.call('POST', `/record/v1/salesOrder/${id}/!transform/invoice`);
      expect(await res.json()).toMatchObject({
        'o:errorDetails': [{ 'o:errorCode': 'VALID_LINE_ITEM_REQD' }],
      });
    } finally {
      await h.ns.close();
    }
  });
});
