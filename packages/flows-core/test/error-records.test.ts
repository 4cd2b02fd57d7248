import { describe, expect, it } from 'vitest';
import { ErrorRecordError, createMemoryStore, purgeTime } from '../src/index';
import { TEST_KEY, orders, testIntegration, type TestOrder } from './helpers';

const PII = {
  buyerName: 'Jane Buyer',
  shippingAddress: { city: 'Seattle', addressLine1: '410 Terry Ave N' },
};

function failingFirst(data: TestOrder[]): TestOrder[] {
  return data.map((order, index) => (index === 0 ? { ...order, ...PII, fail: true } : order));
}

describe('error records', () => {
  it('seals buyer personal data at rest and masks it when shown', async () => {
    const store = createMemoryStore();
    const { integration } = testIntegration(failingFirst(orders(2)), {
      store,
      encryptionKey: TEST_KEY,
    });

    await integration.run('orders');
    const [listed] = await integration.errors.list();
    const stored = await store.getError('acme-test', listed!.id);
    const shown = await integration.errors.show(listed!.id);

    expect(JSON.stringify(stored)).not.toMatch(/Jane|Seattle|Terry/);
    expect(stored?.input).toMatchObject({
      orderId: 'order-1',
      buyerName: '[PII]',
      shippingAddress: '[PII]',
    });
    expect(stored?.sealedPii).toMatch(/^v1:/);
    expect(stored?.error.message).toBe('cannot map order order-1 for [PII]');
    expect(listed?.sealedPii).toBe('[sealed]');
    expect(shown.input).toMatchObject({
      buyerName: 'J***',
      shippingAddress: { city: 'S***', addressLine1: '4***' },
    });

    const revealed = await integration.errors.show(listed!.id, { reveal: true });

    expect(JSON.stringify(revealed.input)).toMatch(/Jane/);
    expect(JSON.stringify(revealed.input)).toMatch(/Seattle/);
    expect(revealed.sealedPii).toBeNull();
  });

  it('refuses to keep personal data without a key, so such a record needs load() to retry', async () => {
    const { integration } = testIntegration(failingFirst(orders(1)));

    await integration.run('orders');
    const [record] = await integration.errors.list();

    expect(record).toMatchObject({ piiDropped: true, sealedPii: null });
    expect(JSON.stringify(record)).not.toMatch(/Jane|Seattle/);

    const retry = await integration.retryErrors('orders');
    expect(retry).toMatchObject({ read: 1, failed: 1, created: 0 });
    expect((await integration.errors.list())[0]?.status).toBe('open');
  });

  it('retries only the failed records and resolves them, with personal data restored', async () => {
    const broken = new Set(['order-1', 'order-3']);
    const seen: string[] = [];
    const data = orders(4).map((order) => ({ ...order, ...PII }));
    const { integration, netsuite } = testIntegration(data, {
      encryptionKey: TEST_KEY,
      onHandle: (order) => {
        seen.push(`${order.orderId}:${order.buyerName}:${order.shippingAddress?.city}`);
        if (broken.has(order.orderId)) throw new Error(`NetSuite rejected ${order.orderId}`);
      },
    });
    await integration.run('orders');
    expect(netsuite.records.size).toBe(2);

    broken.delete('order-1');
    seen.length = 0;
    const summary = await integration.retryErrors('orders');

    expect(summary).toMatchObject({
      trigger: 'retry',
      status: 'completed',
      read: 2,
      created: 1,
      failed: 1,
    });
    expect(seen.sort()).toEqual(['order-1:Jane Buyer:Seattle', 'order-3:Jane Buyer:Seattle']);
    expect(netsuite.records.size).toBe(3);
    expect((await integration.errors.list({ status: 'resolved' })).map((e) => e.traceKey)).toEqual([
      'order-1',
    ]);
    expect((await integration.errors.list({ status: 'open' }))[0]).toMatchObject({
      traceKey: 'order-3',
      attempts: 2,
    });
  });

  it('resolves an open record when the same trace key later succeeds in a normal run', async () => {
    const data = failingFirst(orders(2));
    const { integration, store } = testIntegration(data, { encryptionKey: TEST_KEY });
    await integration.run('orders');

    data[0]!.fail = false;
    await store.saveCheckpoint('acme-test', 'orders', 0, '2026-01-01T00:00:00.000Z');
    await integration.run('orders');

    expect(await integration.errors.list({ status: 'open' })).toEqual([]);
    expect((await integration.errors.list({ status: 'resolved' }))[0]).toMatchObject({
      traceKey: 'order-1',
      resolution: 'succeeded',
    });
  });

  it('resolves by hand and rejects unknown ids', async () => {
    const { integration } = testIntegration(failingFirst(orders(1)), { encryptionKey: TEST_KEY });
    await integration.run('orders');
    const [record] = await integration.errors.list();

    await integration.errors.resolve(record!.id, 'fixed in NetSuite');

    expect((await integration.errors.list())[0]).toMatchObject({
      status: 'resolved',
      resolution: 'fixed in NetSuite',
    });
    await expect(integration.errors.show('err_missing')).rejects.toBeInstanceOf(ErrorRecordError);
  });

  it('purges sealed data at the earlier of retention and delivery + 30 days', async () => {
    const day = 86_400_000;
    const created = Date.parse('2026-01-01T00:00:00Z');

    expect(purgeTime(created, 30 * day, undefined)).toBe('2026-01-31T00:00:00.000Z');
    expect(purgeTime(created, 30 * day, '2025-12-20T00:00:00Z')).toBe('2026-01-19T00:00:00.000Z');
    expect(purgeTime(created, 7 * day, '2025-12-20T00:00:00Z')).toBe('2026-01-08T00:00:00.000Z');

    let nowMs = created;
    const data = failingFirst(orders(1, () => ({ deliveredAt: '2025-12-20T00:00:00Z' })));
    const { integration } = testIntegration(data, {
      encryptionKey: TEST_KEY,
      clock: { now: () => nowMs },
    });
    await integration.run('orders');
    const [record] = await integration.errors.list();
    expect(record?.purgeAt).toBe('2026-01-19T00:00:00.000Z');

    nowMs = Date.parse('2026-01-19T00:00:00Z');
    expect(await integration.errors.purge()).toBe(1);
    expect((await integration.errors.list())[0]).toMatchObject({ sealedPii: null, status: 'open' });
    await expect(integration.errors.retry(record!.id)).resolves.toMatchObject({ failed: 1 });
  });

  it('records a failure whose input holds a BigInt', async () => {
    const data = orders(1, () => ({ fail: true, quantity: 3n }) as never);
    const { integration } = testIntegration(data);

    await integration.run('orders');

    expect((await integration.errors.list())[0]?.input).toMatchObject({ quantity: '3' });
  });
});
