import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './helpers';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('transactions that behave', () => {
  let h: Harness;
  let seeded: Harness['ns']['inspect']['seeded'];
  let sku1: string;
  let sku2: string;
  const ref = (id: number | string): { id: string } => ({ id: String(id) });

  beforeAll(async () => {
    h = await startHarness();
    seeded = h.ns.inspect.seeded;
    const stocked = h.ns.world.catalog.filter(
      (c) => c.inNetSuite && c.kind === 'inventory' && c.netsuite.warehouseQty >= 10,
    );
    sku1 = stocked[0]?.sku as string;
    sku2 = stocked[1]?.sku as string;
  });
  afterAll(() => h.ns.close());

  const status = async (type: string, id: string): Promise<string> =>
    (await h.json<Json>('GET', `/record/v1/${type}/${id}`)).status.id as string;
  const warehouse = (): { id: string } => ref(seeded.locations.warehouse);

  async function order(
    lines: Array<{ sku: string; quantity: number; rate: string }>,
    extra: Json = {},
  ): Promise<string> {
    return h.create('salesOrder', {
      entity: ref(seeded.customers.US as number),
      location: warehouse(),
      item: {
        items: lines.map((l) => ({
          item: ref(seeded.items[l.sku] as number),
          quantity: l.quantity,
          rate: l.rate,
        })),
      },
      ...extra,
    });
  }

  it('computes totals from lines, tax and shipping in exact cents', async () => {
    const id = await order(
      [
        { sku: sku1, quantity: 3, rate: '19.99' },
        { sku: sku2, quantity: 1, rate: '0.10' },
      ],
      { shippingCost: 4.99 },
    );
    await h.call('PATCH', `/record/v1/salesOrder/${id}`, {
      item: { items: [{ line: 2, taxCode: ref(seeded.taxItems.salesTax) }] },
    });
    const so = await h.json<Json>('GET', `/record/v1/salesOrder/${id}`);
    // 59.97 + 0.10 = 60.07; tax 8.25 % of 0.10 = 0.01 (rounded); + 4.99 shipping.
    expect(so).toMatchObject({ subtotal: 60.07, taxTotal: 0.01, shippingCost: 4.99, total: 65.07 });
  });

  it('moves a sales order through fulfilment and billing statuses and inventory', async () => {
    const before1 = h.ns.inspect.onHand(sku1, seeded.locations.warehouse);
    const id = await order([
      { sku: sku1, quantity: 3, rate: '10.00' },
      { sku: sku2, quantity: 2, rate: '5.00' },
    ]);
    expect(await status('salesOrder', id)).toBe('B');

    const partial = await h.call('POST', `/record/v1/salesorder/${id}/!transform/itemfulfillment`, {
      item: {
        items: [
          { orderLine: 1, quantity: 1 },
          { orderLine: 2, itemReceive: false },
        ],
      },
    });
    expect(partial.status).toBe(204);
    const fulfilmentId = (partial.headers.get('location') ?? '').split('/').pop() as string;
    expect(partial.headers.get('location')).toContain('/record/v1/itemFulfillment/');
    expect(await status('salesOrder', id)).toBe('E');
    expect(h.ns.inspect.onHand(sku1, seeded.locations.warehouse)).toBe(before1 - 1);

    const fulfilment = await h.json<Json>(
      'GET',
      `/record/v1/itemFulfillment/${fulfilmentId}?expandSubResources=true`,
    );
    expect(fulfilment.item.items).toHaveLength(1);
    expect(fulfilment).toMatchObject({
      createdFrom: { id },
      shipStatus: { id: 'C' },
      entity: { id: String(seeded.customers.US) },
    });

    // Bill what was fulfilled: Advanced Shipping bills fulfilled quantities only.
    expect((await h.call('POST', `/record/v1/salesOrder/${id}/!transform/invoice`)).status).toBe(
      204,
    );
    expect(await status('salesOrder', id)).toBe('D');

    await h.call('POST', `/record/v1/salesOrder/${id}/!transform/itemFulfillment`);
    expect(await status('salesOrder', id)).toBe('F');
    const so = await h.json<Json>('GET', `/record/v1/salesOrder/${id}?expandSubResources=true`);
    expect(so.item.items.map((l: Json) => [l.quantityFulfilled, l.quantityBilled])).toEqual([
      [3, 1],
      [2, 0],
    ]);

    await h.call('POST', `/record/v1/salesOrder/${id}/!transform/cashSale`);
    expect(await status('salesOrder', id)).toBe('G');

    const nothingLeft = await h.call(
      'POST',
      `/record/v1/salesOrder/${id}/!transform/itemFulfillment`,
    );
    expect(nothingLeft.status).toBe(400);
    expect(await nothingLeft.json()).toMatchObject({
      'o:errorDetails': [{ 'o:errorCode': 'VALID_LINE_ITEM_REQD' }],
    });
  });

  it('refuses to fulfil more than remains, with the error path', async () => {
    const id = await order([{ sku: sku1, quantity: 1, rate: '1.00' }]);
    const res = await h.call('POST', `/record/v1/salesOrder/${id}/!transform/itemFulfillment`, {
      item: { items: [{ orderLine: 1, quantity: 2 }] },
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      'o:errorDetails': [{ 'o:errorPath': 'item.items[0].quantity' }],
    });
  });

  it('closes an order when every line is closed', async () => {
    const id = await order([
      { sku: sku1, quantity: 1, rate: '1.00' },
      { sku: sku2, quantity: 1, rate: '1.00' },
    ]);
    await h.call('PATCH', `/record/v1/salesOrder/${id}`, {
      item: { items: [{ line: 1, isClosed: true }] },
    });
    expect(await status('salesOrder', id)).toBe('B');
    await h.call('PATCH', `/record/v1/salesOrder/${id}`, {
      item: { items: [{ line: 2, isClosed: true }] },
    });
    expect(await status('salesOrder', id)).toBe('H');
    expect(
      (await h.call('POST', `/record/v1/salesOrder/${id}/!transform/itemFulfillment`)).status,
    ).toBe(400);
  });

  it('fulfils kits by moving their member items', async () => {
    const kit = h.ns.world.catalog.find((c) => c.kind === 'kit' && c.inNetSuite);
    if (kit === undefined) throw new Error('world has no kit');
    const member = kit.components?.[0] as { sku: string; quantity: number };
    const before = h.ns.inspect.onHand(member.sku, seeded.locations.warehouse);

    const committed = (): number =>
      h.ns.inspect.inventory({ item: member.sku, locationId: seeded.locations.warehouse })[0]
        ?.committed ?? -1;
    const committedBefore = committed();

    const id = await order([{ sku: kit.sku, quantity: 2, rate: '30.00' }]);
    expect(committed()).toBe(committedBefore + 2 * member.quantity);
    expect(
      (await h.call('POST', `/record/v1/salesOrder/${id}/!transform/itemFulfillment`)).status,
    ).toBe(204);
    expect(h.ns.inspect.onHand(member.sku, seeded.locations.warehouse)).toBe(
      before - 2 * member.quantity,
    );
    expect(committed()).toBe(committedBefore);
  });

  it('applies payments to invoices and closes them; credit memo then refund', async () => {
    const id = await h.create('invoice', {
      entity: ref(seeded.customers.US as number),
      item: { items: [{ item: ref(seeded.items[sku1] as number), quantity: 2, rate: '12.50' }] },
    });
    expect(await h.json<Json>('GET', `/record/v1/invoice/${id}`)).toMatchObject({
      total: 25,
      amountRemaining: 25,
      status: { id: 'A', refName: 'Open' },
    });

    const payment = await h.create('customerPayment', {
      customer: ref(seeded.customers.US as number),
      payment: 10,
      apply: { items: [{ doc: ref(id), apply: true, amount: 10 }] },
    });
    expect(await h.json<Json>('GET', `/record/v1/invoice/${id}`)).toMatchObject({
      amountRemaining: 15,
      status: { id: 'A' },
    });

    const overpay = await h.call('POST', '/record/v1/customerPayment', {
      customer: ref(seeded.customers.US as number),
      apply: { items: [{ doc: ref(id), amount: 16 }] },
    });
    expect(overpay.status).toBe(400);

    expect(
      (await h.call('POST', `/record/v1/invoice/${id}/!transform/customerPayment`)).status,
    ).toBe(204);
    expect(await h.json<Json>('GET', `/record/v1/invoice/${id}`)).toMatchObject({
      amountRemaining: 0,
      amountPaid: 25,
      status: { id: 'B', refName: 'Paid In Full' },
    });

    // Deleting the first payment reopens the invoice.

    expect((await h.call('DELETE', `/record/v1/customerPayment/${payment}`)).status).toBe(204);
    expect(await h.json<Json>('GET', `/record/v1/invoice/${id}`)).toMatchObject({
      amountRemaining: 10,
      status: { id: 'A' },
    });
    await h.call('POST', `/record/v1/invoice/${id}/!transform/customerPayment`);

    const credit = (await h.call('POST', `/record/v1/invoice/${id}/!transform/creditMemo`)).headers
      .get('location')
      ?.split('/')
      .pop() as string;
    expect(await h.json<Json>('GET', `/record/v1/creditMemo/${credit}`)).toMatchObject({
      total: 25,
      unapplied: 25,
      createdFrom: { id },
    });

    const refundRes = await h.call(
      'POST',
      `/record/v1/creditMemo/${credit}/!transform/customerRefund`,
    );
    expect(refundRes.status).toBe(204);
    const refund = refundRes.headers.get('location')?.split('/').pop() as string;
    expect(await h.json<Json>('GET', `/record/v1/customerRefund/${refund}`)).toMatchObject({
      total: 25,
    });
    expect(await h.json<Json>('GET', `/record/v1/creditMemo/${credit}`)).toMatchObject({
      unapplied: 0,
      status: { id: 'B' },
    });
  });

  it('receives returns into stock (returnAuthorization → itemReceipt)', async () => {
    const before = h.ns.inspect.onHand(sku2, seeded.locations.warehouse);
    const rma = await h.create('returnAuthorization', {
      entity: ref(seeded.customers.US as number),
      location: warehouse(),
      item: { items: [{ item: ref(seeded.items[sku2] as number), quantity: 2, rate: '5.00' }] },
    });
    expect(await status('returnAuthorization', rma)).toBe('B');
    expect(
      (
        await h.call('POST', `/record/v1/returnAuthorization/${rma}/!transform/itemReceipt`, {
          item: { items: [{ orderLine: 1, quantity: 1 }] },
        })
      ).status,
    ).toBe(204);
    expect(h.ns.inspect.onHand(sku2, seeded.locations.warehouse)).toBe(before + 1);
    expect(await status('returnAuthorization', rma)).toBe('E');
  });

  it('moves stock between locations with transferOrder → itemFulfillment → itemReceipt', async () => {
    const { warehouse: from, fba: to } = seeded.locations;
    const [fromBefore, toBefore] = [h.ns.inspect.onHand(sku1, from), h.ns.inspect.onHand(sku1, to)];
    const transfer = await h.create('transferOrder', {
      subsidiary: ref(seeded.subsidiary),
      location: ref(from),
      transferLocation: ref(to),
      item: { items: [{ item: ref(seeded.items[sku1] as number), quantity: 4 }] },
    });

    expect(
      (await h.call('POST', `/record/v1/transferOrder/${transfer}/!transform/itemReceipt`)).status,
    ).toBe(400);
    await h.call('POST', `/record/v1/transferOrder/${transfer}/!transform/itemFulfillment`);
    expect(await status('transferOrder', transfer)).toBe('F');
    expect(h.ns.inspect.onHand(sku1, from)).toBe(fromBefore - 4);
    expect(h.ns.inspect.onHand(sku1, to)).toBe(toBefore);

    await h.call('POST', `/record/v1/transferOrder/${transfer}/!transform/itemReceipt`);
    expect(await status('transferOrder', transfer)).toBe('G');
    expect(h.ns.inspect.onHand(sku1, to)).toBe(toBefore + 4);
  });

  it('adjusts inventory, refuses negative stock and caps adjustments at 1,000 lines', async () => {
    const fba = seeded.locations.fba;
    const before = h.ns.inspect.onHand(sku2, fba);
    const line = (qty: number) => ({
      item: ref(seeded.items[sku2] as number),
      location: ref(fba),
      adjustQtyBy: qty,
    });
    const base = { subsidiary: ref(seeded.subsidiary), account: ref(seeded.accounts.adjustment) };

    await h.create('inventoryAdjustment', { ...base, inventory: { items: [line(-1), line(3)] } });
    expect(h.ns.inspect.onHand(sku2, fba)).toBe(before + 2);

    const negative = await h.call('POST', '/record/v1/inventoryAdjustment', {
      ...base,
      inventory: { items: [line(-(before + 3))] },
    });
    expect(negative.status).toBe(400);
    expect(h.ns.inspect.onHand(sku2, fba)).toBe(before + 2);

    const tooMany = await h.call('POST', '/record/v1/inventoryAdjustment', {
      ...base,
      inventory: { items: Array.from({ length: 1001 }, () => line(1)) },
    });
    expect(tooMany.status).toBe(400);
    expect(await tooMany.json()).toMatchObject({
      'o:errorDetails': [{ 'o:errorCode': 'USER_ERROR', 'o:errorPath': 'inventory.items' }],
    });
  });

  it('reports inventory per item and location through the inspector', () => {
    const rows = h.ns.inspect.inventory({ item: sku1 });
    expect(rows.map((r) => r.locationName).sort()).toContain('Main Warehouse');
    expect(rows.every((r) => r.available === r.onHand - r.committed)).toBe(true);
  });
});
