import { describe, expect, it } from 'vitest';

import {
  MissingItemError,
  MissingSettingError,
  UnmappedShipMethodError,
} from '../../src/orders/errors';
import { buildTransactionBody } from '../../src/orders/sales-order';
import { parseStarterSettings, type StarterOptions } from '../../src/settings/index';
import { makeItem, makeOrder, usd } from './fixtures';

const baseOptions: StarterOptions = {
  timeZone: 'America/Los_Angeles',
  marketplaces: {
    ATVPDKIKX0DER: {
      subsidiaryId: '1',
      locationId: '6',
      currencyId: '1',
      fbaLocationId: '9',
      departmentId: '3',
    },
  },
  orders: {
    shipMethods: { Standard: '101' },
    discountItemId: '501',
    giftWrapItemId: '502',
    tax: { taxItemId: '503' },
    classId: '4',
  },
};

const richItem = makeItem({
  quantityOrdered: 2,
  unitPrice: '10.00',
  breakdowns: [
    { type: 'ITEM', subtotal: usd('20.00') },
    { type: 'SHIPPING', subtotal: usd('4.99') },
    { type: 'GIFT_WRAP', subtotal: usd('2.00') },
    {
      type: 'TAX',
      subtotal: usd('2.10'),
      detailedBreakdowns: [
        { subtype: 'ITEM', value: usd('1.60') },
        { subtype: 'SHIPPING', value: usd('0.50') },
      ],
    },
    {
      type: 'DISCOUNT',
      subtotal: usd('-2.00'),
      detailedBreakdowns: [{ subtype: 'ITEM', value: usd('-2.00') }],
    },
  ],
  promotion: { breakdowns: [{ promotionId: 'PROMO-1' }] },
});

function build(
  options: StarterOptions = baseOptions,
  order = makeOrder({ orderItems: [richItem] }),
  channel: 'MFN' | 'FBA' = 'MFN',
) {
  return buildTransactionBody({
    order,
    settings: parseStarterSettings(options),
    sellerId: 'A2SELLER',
    customerId: '77',
    itemIdBySku: new Map([['SKU-1', '1001']]),
    channel,
  });
}

describe(buildTransactionBody.name, () => {
  it('maps header fields, lines and the expected total', () => {
    const draft = build();

    expect(draft.externalId).toBe('amzn-so-A2SELLER-113-1234567-1234567');
    expect(draft.total).toBe('27.09');
    expect(draft.body).toMatchObject({
      externalId: 'amzn-so-A2SELLER-113-1234567-1234567',
      otherRefNum: '113-1234567-1234567',
      tranDate: '2026-10-31',
      entity: { id: '77' },
      subsidiary: { id: '1' },
      location: { id: '6' },
      currency: { id: '1' },
      department: { id: '3' },
      class: { id: '4' },
      shipMethod: { id: '101' },
      shippingCost: 4.99,
      shippingAddress: { addressee: 'Zoë Ångström', country: { id: 'US' } },
    });
    expect((draft.body.item as { items: unknown[] }).items).toEqual([
      {
        item: { id: '1001' },
        quantity: 2,
        rate: 10,
        amount: 20,
        location: { id: '6' },
      },
      { item: { id: '501' }, amount: -2, description: 'Amazon promotion PROMO-1' },
      { item: { id: '502' }, amount: 2, description: 'Amazon gift wrap' },
      { item: { id: '503' }, amount: 1.6, description: 'Amazon item tax' },
      { item: { id: '503' }, amount: 0.5, description: 'Amazon shipping and gift wrap tax' },
    ]);
  });

  it('lines plus shipping add up to the expected total to the cent', () => {
    const draft = build();
    const lines = (draft.body.item as { items: Array<{ amount: number }> }).items;
    const cents =
      lines.reduce((sum, line) => sum + Math.round(line.amount * 100), 0) +
      Math.round((draft.body.shippingCost as number) * 100);

    expect(cents).toBe(2709);
  });

  it('puts a cart-level discount on the body', () => {
    const draft = build({
      ...baseOptions,
      orders: { ...baseOptions.orders, discountLevel: 'cart' },
    });

    expect(draft.body).toMatchObject({ discountItem: { id: '501' }, discountRate: -2 });
    expect((draft.body.item as { items: unknown[] }).items).toHaveLength(4);
  });

  it('sends shipping as a line when configured', () => {
    const draft = build({
      ...baseOptions,
      orders: { ...baseOptions.orders, shippingAs: 'line', shippingItemId: '504' },
    });

    expect(draft.body.shippingCost).toBeUndefined();
    expect((draft.body.item as { items: unknown[] }).items).toContainEqual({
      item: { id: '504' },
      amount: 4.99,
      description: 'Amazon shipping',
    });
  });

  it('writes no tax lines in netsuite tax mode and fills the variance field', () => {
    const draft = build({
      ...baseOptions,
      orders: {
        ...baseOptions.orders,
        tax: { mode: 'netsuite', amazonTaxTotalField: 'custbody_amz_tax' },
      },
    });

    expect(draft.total).toBe('24.99');
    expect(draft.body.custbody_amz_tax).toBe(2.1);
    expect(JSON.stringify(draft.body)).not.toContain('Amazon item tax');
  });

  it('names the missing SKUs', () => {
    const order = makeOrder({ orderItems: [makeItem({ sku: 'NOPE 1/ä' })] });

    expect(() => build(baseOptions, order)).toThrow(MissingItemError);
    expect(() => build(baseOptions, order)).toThrow('"NOPE 1/ä"');
  });

  it('fails on an unmapped ship service level unless a default exists', () => {
    const order = makeOrder({
      fulfillment: {
        fulfillmentStatus: 'UNSHIPPED',
        fulfilledBy: 'MERCHANT',
        fulfillmentServiceLevel: 'NEXT_DAY',
      },
    });

    expect(() => build(baseOptions, order)).toThrow(UnmappedShipMethodError);
    expect(
      build(
        { ...baseOptions, orders: { ...baseOptions.orders, defaultShipMethodId: '199' } },
        order,
      ).body.shipMethod,
    ).toEqual({ id: '199' });
  });

  it('sends no ship method when none is mapped at all', () => {
    expect(
      build({ ...baseOptions, orders: { ...baseOptions.orders, shipMethods: {} } }).body.shipMethod,
    ).toBeUndefined();
  });

  it('requires the discount item when an order has a promotion', () => {
    expect(() =>
      build({ ...baseOptions, orders: { ...baseOptions.orders, discountItemId: undefined } }),
    ).toThrow(MissingSettingError);
  });

  it('uses the FBA location and no ship method for FBA orders', () => {
    const draft = build(
      baseOptions,
      makeOrder({
        orderItems: [richItem],
        fulfillment: { fulfillmentStatus: 'SHIPPED', fulfilledBy: 'AMAZON' },
      }),
      'FBA',
    );

    expect(draft.body.location).toEqual({ id: '9' });
    expect(draft.body.shipMethod).toBeUndefined();
    expect(draft.body.memo).toBe('Amazon FBA order 113-1234567-1234567');
  });

  it('uses the marketplace price level on item lines', () => {
    const draft = build({ ...baseOptions, marketplaces: { ATVPDKIKX0DER: { priceLevelId: '2' } } });

    expect((draft.body.item as { items: Array<{ price?: unknown }> }).items[0]?.price).toEqual({
      id: '2',
    });
  });
});
