import { describe, expect, it } from 'vitest';

import { AMAZON_MIN_LAG_MS, dedupeOrders, planWindow } from '../../src/orders/windows';
import {
  parseReportAmount,
  reportRowsToOrders,
  toFulfillmentStatus,
} from '../../src/orders/report-rows';
import { readItemAmounts } from '../../src/orders/amounts';

const now = Date.parse('2026-11-30T12:00:00Z');
const base = {
  nowMs: now,
  startDateMs: Date.parse('2026-11-01T00:00:00Z'),
  overlapMs: 300_000,
  maxWindowMs: 7 * 86_400_000,
  reportThresholdMs: 7 * 86_400_000,
  useReport: true,
};

describe(planWindow.name, () => {
  it('reads a first sync through the report up to two minutes before now', () => {
    const window = planWindow(base);

    expect(window).toEqual({
      after: '2026-11-01T00:00:00.000Z',
      before: new Date(now - AMAZON_MIN_LAG_MS).toISOString(),
      path: 'report',
    });
  });

  it('reads a short delta through the API with an overlap', () => {
    const window = planWindow({ ...base, checkpoint: '2026-11-30T11:00:00.000Z' });

    expect(window).toEqual({
      after: '2026-11-30T10:55:00.000Z',
      before: new Date(now - AMAZON_MIN_LAG_MS).toISOString(),
      path: 'api',
    });
  });

  it('caps API windows when the report is off', () => {
    const window = planWindow({ ...base, useReport: false });

    expect(window?.path).toBe('api');
    expect(window?.before).toBe('2026-11-08T00:00:00.000Z');
  });

  it('returns nothing when the checkpoint is within two minutes of now', () => {
    expect(
      planWindow({ ...base, checkpoint: new Date(now - 60_000).toISOString() }),
    ).toBeUndefined();
  });

  it('dedupes by order id keeping the latest update', () => {
    const orders = dedupeOrders([
      { orderId: 'a', lastUpdatedTime: '2026-11-01T00:00:00Z', v: 1 },
      { orderId: 'a', lastUpdatedTime: '2026-11-02T00:00:00Z', v: 2 },
      { orderId: 'b', lastUpdatedTime: '2026-11-01T00:00:00Z', v: 3 },
    ]);

    expect(orders.map((order) => order.v)).toEqual([2, 3]);
  });
});

describe(reportRowsToOrders.name, () => {
  const row = {
    'amazon-order-id': '114-1-1',
    'purchase-date': '2026-10-01T10:00:00+00:00',
    'last-updated-date': '2026-10-03T10:00:00+00:00',
    'order-status': 'Shipped',
    'fulfillment-channel': 'Merchant',
    'sales-channel': 'Amazon.com',
    'ship-service-level': 'Standard',
    sku: 'SKU-1',
    'item-status': 'Shipped',
    quantity: '2',
    currency: 'USD',
    'item-price': '20.00',
    'item-tax': '1.60',
    'shipping-price': '4.99',
    'shipping-tax': '0.40',
    'gift-wrap-price': '',
    'gift-wrap-tax': '',
    'item-promotion-discount': '-2.00',
    'ship-promotion-discount': '0.00',
    'ship-country': 'US',
  };

  it('turns item rows into an order with proceeds breakdowns', () => {
    const [order] = reportRowsToOrders([row, { ...row, sku: 'SKU-2', 'item-status': 'Cancelled' }]);

    expect(order?.salesChannel.marketplaceId).toBe('ATVPDKIKX0DER');
    expect(order?.fulfillment).toMatchObject({
      fulfillmentStatus: 'SHIPPED',
      fulfilledBy: 'MERCHANT',
    });
    expect(order?.orderItems).toHaveLength(1);

    const amounts = readItemAmounts(order!, order!.orderItems[0]!);

    expect(
      [
        amounts.itemPrice,
        amounts.itemTax,
        amounts.shipping,
        amounts.shippingTax,
        amounts.itemDiscount,
      ].map((value) => value.toFixed(2)),
    ).toEqual(['20.00', '1.60', '4.99', '0.40', '2.00']);
  });

  it('reads US ISO dates and EU dotted dates as UTC instants', () => {
    const [us] = reportRowsToOrders([row]);
    const [eu] = reportRowsToOrders([
      {
        ...row,
        'sales-channel': 'Amazon.de',
        'purchase-date': '01.10.2026 10:00:00 UTC',
        'last-updated-date': '03.10.2026 10:00:00 UTC',
      },
    ]);

    expect(Date.parse(us!.createdTime)).toBe(Date.parse('2026-10-01T10:00:00Z'));
    expect(Date.parse(eu!.createdTime)).toBe(Date.parse('2026-10-01T10:00:00Z'));
    expect(Date.parse(eu!.lastUpdatedTime)).toBe(Date.parse('2026-10-03T10:00:00Z'));
  });

  it('maps statuses and localised amounts', () => {
    expect(toFulfillmentStatus('Unshipped')).toBe('UNSHIPPED');
    expect(toFulfillmentStatus('Cancelled')).toBe('CANCELLED');
    expect(toFulfillmentStatus('Shipped - Delivered to Buyer')).toBe('SHIPPED');
    expect(toFulfillmentStatus('Pending')).toBe('PENDING');
    expect(parseReportAmount('1.141,18')).toBe('1141.18');
    expect(parseReportAmount('1,141.18')).toBe('1141.18');
    expect(parseReportAmount('')).toBeUndefined();
  });
});
