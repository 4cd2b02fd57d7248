import { describe, expect, it } from 'vitest';

import { expectedOrderTotal, readItemAmounts } from '../../src/orders/amounts';
import { InvalidOrderError } from '../../src/orders/amazon-order';
import { makeItem, makeOrder, usd } from './fixtures';

describe(readItemAmounts.name, () => {
  it('falls back to unit price × quantity without breakdowns', () => {
    const item = makeItem({ quantityOrdered: 3, unitPrice: '0.10' });
    const amounts = readItemAmounts(makeOrder({ orderItems: [item] }), item);

    expect(amounts.itemPrice.toFixed(2)).toBe('0.30');
    expect(amounts.itemTax.isZero()).toBe(true);
  });

  it('splits tax and discounts by their detailed subtypes', () => {
    const item = makeItem({
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
            { subtype: 'SHIPPING', value: usd('0.40') },
            { subtype: 'GIFT_WRAP', value: usd('0.10') },
          ],
        },
        {
          type: 'DISCOUNT',
          subtotal: usd('-3.00'),
          detailedBreakdowns: [
            { subtype: 'ITEM', value: usd('-2.00') },
            { subtype: 'SHIPPING', value: usd('-1.00') },
          ],
        },
      ],
    });
    const amounts = readItemAmounts(makeOrder({ orderItems: [item] }), item);

    expect(amounts.itemTax.toFixed(2)).toBe('1.60');
    expect(amounts.shippingTax.toFixed(2)).toBe('0.40');
    expect(amounts.giftWrapTax.toFixed(2)).toBe('0.10');
    expect(amounts.itemDiscount.toFixed(2)).toBe('2.00');
    expect(amounts.shippingDiscount.toFixed(2)).toBe('1.00');
    expect(expectedOrderTotal([amounts], true).toFixed(2)).toBe('26.09');
    expect(expectedOrderTotal([amounts], false).toFixed(2)).toBe('23.99');
  });

  it('assigns undetailed tax to the item', () => {
    const item = makeItem({
      breakdowns: [
        { type: 'ITEM', subtotal: usd('19.99') },
        { type: 'TAX', subtotal: usd('1.65') },
      ],
    });

    expect(readItemAmounts(makeOrder(), item).itemTax.toFixed(2)).toBe('1.65');
  });

  it('adds amounts exactly (0.1 + 0.2 is 0.3)', () => {
    const item = makeItem({
      breakdowns: [
        { type: 'ITEM', subtotal: usd('0.1') },
        { type: 'SHIPPING', subtotal: usd('0.2') },
      ],
    });

    expect(expectedOrderTotal([readItemAmounts(makeOrder(), item)], true).toString()).toBe('0.3');
  });

  it('rejects an item without any price', () => {
    const item = makeItem();
    item.product.price = undefined;

    expect(() => readItemAmounts(makeOrder({ orderItems: [item] }), item)).toThrow(
      InvalidOrderError,
    );
  });

  it('rejects a malformed amount naming where it is', () => {
    const item = makeItem({ breakdowns: [{ type: 'ITEM', subtotal: usd('1,00') }] });

    expect(() => readItemAmounts(makeOrder(), item)).toThrow(/orderItems\[OI-1\]\.proceeds\.ITEM/);
  });
});
