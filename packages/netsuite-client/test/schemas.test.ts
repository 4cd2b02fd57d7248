import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { customRecordSchemaFor, decimalSchema, recordSchemas, suiteQl } from '../src/index';

describe('record schemas', () => {
  it('keep money as the decimal text NetSuite sent and pass unknown fields through', () => {
    const order = recordSchemas.salesOrder.parse({
      id: '1',
      total: 124.93,
      shippingCost: '4.99',
      custbody_amazon_order: '114-1234567-1234567',
      item: { items: [{ line: 1, amount: 0.1, rate: 1e-7 }] },
    });

    expect(order.total).toBe('124.93');
    expect(order.shippingCost).toBe('4.99');
    expect(order.item?.items?.[0]?.amount).toBe('0.1');
    expect(order.item?.items?.[0]?.rate).toBe('0.0000001');
    expect(order).toHaveProperty('custbody_amazon_order', '114-1234567-1234567');
  });

  it('rejects a decimal that is not a number', () => {
    expect(decimalSchema.safeParse('12,50').success).toBe(false);
  });

  it('builds custom record schemas by script id', () => {
    const schema = customRecordSchemaFor('customrecord_amz_settlement', {
      custrecord_amz_total: decimalSchema,
    });

    expect(schema.parse({ name: 'S-1', custrecord_amz_total: 10.5 })).toMatchObject({
      name: 'S-1',
      custrecord_amz_total: '10.5',
    });
    expect(() => customRecordSchemaFor('salesOrder', {})).toThrow(RangeError);
  });
});

describe('suiteQl converters', () => {
  it('convert user-format dates, booleans, integers and decimals', () => {
    const row = z.object({
      trandate: suiteQl.date('M/D/YYYY'),
      duedate: suiteQl.date('D.M.YYYY'),
      isinactive: suiteQl.boolean(),
      id: suiteQl.integer(),
      amount: suiteQl.decimal(),
    });

    expect(
      row.parse({
        trandate: '5/11/2020',
        duedate: '14.03.2023',
        isinactive: 'T',
        id: '2144',
        amount: '-10.50',
      }),
    ).toEqual({
      trandate: '2020-05-11',
      duedate: '2023-03-14',
      isinactive: true,
      id: 2144,
      amount: '-10.50',
    });
    expect(suiteQl.date('YYYY-MM-DD').safeParse('5/11/2020').success).toBe(false);
  });
});
