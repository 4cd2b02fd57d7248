import { describe, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import type { NetSuiteClient, NetSuiteClientOptions } from '../src/index';
import { sql } from '../src/index';

declare const client: NetSuiteClient;

describe('NetSuiteClient types', () => {
  it('types records of known types by their schema', async () => {
    const order = await client.records.get('salesOrder', '1');

    expectTypeOf(order.tranId).toEqualTypeOf<string | undefined>();
    expectTypeOf(order.total).toEqualTypeOf<string | undefined>();
  });

  it('types SuiteQL rows by the row schema', async () => {
    const rowSchema = z.object({ id: z.string().transform(Number) });
    for await (const row of client.query(sql`SELECT id FROM item`, { rowSchema })) {
      expectTypeOf(row).toEqualTypeOf<{ id: number }>();
    }
  });

  it('rejects values sql cannot escape', () => {
    const object = () =>
      // @ts-expect-error objects are not SQL values
      sql`SELECT id FROM item WHERE itemid = ${{ sku: 'x' }}`;
    const missing = () =>
      // @ts-expect-error undefined is not a SQL value (use null)
      sql`SELECT id FROM item WHERE itemid = ${undefined}`;

    expectTypeOf(object).toBeFunction();
    expectTypeOf(missing).toBeFunction();
  });

  it('requires auth in the options', () => {
    // @ts-expect-error auth is required
    const options: NetSuiteClientOptions = { accountId: '1' };
    expectTypeOf(options).not.toBeNever();
  });
});
