import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningAmazonEmulator } from '../../src/amazon/server/emulator';
import { call, sellerToken, startTestEmulator, type FakeClock } from './helpers';

let amazon: RunningAmazonEmulator;
let clock: FakeClock;
let token: string;

beforeAll(async () => {
  ({ amazon, clock } = await startTestEmulator({ timeScale: 100_000 }));
  token = await sellerToken(amazon);
});
afterAll(async () => amazon.close());

const search = (query: string) => call(amazon, token, 'GET', `/orders/2026-01-01/orders?${query}`);

describe('searchOrders', () => {
  it('pages through every order with nextToken and no pagination on the last page', async () => {
    const seen: string[] = [];
    let query = 'createdAfter=2020-01-01T00:00:00Z&maxResultsPerPage=20';
    for (;;) {
      const res = await search(query);
      expect(res.status).toBe(200);
      seen.push(...res.body.orders.map((o: { orderId: string }) => o.orderId));
      if (!res.body.pagination) break;
      query = `createdAfter=2020-01-01T00:00:00Z&maxResultsPerPage=20&paginationToken=${encodeURIComponent(res.body.pagination.nextToken)}`;
    }
    expect(seen).toHaveLength(amazon.world.orders.length);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('returns datasets only when includedData asks for them', async () => {
    const bare = await search('createdAfter=2020-01-01T00:00:00Z&maxResultsPerPage=1');
    expect(bare.body.orders[0].buyer).toBeUndefined();
    expect(bare.body.orders[0].orderItems[0].proceeds).toBeUndefined();
    expect(bare.body.createdBefore).toBe('2026-11-30T23:58:00Z');

    const full = await search('createdAfter=2020-01-01T00:00:00Z&includedData=BUYER,PROCEEDS');
    const world = new Map(amazon.world.orders.map((o) => [o.orderId, o]));
    for (const order of full.body.orders) {
      expect(order.buyer).toEqual(world.get(order.orderId)?.buyer);
      expect(order.recipient).toBeUndefined();
    }
    expect(
      full.body.orders.some((o: { buyer?: { buyerEmail?: string } }) =>
        o.buyer?.buyerEmail?.includes('@'),
      ),
    ).toBe(true);
  });

  it('filters by fulfillment status and fulfilledBy', async () => {
    const res = await search(
      'createdAfter=2020-01-01T00:00:00Z&fulfillmentStatuses=UNSHIPPED&fulfilledBy=MERCHANT&includedData=FULFILLMENT',
    );
    const expected = amazon.world.orders.filter(
      (o) =>
        o.fulfillment?.fulfillmentStatus === 'UNSHIPPED' &&
        o.fulfillment.fulfilledBy === 'MERCHANT',
    );
    expect(res.body.orders.map((o: { orderId: string }) => o.orderId).sort()).toEqual(
      expected.map((o) => o.orderId).sort(),
    );
  });

  it('rejects a token whose filters changed, a forged token and an expired token', async () => {
    const first = await search('createdAfter=2020-01-01T00:00:00Z&maxResultsPerPage=5');
    const next = encodeURIComponent(first.body.pagination.nextToken);
    const changed = await search(
      `createdAfter=2021-01-01T00:00:00Z&maxResultsPerPage=5&paginationToken=${next}`,
    );
    expect(changed.status).toBe(400);
    expect(changed.body.errors[0].code).toBe('InvalidInput');

    const resized = await search(
      `createdAfter=2020-01-01T00:00:00Z&maxResultsPerPage=7&includedData=BUYER&paginationToken=${next}`,
    );
    expect(resized.status).toBe(200);
    expect((await search('createdAfter=2020-01-01T00:00:00Z&paginationToken=abc.def')).status).toBe(
      400,
    );

    clock.advance(86_400_001);
    try {
      const fresh = await sellerToken(amazon);
      const expired = await call(
        amazon,
        fresh,
        'GET',
        `/orders/2026-01-01/orders?createdAfter=2020-01-01T00:00:00Z&maxResultsPerPage=5&paginationToken=${next}`,
      );
      expect(expired.status).toBe(400);
      expect(expired.body.errors[0].details).toBe('The paginationToken has expired.');
    } finally {
      clock.advance(-86_400_001);
    }
  });

  it('applies the date rules with Amazon 400s', async () => {
    const now = clock.now().getTime();
    const tooRecent = new Date(now - 60_000).toISOString();
    const twoMinute = await search(`createdAfter=2020-01-01T00:00:00Z&createdBefore=${tooRecent}`);
    expect(twoMinute.status).toBe(400);
    expect(twoMinute.body.errors[0].message).toMatch(/at least 2 minutes before current time/);
    expect(
      (
        await search(
          `createdAfter=2020-01-01T00:00:00Z&createdBefore=${new Date(now - 121_000).toISOString()}`,
        )
      ).status,
    ).toBe(200);

    const both = await search(
      'createdAfter=2020-01-01T00:00:00Z&lastUpdatedAfter=2020-01-01T00:00:00Z',
    );
    expect(both.status).toBe(400);
    expect((await search('maxResultsPerPage=5')).status).toBe(400);

    const badDate = await search('createdAfter=02/21/2022');
    expect(badDate.body.errors[0]).toEqual({
      code: 'InvalidInput',
      message: 'This is an invalid input',
      details: 'Invalid date-time field(s) [createdAfter].',
    });
    expect((await search('createdAfter=2020-01-01T00:00:00Z&maxResultsPerPage=101')).status).toBe(
      400,
    );
    expect((await search('createdAfter=2020-01-01T00:00:00Z&includedData=SECRETS')).status).toBe(
      400,
    );
    expect(
      (await search('createdAfter=2022-01-01T00:00:00Z&createdBefore=2021-01-01T00:00:00Z')).status,
    ).toBe(400);
  });
});

describe('getOrder 2026-01-01', () => {
  it('returns one order and 404 for an unknown id', async () => {
    const id = amazon.world.orders[0]!.orderId;
    const res = await call(
      amazon,
      token,
      'GET',
      `/orders/2026-01-01/orders/${id}?includedData=FULFILLMENT`,
    );
    expect(res.body.order.orderId).toBe(id);
    expect(res.body.order.fulfillment).toBeDefined();
    expect(
      (await call(amazon, token, 'GET', '/orders/2026-01-01/orders/000-0000000-0000000')).status,
    ).toBe(404);
  });
});

describe('Orders v0 and restricted data', () => {
  const shipped = () =>
    amazon.world.orders.find((o) => o.fulfillment?.fulfillmentStatus === 'SHIPPED' && o.recipient)!;

  it('hides buyer info and address lines without an RDT and shows them with one', async () => {
    const order = shipped();
    const plain = await call(
      amazon,
      token,
      'GET',
      `/orders/v0/orders?MarketplaceIds=ATVPDKIKX0DER&CreatedAfter=2020-01-01T00:00:00Z&AmazonOrderIds=${order.orderId}`,
    );
    expect(plain.body.payload.Orders).toHaveLength(1);
    expect(plain.body.payload.Orders[0].BuyerInfo).toBeUndefined();
    expect(plain.body.payload.Orders[0].ShippingAddress.AddressLine1).toBeUndefined();
    expect(plain.body.payload.Orders[0].ShippingAddress.PostalCode).toBeDefined();

    const rdt = await call(amazon, token, 'POST', '/tokens/2021-03-01/restrictedDataToken', {
      restrictedResources: [
        {
          method: 'GET',
          path: '/orders/v0/orders',
          dataElements: ['buyerInfo', 'shippingAddress'],
        },
        { method: 'GET', path: '/orders/v0/orders/{orderId}/address' },
      ],
    });
    const rdtToken = rdt.body.restrictedDataToken;
    const open = await call(
      amazon,
      rdtToken,
      'GET',
      `/orders/v0/orders?MarketplaceIds=ATVPDKIKX0DER&AmazonOrderIds=${order.orderId}`,
    );
    expect(open.body.payload.Orders[0].BuyerInfo.BuyerEmail).toBe(order.buyer?.buyerEmail);
    expect(open.body.payload.Orders[0].ShippingAddress.AddressLine1).toBe(
      order.recipient?.deliveryAddress?.addressLine1,
    );

    const address = await call(
      amazon,
      rdtToken,
      'GET',
      `/orders/v0/orders/${order.orderId}/address`,
    );
    expect(address.body.payload.ShippingAddress.Name).toBe(order.recipient?.deliveryAddress?.name);
    const noRdt = await call(amazon, token, 'GET', `/orders/v0/orders/${order.orderId}/address`);
    expect(noRdt.body.payload.ShippingAddress.Name).toBeUndefined();
    const outside = await call(
      amazon,
      rdtToken,
      'GET',
      `/orders/v0/orders/${order.orderId}/buyerInfo`,
    );
    expect(outside.status).toBe(403);
    expect(
      (await call(amazon, token, 'GET', `/orders/v0/orders/${order.orderId}/orderItems/buyerInfo`))
        .status,
    ).toBe(403);
    const itemsRdt = await call(amazon, token, 'POST', '/tokens/2021-03-01/restrictedDataToken', {
      restrictedResources: [
        { method: 'GET', path: `/orders/v0/orders/${order.orderId}/orderItems/buyerInfo` },
      ],
    });
    const itemsBuyer = await call(
      amazon,
      itemsRdt.body.restrictedDataToken,
      'GET',
      `/orders/v0/orders/${order.orderId}/orderItems/buyerInfo`,
    );
    expect(
      itemsBuyer.body.payload.OrderItems.map((i: { OrderItemId: string }) => i.OrderItemId),
    ).toEqual(order.orderItems.map((i) => i.orderItemId));
    const buyer = await call(amazon, token, 'GET', `/orders/v0/orders/${order.orderId}/buyerInfo`);
    expect(buyer.body.payload).toEqual({ AmazonOrderId: order.orderId });
  });

  it('maps items with prices and requires MarketplaceIds', async () => {
    const order = shipped();
    const items = await call(amazon, token, 'GET', `/orders/v0/orders/${order.orderId}/orderItems`);
    expect(items.body.payload.OrderItems[0].ItemPrice.Amount).toMatch(/^\d+\.\d{2}$/);
    expect(items.body.payload.OrderItems[0].SellerSKU).toBe(order.orderItems[0]!.product.sellerSku);
    const list = await call(
      amazon,
      token,
      'GET',
      '/orders/v0/orders?MarketplaceIds=ATVPDKIKX0DER&CreatedAfter=2020-01-01T00:00:00Z&MaxResultsPerPage=5',
    );
    expect(list.body.payload.CreatedBefore).toBe('2026-11-30T23:58:00Z');
    const next = await call(
      amazon,
      token,
      'GET',
      `/orders/v0/orders?MarketplaceIds=ATVPDKIKX0DER&CreatedAfter=2020-01-01T00:00:00Z&MaxResultsPerPage=5&NextToken=${encodeURIComponent(list.body.payload.NextToken)}`,
    );
    expect(next.body.payload.Orders[0].AmazonOrderId).not.toBe(
      list.body.payload.Orders[0].AmazonOrderId,
    );
    const missing = await call(
      amazon,
      token,
      'GET',
      '/orders/v0/orders?CreatedAfter=2020-01-01T00:00:00Z',
    );
    expect(missing.status).toBe(400);
  });
});

describe('pending orders in v0', () => {
  it('have no total and no item prices yet', async () => {
    // New orders start PENDING (the seeded 50 have none); the world makes two in 30 minutes.
    const created = amazon.inspect
      .advanceWorld(30 * 60_000)
      .find((c) => c.type === 'ORDER_CREATED');
    const pending = amazon.world.orders.find((o) => o.orderId === created?.orderId)!;
    expect(pending.fulfillment?.fulfillmentStatus).toBe('PENDING');
    const order = await call(amazon, token, 'GET', `/orders/v0/orders/${pending.orderId}`);
    expect(order.body.payload.OrderStatus).toBe('Pending');
    expect(order.body.payload.OrderTotal).toBeUndefined();
    const items = await call(
      amazon,
      token,
      'GET',
      `/orders/v0/orders/${pending.orderId}/orderItems`,
    );
    expect(items.body.payload.OrderItems[0].ItemPrice).toBeUndefined();
  });
});
