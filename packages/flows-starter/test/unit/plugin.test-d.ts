import { describe, expectTypeOf, it } from 'vitest';

import { starter, type StarterSettings } from '../../src/index';

describe('starter options', () => {
  it('accepts documented settings and rejects typos at compile time', () => {
    const plugin = starter({
      orders: { fbaRecordType: 'cashSale' },
      customers: { strategy: 'defaults', defaultCustomerIds: ['1'] },
    });

    expectTypeOf(plugin.name).toEqualTypeOf<string>();
    expectTypeOf<StarterSettings['orders']['fbaRecordType']>().toEqualTypeOf<
      'salesOrder' | 'invoice' | 'cashSale'
    >();

    // @ts-expect-error an unknown record type
    starter({ orders: { fbaRecordType: 'estimate' } });
    // @ts-expect-error allocation is a number
    starter({ inventory: { allocationPercent: '90' } });
    // @ts-expect-error unknown customer strategy
    starter({ customers: { strategy: 'everyone' } });
  });
});
