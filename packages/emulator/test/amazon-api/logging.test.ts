import { afterAll, describe, expect, it } from 'vitest';
import type { RunningAmazonEmulator } from '../../src/amazon/server/emulator';
import { call, sellerToken, startTestEmulator } from './helpers';

const lines: string[] = [];
const capture = (context: object, message: string) =>
  lines.push(`${message} ${JSON.stringify(context)}`);
const logger = { debug: capture, info: capture, warn: capture, error: capture };
let amazon: RunningAmazonEmulator;
afterAll(async () => amazon.close());

describe('emulator logging', () => {
  it('logs requests without tokens, secrets or buyer PII', async () => {
    ({ amazon } = await startTestEmulator({ logger, timeScale: 100_000 }));
    const token = await sellerToken(amazon);
    const rdt = await call(amazon, token, 'POST', '/tokens/2021-03-01/restrictedDataToken', {
      restrictedResources: [
        {
          method: 'GET',
          path: '/orders/v0/orders',
          dataElements: ['buyerInfo', 'shippingAddress'],
        },
      ],
    });
    const orders = await call(
      amazon,
      rdt.body.restrictedDataToken,
      'GET',
      '/orders/v0/orders?MarketplaceIds=ATVPDKIKX0DER&CreatedAfter=2020-01-01T00:00:00Z',
    );
    expect(orders.body.payload.Orders.length).toBeGreaterThan(0);

    const output = lines.join('\n');
    expect(lines.length).toBeGreaterThanOrEqual(3);
    const secrets = [
      amazon.credentials.clientSecret,
      amazon.credentials.refreshToken,
      token,
      rdt.body.restrictedDataToken,
    ];
    for (const secret of secrets) expect(output).not.toContain(secret);
    for (const order of amazon.world.orders) {
      if (order.buyer?.buyerName) expect(output).not.toContain(order.buyer.buyerName);
      if (order.buyer?.buyerEmail) expect(output).not.toContain(order.buyer.buyerEmail);
      if (order.recipient?.deliveryAddress?.addressLine1)
        expect(output).not.toContain(order.recipient.deliveryAddress.addressLine1);
    }
  });
});
