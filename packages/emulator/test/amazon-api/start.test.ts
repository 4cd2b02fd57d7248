import aws4 from 'aws4';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmulators } from '../../src/start';
import { startAmazonEmulator } from '../../src/amazon/server/emulator';
import { call, sellerToken } from './helpers';

const dir = mkdtempSync(join(tmpdir(), 'sellerbridge-emulator-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe(startEmulators.name, () => {
  it('starts Amazon and NetSuite on one world and closes both', async () => {
    const both = await startEmulators({ worldOptions: { orders: 50 }, timeScale: 100 });
    try {
      expect(both.amazon.world).toBe(both.world);
      expect(both.netsuite.world).toBe(both.world);
      expect(both.amazon.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(both.netsuite.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const token = await sellerToken(both.amazon);
      const order = both.world.orders[0]!;
      expect(
        (await call(both.amazon, token, 'GET', `/orders/2026-01-01/orders/${order.orderId}`))
          .status,
      ).toBe(200);
    } finally {
      await both.close();
    }
  });
});

describe('file-backed state', () => {
  it('keeps a confirmed shipment across restarts with the same dbFile', async () => {
    const dbFile = join(dir, 'amazon.sqlite');
    const first = await startAmazonEmulator({
      worldOptions: { orders: 50 },
      dbFile,
      timeScale: 100,
    });
    const order = first.world.orders.find(
      (o) =>
        o.fulfillment?.fulfillmentStatus === 'UNSHIPPED' &&
        o.fulfillment.fulfilledBy === 'MERCHANT',
    )!;
    const token = await sellerToken(first);
    const confirm = await call(
      first,
      token,
      'POST',
      `/orders/v0/orders/${order.orderId}/shipmentConfirmation`,
      {
        marketplaceId: 'ATVPDKIKX0DER',
        packageDetail: {
          packageReferenceId: 'P1',
          carrierCode: 'USPS',
          trackingNumber: '9400',
          shipDate: '2026-11-30T10:00:00Z',
          orderItems: order.orderItems.map((i) => ({
            orderItemId: i.orderItemId,
            quantity: i.quantityOrdered,
          })),
        },
      },
    );
    expect(confirm.status).toBe(204);
    await first.close();

    const second = await startAmazonEmulator({
      worldOptions: { orders: 50 },
      dbFile,
      timeScale: 100,
    });
    try {
      const again = await call(
        second,
        await sellerToken(second),
        'GET',
        `/orders/2026-01-01/orders/${order.orderId}?includedData=PACKAGES,FULFILLMENT`,
      );
      expect(again.body.order.fulfillment.fulfillmentStatus).toBe('SHIPPED');
      expect(second.inspect.confirmedShipments()).toHaveLength(1);
    } finally {
      await second.close();
    }
  });
});

describe('shutdown', () => {
  it('ends a pending 20-second long poll when the emulator closes', async () => {
    const errors: string[] = [];
    const silent = () => undefined;
    const logger = {
      debug: silent,
      info: silent,
      warn: silent,
      error: (_: object, message: string) => errors.push(message),
    };
    const amazon = await startAmazonEmulator({ worldOptions: { orders: 50 }, logger });
    const url = new URL(amazon.credentials.queueUrl);
    const body = JSON.stringify({ QueueUrl: amazon.credentials.queueUrl, WaitTimeSeconds: 20 });
    const opts = {
      host: url.host,
      path: url.pathname,
      method: 'POST',
      service: 'sqs',
      region: 'us-east-1',
      headers: {
        'content-type': 'application/x-amz-json-1.0',
        'x-amz-target': 'AmazonSQS.ReceiveMessage',
      },
      body,
    };
    aws4.sign(opts, {
      accessKeyId: amazon.credentials.awsAccessKeyId,
      secretAccessKey: amazon.credentials.awsSecretAccessKey,
    });
    const pending = fetch(url, {
      method: 'POST',
      headers: opts.headers as Record<string, string>,
      body,
    }).then(
      (res) => res.status,
      () => 'closed',
    );
    await new Promise((resolve) => setTimeout(resolve, 100));

    const started = Date.now();
    await amazon.close();
    await pending;
    expect(Date.now() - started).toBeLessThan(5_000);
    // Without the shutdown signal the poll loop would wake up and read the closed store.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(errors).toEqual([]);
  });
});
