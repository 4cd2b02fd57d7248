import { describe, expect, it } from 'vitest';

import { decideCancellation, toStatusLetter } from '../../src/orders/cancellation';
import { classifyFbaOrder, classifyMfnOrder } from '../../src/orders/classify';
import { makeItem, makeOrder } from './fixtures';

describe(decideCancellation.name, () => {
  it.each([
    [undefined, 'ignore'],
    [{ status: { id: 'A' } }, 'closeLines'],
    [{ status: { id: 'B' } }, 'closeLines'],
    [{ status: 'Pending Fulfillment' }, 'closeLines'],
    [{ status: { id: 'B' }, anyLineFulfilledOrBilled: true }, 'error'],
    [{ status: { id: 'C' } }, 'done'],
    [{ status: { id: 'H' } }, 'done'],
    [{ status: { id: 'D' } }, 'error'],
    [{ status: { id: 'F' } }, 'error'],
    [{ status: { id: 'G' } }, 'error'],
    [{ status: { refName: 'Billed' } }, 'error'],
  ])('decides %j → %s', (record, decision) => {
    expect(decideCancellation(record).decision).toBe(decision);
  });

  it('reads status letters in every shape', () => {
    expect(toStatusLetter({ id: 'b' })).toBe('B');
    expect(toStatusLetter('Pending Billing/Partially Fulfilled')).toBe('E');
    expect(toStatusLetter(42)).toBeUndefined();
  });
});

describe(classifyMfnOrder.name, () => {
  const withStatus = (fulfillmentStatus: string) =>
    makeOrder({ fulfillment: { fulfillmentStatus, fulfilledBy: 'MERCHANT' } });

  it.each([
    ['UNSHIPPED', 'import'],
    ['PARTIALLY_SHIPPED', 'import'],
    ['SHIPPED', 'import'],
    ['CANCELLED', 'cancel'],
    ['PENDING', 'hold'],
    ['PENDING_AVAILABILITY', 'hold'],
    ['UNFULFILLABLE', 'skip'],
  ])('%s → %s', (status, action) => {
    expect(classifyMfnOrder(withStatus(status)).action).toBe(action);
  });

  it('holds an unpriced order', () => {
    const item = makeItem();
    item.product.price = undefined;

    expect(classifyMfnOrder(makeOrder({ orderItems: [item] }))).toEqual({
      action: 'hold',
      reason: 'unpriced',
    });
  });

  it('skips FBA and non-Amazon orders', () => {
    expect(
      classifyMfnOrder(
        makeOrder({ fulfillment: { fulfillmentStatus: 'SHIPPED', fulfilledBy: 'AMAZON' } }),
      ).action,
    ).toBe('skip');
    expect(
      classifyMfnOrder(makeOrder({ salesChannel: { channelName: 'NON_AMAZON' } })).action,
    ).toBe('skip');
  });
});

describe(classifyFbaOrder.name, () => {
  it('imports only shipped FBA orders', () => {
    expect(
      classifyFbaOrder(
        makeOrder({ fulfillment: { fulfillmentStatus: 'SHIPPED', fulfilledBy: 'AMAZON' } }),
      ).action,
    ).toBe('import');
    expect(
      classifyFbaOrder(
        makeOrder({ fulfillment: { fulfillmentStatus: 'UNSHIPPED', fulfilledBy: 'AMAZON' } }),
      ).action,
    ).toBe('skip');
    expect(classifyFbaOrder(makeOrder()).action).toBe('skip');
  });
});
