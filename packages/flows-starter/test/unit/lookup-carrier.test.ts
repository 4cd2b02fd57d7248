import { describe, expect, it } from 'vitest';

import { mapCarrier } from '../../src/fulfillments/carrier';
import {
  buildItemLookupQuery,
  chunkSkus,
  mapSkusToItems,
  quoteSuiteQl,
} from '../../src/items/lookup';
import { itemLookupSchema } from '../../src/settings/common';

const lookup = (input: object = {}) => itemLookupSchema.parse(input);

describe(buildItemLookupQuery.name, () => {
  it('builds one IN-list query with escaped literals', () => {
    const query = buildItemLookupQuery(["O'Brien 1/2", 'A,B', "O'Brien 1/2"], lookup());

    expect(query).toEqual({
      query:
        "SELECT id, itemid FROM item WHERE isinactive = 'F' AND itemid IN ('O''Brien 1/2', 'A,B')",
      idColumn: 'id',
      keyColumn: 'itemid',
    });
  });

  it('looks up by UPC, external id or alias record', () => {
    expect(buildItemLookupQuery(['1'], lookup({ by: 'upc' })).query).toContain("upccode IN ('1')");
    expect(
      buildItemLookupQuery(['X'], lookup({ by: 'externalId', externalIdPrefix: 'amz-' })).query,
    ).toContain("externalid IN ('amz-X')");
    expect(
      buildItemLookupQuery(
        ['X'],
        lookup({
          by: 'alias',
          alias: {
            recordType: 'customrecord_alias',
            skuField: 'custrecord_sku',
            itemField: 'custrecord_item',
          },
        }),
      ),
    ).toEqual({
      query:
        "SELECT custrecord_item, custrecord_sku FROM customrecord_alias WHERE isinactive = 'F' AND custrecord_sku IN ('X')",
      idColumn: 'custrecord_item',
      keyColumn: 'custrecord_sku',
    });
  });

  it('rejects alias lookup without its record and empty pages', () => {
    expect(() => lookup({ by: 'alias' })).toThrow(/items.alias is required/);
    expect(() => buildItemLookupQuery([], lookup())).toThrow(RangeError);
  });

  it('escapes quotes only by doubling', () => {
    expect(quoteSuiteQl("a'b\\c")).toBe("'a''b\\c'");
  });
});

describe(mapSkusToItems.name, () => {
  it('maps exact keys first, then case-insensitively, lowest id on ties', () => {
    const rows = [
      { id: '30', itemid: 'sku-a' },
      { id: '20', itemid: 'SKU-A' },
      { id: '40', itemid: 'Ünï' },
      { id: '50', itemid: 'Ünï' },
    ];
    const result = mapSkusToItems(
      ['SKU-A', 'Sku-a', 'Ünï', 'missing'],
      rows,
      { idColumn: 'id', keyColumn: 'itemid' },
      lookup(),
    );

    expect([...result]).toEqual([
      ['SKU-A', '20'],
      ['Sku-a', '20'],
      ['Ünï', '40'],
    ]);
  });

  it('reads reference values of alias rows', () => {
    const result = mapSkusToItems(
      ['X'],
      [{ custrecord_item: { id: '7' }, custrecord_sku: 'X' }],
      { idColumn: 'custrecord_item', keyColumn: 'custrecord_sku' },
      lookup(),
    );

    expect(result.get('X')).toBe('7');
  });

  it('chunks unique SKUs', () => {
    expect(chunkSkus(['a', 'b', 'a', 'c'], 2)).toEqual([['a', 'b'], ['c']]);
  });
});

describe(mapCarrier.name, () => {
  it('uses the explicit mapping first', () => {
    expect(mapCarrier('Ground Saver', { 'ground saver': 'UPS' })).toEqual({ carrierCode: 'UPS' });
  });

  it.each([
    ['UPS Ground', 'UPS'],
    ['USPS Priority Mail', 'USPS'],
    ['FedEx 2Day', 'FedEx'],
    ['DHL eCommerce Parcel', 'DHL eCommerce'],
    ['DHL Express', 'DHL'],
  ])('recognises %s', (name, code) => {
    expect(mapCarrier(name, {})).toEqual({ carrierCode: code });
  });

  it('sends unknown carriers as Other with the name', () => {
    expect(mapCarrier('Local Courier', {})).toEqual({
      carrierCode: 'Other',
      carrierName: 'Local Courier',
    });
    expect(mapCarrier(undefined, {})).toEqual({ carrierCode: 'Other', carrierName: 'Other' });
    expect(mapCarrier('Bob', { bob: 'Other' })).toEqual({
      carrierCode: 'Other',
      carrierName: 'Bob',
    });
  });
});
