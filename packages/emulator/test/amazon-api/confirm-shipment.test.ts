import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningAmazonEmulator } from '../../src/amazon/server/emulator';
import { call, sellerToken, startTestEmulator } from './helpers';

let amazon: RunningAmazonEmulator;
let token: string;

beforeAll(async () => {
  ({ amazon } = await startTestEmulator({ timeScale: 100_000 }));
  token = await sellerToken(amazon);
});
afterAll(async () => amazon.close());

describe('confirmShipment', () => {
  const unshipped = () =>
    amazon.world.orders.find(
      (o) =>
        o.fulfillment?.fulfillmentStatus === 'UNSHIPPED' &&
        o.fulfillment.fulfilledBy === 'MERCHANT' &&
        o.orderItems.length >= 1,
    )!;
  const path = (id: string) => `/orders/v0/orders/${id}/shipmentConfirmation`;

  it('validates carrier, ship date, items and quantities', async () => {
    const order = unshipped();
    const item = order.orderItems[0]!;
    const base = {
      marketplaceId: 'ATVPDKIKX0DER',
      packageDetail: {
        packageReferenceId: '1',
        carrierCode: 'UPS',
        trackingNumber: '1Z999',
        shipDate: '2026-11-30T10:00:00Z',
        orderItems: [{ orderItemId: item.orderItemId, quantity: item.quantityOrdered }],
      },
    };
    const withDetail = (patch: object) => ({
      ...base,
      packageDetail: { ...base.packageDetail, ...patch },
    });

    const other = await call(
      amazon,
      token,
      'POST',
      path(order.orderId),
      withDetail({ carrierCode: 'Other' }),
    );
    expect(other.status).toBe(400);
    expect(other.body.errors[0].message).toContain('carrierName');
    const badDate = await call(
      amazon,
      token,
      'POST',
      path(order.orderId),
      withDetail({ shipDate: '02/21/2022' }),
    );
    expect(badDate.body.errors[0]).toMatchObject({
      code: 'Invalid Input',
      message: 'Invalid Input',
    });
    const badItem = await call(
      amazon,
      token,
      'POST',
      path(order.orderId),
      withDetail({ orderItems: [{ orderItemId: '1', quantity: 1 }] }),
    );
    expect(badItem.body.errors[0].message).toContain('Invalid orderItemId');
    const tooMany = await call(
      amazon,
      token,
      'POST',
      path(order.orderId),
      withDetail({
        orderItems: [{ orderItemId: item.orderItemId, quantity: item.quantityOrdered + 1 }],
      }),
    );
    expect(tooMany.status).toBe(400);
    const wrongMarket = await call(amazon, token, 'POST', path(order.orderId), {
      ...base,
      marketplaceId: 'A1PA6795UKMFR9',
    });
    expect(wrongMarket.status).toBe(400);
    expect(amazon.inspect.confirmedShipments()).toHaveLength(0);
  });

  it('answers 204, records the package and shows it on the order', async () => {
    const order = unshipped();
    const lines = order.orderItems.map((i) => ({
      orderItemId: i.orderItemId,
      quantity: i.quantityOrdered,
    }));
    const body = {
      marketplaceId: 'ATVPDKIKX0DER',
      packageDetail: {
        packageReferenceId: 'PKG-1',
        carrierCode: 'Other',
        carrierName: 'Local Courier',
        shippingMethod: 'Ground',
        trackingNumber: 'TRK-42',
        shipDate: '2026-11-30T10:00:00.000Z',
        orderItems: lines,
      },
    };
    const res = await call(amazon, token, 'POST', path(order.orderId), body);
    expect(res.status).toBe(204);
    expect(res.body).toBeUndefined();

    const after = await call(
      amazon,
      token,
      'GET',
      `/orders/2026-01-01/orders/${order.orderId}?includedData=PACKAGES,FULFILLMENT`,
    );
    expect(after.body.order.fulfillment.fulfillmentStatus).toBe('SHIPPED');
    expect(after.body.order.packages).toContainEqual(
      expect.objectContaining({
        packageReferenceId: 'PKG-1',
        carrier: 'Local Courier',
        trackingNumber: 'TRK-42',
      }),
    );
    expect(amazon.inspect.confirmedShipments()).toEqual([
      expect.objectContaining({ orderId: order.orderId, trackingNumber: 'TRK-42', items: lines }),
    ]);

    const again = await call(amazon, token, 'POST', path(order.orderId), {
      ...body,
      packageDetail: { ...body.packageDetail, packageReferenceId: 'PKG-2' },
    });
    expect(again.status).toBe(400);
  });

  it('rejects FBA orders', async () => {
    const fba = amazon.world.orders.find((o) => o.fulfillment?.fulfilledBy === 'AMAZON')!;
    const res = await call(amazon, token, 'POST', path(fba.orderId), {
      marketplaceId: 'ATVPDKIKX0DER',
      packageDetail: {},
    });
    expect(res.status).toBe(400);
  });
});
