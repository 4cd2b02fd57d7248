import { describe, expect, it } from 'vitest';

import {
  availableUnits,
  computeQuantityUpdates,
  offeredQuantity,
} from '../../src/inventory/compute';
import { computePriceUpdates, samePrice, selectPrice } from '../../src/pricing/select';

const availability = new Map([
  [
    '1',
    new Map([
      ['A', 10],
      ['B', 3],
      ['C', 100],
    ]),
  ],
  [
    '2',
    new Map([
      ['A', 4],
      ['B', 9],
    ]),
  ],
  ['3', new Map([['A', -2]])],
]);

describe(availableUnits.name, () => {
  it('sums the chosen locations', () => {
    expect(availableUnits({ sku: 's', itemId: '1' }, availability, ['A', 'B'])).toBe(13);
    expect(availableUnits({ sku: 's', itemId: '1' }, availability, [])).toBe(113);
  });

  it('treats negative availability as zero', () => {
    expect(availableUnits({ sku: 's', itemId: '3' }, availability, ['A'])).toBe(0);
  });

  it('computes kits per location from their components', () => {
    // A: min(10/2, 4/1) = 4; B: min(3/2, 9/1) = 1 → 5 (not min(13/2, 13) = 6).
    const kit = {
      sku: 'kit',
      itemId: '99',
      components: [
        { itemId: '1', quantity: 2 },
        { itemId: '2', quantity: 1 },
      ],
    };

    expect(availableUnits(kit, availability, ['A', 'B'])).toBe(5);
  });
});

describe(offeredQuantity.name, () => {
  it('subtracts safety stock, applies the allocation and floors at zero', () => {
    expect(offeredQuantity(10, { safetyStock: 2, allocationPercent: 50 })).toBe(4);
    expect(offeredQuantity(10, { safetyStock: 0, allocationPercent: 33.3 })).toBe(3);
    expect(offeredQuantity(1, { safetyStock: 5, allocationPercent: 100 })).toBe(0);
  });
});

describe(computeQuantityUpdates.name, () => {
  it('keeps only changed quantities', () => {
    const updates = computeQuantityUpdates(
      [
        { sku: 'a', itemId: '1' },
        { sku: 'b', itemId: '2' },
      ],
      availability,
      { safetyStock: 0, allocationPercent: 100, locationIds: ['A'] },
      new Map([['a', 10]]),
    );

    expect(updates).toEqual([{ sku: 'b', quantity: 4 }]);
  });
});

describe(selectPrice.name, () => {
  const rows = [
    { itemId: '1', priceLevelId: '1', currencyId: '1', quantity: 0, unitPrice: '19.99' },
    { itemId: '1', priceLevelId: '1', currencyId: '1', quantity: 10, unitPrice: '17.99' },
    { itemId: '1', priceLevelId: '1', currencyId: '4', quantity: 0, unitPrice: '18.50' },
    { itemId: '1', priceLevelId: '2', currencyId: '1', quantity: 0, unitPrice: '15.9' },
  ];

  it('takes the base price, first tier, in the currency', () => {
    expect(selectPrice(rows, '1', undefined, '1')).toBe('19.99');
    expect(selectPrice(rows, '1', undefined, '4')).toBe('18.50');
  });

  it('takes the chosen price level', () => {
    expect(selectPrice(rows, '1', '2', '1')).toBe('15.9');
    expect(selectPrice(rows, '1', '3', '1')).toBeUndefined();
  });

  it('formats prices and keeps only changed ones', () => {
    const updates = computePriceUpdates(
      [{ sku: 'a', itemId: '1' }],
      rows,
      { priceLevelId: '2', currencyId: '1', currency: 'USD' },
      new Map(),
    );

    expect(updates).toEqual([{ sku: 'a', price: '15.90', currency: 'USD' }]);
    expect(
      computePriceUpdates(
        [{ sku: 'a', itemId: '1' }],
        rows,
        { priceLevelId: '2', currencyId: '1', currency: 'USD' },
        new Map([['a', '15.9']]),
      ),
    ).toEqual([]);
    expect(samePrice('19.9', '19.90')).toBe(true);
  });
});
