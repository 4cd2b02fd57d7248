import { describe, expect, it } from 'vitest';

import {
  buildShipmentConfirmations,
  MissingTrackingError,
  UnmatchedFulfillmentLineError,
} from '../../src/fulfillments/packages';
import {
  buyerCustomerExternalId,
  salesOrderExternalId,
  toExternalIdPart,
} from '../../src/support/ids';
import { fbaOrdersFlow, mfnOrdersFlow } from '../../src/flows/order-flows';
import { fulfillmentsFlow } from '../../src/flows/fulfillments';
import { parseStarterSettings } from '../../src/settings/index';
import { toDateInTimeZone } from '../../src/support/dates';

const fulfillment = {
  id: '901',
  amazonOrderId: '113-1',
  shipDate: '2026-11-02',
  shipMethodName: 'UPS Ground',
  lines: [
    { itemId: '10', quantity: 3 },
    { itemId: '11', quantity: 1 },
  ],
  trackingNumbers: ['1Z1', '1Z2'],
};
const items = [
  { orderItemId: 'OI-1', itemId: '10', remaining: 2 },
  { orderItemId: 'OI-2', itemId: '10', remaining: 5 },
  { orderItemId: 'OI-3', itemId: '11', remaining: 1 },
];
const options = {
  marketplaceId: 'ATVPDKIKX0DER',
  carriers: {},
  allowMissingTracking: false,
  nowIso: '2026-11-03T00:00:00.000Z',
};

describe(buildShipmentConfirmations.name, () => {
  it('confirms one package per tracking number with every unit once', () => {
    const confirmations = buildShipmentConfirmations(fulfillment, items, options);

    expect(confirmations.map((entry) => entry.packageReferenceId)).toEqual(['901-1', '901-2']);
    expect(confirmations[0]?.body.packageDetail).toMatchObject({
      carrierCode: 'UPS',
      trackingNumber: '1Z1',
      shipDate: '2026-11-02T12:00:00Z',
      orderItems: [{ orderItemId: 'OI-1', quantity: 2 }],
    });
    expect(confirmations[1]?.body.packageDetail.orderItems).toEqual([
      { orderItemId: 'OI-2', quantity: 1 },
      { orderItemId: 'OI-3', quantity: 1 },
    ]);
  });

  it('fails for units with no unshipped order item', () => {
    expect(() =>
      buildShipmentConfirmations(
        { ...fulfillment, lines: [{ itemId: '11', quantity: 2 }] },
        items,
        options,
      ),
    ).toThrow(UnmatchedFulfillmentLineError);
  });

  it('requires a tracking number unless allowed', () => {
    expect(() =>
      buildShipmentConfirmations({ ...fulfillment, trackingNumbers: [] }, items, options),
    ).toThrow(MissingTrackingError);
    expect(
      buildShipmentConfirmations({ ...fulfillment, trackingNumbers: [] }, items, {
        ...options,
        allowMissingTracking: true,
      }),
    ).toHaveLength(1);
  });
});

describe(toExternalIdPart.name, () => {
  it('keeps safe characters and encodes the rest injectively', () => {
    expect(salesOrderExternalId('A2SELLER', '113-1234567-1234567')).toBe(
      'amzn-so-A2SELLER-113-1234567-1234567',
    );
    expect(toExternalIdPart('a_b')).toBe('a_5Fb');
    expect(toExternalIdPart('a.b')).toBe('a_2Eb');
    expect(toExternalIdPart('ü')).toBe('_C3_BC');
    expect(buyerCustomerExternalId('S', 'x@y.z')).toMatch(/^amzn-buyer-S-[0-9a-f]{32}$/);
  });
});

describe(toDateInTimeZone.name, () => {
  it('gives the account-local calendar date', () => {
    expect(toDateInTimeZone('2026-03-01T03:00:00Z', 'America/Los_Angeles')).toBe('2026-02-28');
    expect(toDateInTimeZone('2026-03-01T03:00:00Z', 'Europe/Berlin')).toBe('2026-03-01');
    expect(() => toDateInTimeZone('nope', 'UTC')).toThrow(/invalid date/);
  });
});

describe(parseStarterSettings.name, () => {
  it('fills every default', () => {
    const settings = parseStarterSettings();

    expect(settings.orders).toMatchObject({
      windowOverlapMs: 300_000,
      reportBackfillThresholdMs: 604_800_000,
      fbaRecordType: 'invoice',
      discountLevel: 'line',
      tax: { mode: 'amazon' },
      concurrency: 4,
    });
    expect(settings.customers.strategy).toBe('default');
    expect(settings.inventory).toMatchObject({
      safetyStock: 0,
      allocationPercent: 100,
      feedThreshold: 50,
    });
  });

  it('gives the order flows the orders.concurrency setting, fulfillments one at a time', () => {
    const settings = parseStarterSettings({ orders: { concurrency: 6 } });
    const of = (flow: typeof mfnOrdersFlow) =>
      typeof flow.concurrency === 'function' ? flow.concurrency(settings) : flow.concurrency;

    expect(of(mfnOrdersFlow)).toBe(6);
    expect(of(fbaOrdersFlow)).toBe(6);
    expect(fulfillmentsFlow.concurrency).toBeUndefined();
    expect(() => parseStarterSettings({ orders: { concurrency: 0 } })).toThrow(/concurrency/);
  });

  it('names the bad field', () => {
    expect(() => parseStarterSettings({ timeZone: 'Mars/Olympus' })).toThrow(
      /unknown IANA time zone/,
    );
    expect(() => parseStarterSettings({ inventory: { allocationPercent: 120 } })).toThrow(
      /allocationPercent/,
    );
    expect(() => parseStarterSettings({ marketplaces: { X: { locationId: 'six' } } })).toThrow(
      /NetSuite internal id/,
    );
  });
});
