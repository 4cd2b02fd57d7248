import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { escapeLiteral, sql, suiteQl } from '../src/index';
import { runQuery } from '../src/suiteql/query';
import { BASE_URL, createTestClient, setUpNock, tearDownNock } from './helpers';
import nock from 'nock';

const SUITEQL = '/services/rest/query/v1/suiteql';

interface Captured {
  q: string;
  limit: number;
  offset: number;
  prefer: string | undefined;
}

/**
 * A SuiteQL endpoint over ids 1..total that enforces NetSuite's paging rules: limit ≤ 1000, offset a
 * multiple of limit, and no rows past offset 100,000 (it answers 400 like NetSuite would).
 */
function mockSuiteQl(total: number, captured: Captured[]): void {
  nock(BASE_URL)
    .persist()
    .post(SUITEQL)
    .query(true)
    .reply(function reply(uri, body) {
      const url = new URL(uri, BASE_URL);
      const limit = Number(url.searchParams.get('limit'));
      const offset = Number(url.searchParams.get('offset'));
      const q = (body as { q: string }).q;
      captured.push({ q, limit, offset, prefer: this.req.headers.prefer as string | undefined });

      if (limit > 1000 || offset % limit !== 0 || offset + limit > 100_000) {
        return [
          400,
          {
            status: 400,
            'o:errorDetails': [{ detail: 'bad paging', 'o:errorCode': 'INVALID_PARAMETER' }],
          },
        ];
      }

      const after = /WHERE id > (\d+)/.exec(q);
      const first = after ? Number(after[1]) + 1 : 1;
      const start = first + offset;
      const end = Math.min(total, start + limit - 1);
      const items = [];
      for (let id = start; id <= end; id++)
        items.push({ links: [], id: String(id), itemid: `SKU-${id}`, isinactive: 'F' });

      return [
        200,
        {
          links: [],
          count: items.length,
          hasMore: end < total,
          items,
          offset,
          totalResults: total - first + 1,
        },
      ];
    });
}

describe(runQuery.name, () => {
  beforeEach(setUpNock);
  afterEach(tearDownNock);

  it('returns 250,000 rows complete and without duplicates, restarting by key before 100,000', async () => {
    const { client } = createTestClient();
    const captured: Captured[] = [];
    mockSuiteQl(250_000, captured);

    let count = 0;
    let gapsOrDuplicates = 0;
    for await (const row of client.query(
      sql`SELECT id, itemid, isinactive FROM item ORDER BY id`,
    )) {
      count += 1;
      if (Number(row.id) !== count) gapsOrDuplicates += 1;
    }

    expect(count).toBe(250_000);
    expect(gapsOrDuplicates).toBe(0);
    expect(captured).toHaveLength(250);
    expect(
      captured.every(
        (call) => call.limit === 1000 && call.offset % 1000 === 0 && call.offset < 100_000,
      ),
    ).toBe(true);
    expect(captured.every((call) => call.prefer === 'transient')).toBe(true);
    expect(captured[100]?.q).toBe(
      'SELECT * FROM (SELECT id, itemid, isinactive FROM item ORDER BY id) WHERE id > 100000 ORDER BY id',
    );
    expect(captured[100]?.offset).toBe(0);
  }, 60_000);

  it('converts rows with a zod row schema', async () => {
    const { client } = createTestClient();
    mockSuiteQl(3, []);
    const rowSchema = z.object({
      id: suiteQl.integer(),
      itemid: suiteQl.text(),
      isinactive: suiteQl.boolean(),
    });

    const rows = [];
    for await (const row of client.query('SELECT id, itemid, isinactive FROM item ORDER BY id', {
      rowSchema,
    }))
      rows.push(row);

    expect(rows).toEqual([
      { id: 1, itemid: 'SKU-1', isinactive: false },
      { id: 2, itemid: 'SKU-2', isinactive: false },
      { id: 3, itemid: 'SKU-3', isinactive: false },
    ]);
  });

  it('rejects a page size above 1000 before sending', async () => {
    const { client } = createTestClient();
    const rows = client.query('SELECT id FROM item', { pageSize: 1001 });
    const iterator = rows[Symbol.asyncIterator]();

    await expect(iterator.next()).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      errorPath: 'limit',
    });
  });

  it('fails clearly when a second window is needed but the key column is missing', async () => {
    const { client } = createTestClient();
    mockSuiteQl(5, []);

    const consume = async () => {
      for await (const _row of client.query('SELECT itemid FROM item', {
        pageSize: 1,
        windowRows: 2,
        keyColumn: 'internalid',
      })) {
        // drain
      }
    };

    await expect(consume()).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      errorPath: 'keyColumn',
    });
  });

  it('refuses a key window over keys that do not strictly ascend', async () => {
    const { client } = createTestClient();
    nock(BASE_URL)
      .persist()
      .post(SUITEQL)
      .query(true)
      .reply(200, { items: [{ links: [], id: '7' }], hasMore: true, count: 1, offset: 0 });

    const consume = async () => {
      for await (const _row of client.query('SELECT id FROM item ORDER BY id', {
        pageSize: 1,
        windowRows: 2,
      })) {
        // drain
      }
    };

    await expect(consume()).rejects.toThrow(/unique "id" ascending/);
  });

  it('batches lookupMany into IN lists of at most 1000 distinct keys', async () => {
    const { client } = createTestClient();
    const captured: string[] = [];
    nock(BASE_URL)
      .persist()
      .post(SUITEQL)
      .query(true)
      .reply((_uri, body) => {
        captured.push((body as { q: string }).q);
        return [
          200,
          { items: [{ links: [], id: '1', itemid: 'x' }], hasMore: false, count: 1, offset: 0 },
        ];
      });
    const skus = Array.from({ length: 2500 }, (_, index) => `SKU-${index % 2100}`);

    const rows = await client.lookupMany(
      skus,
      (batch) => sql`SELECT id, itemid FROM item WHERE itemid IN (${batch})`,
    );

    expect(rows).toHaveLength(3);
    expect(captured).toHaveLength(3);
    expect(captured.map((q) => (q.match(/'SKU-/g) ?? []).length).sort()).toEqual([100, 1000, 1000]);
  });
});

describe(sql.name, () => {
  it("keeps O'Brien's 12\" mug one literal that cannot change the query", () => {
    const sku = "O'Brien's 12\" mug";
    const query = sql`SELECT id FROM item WHERE itemid = ${sku}`;

    expect(query.text).toBe(`SELECT id FROM item WHERE itemid = 'O''Brien''s 12" mug'`);
    expect(JSON.parse(JSON.stringify({ q: query.text })).q).toBe(query.text);
  });

  it('neutralises an injection attempt', () => {
    const hostile = "x' OR '1'='1'; --";
    const text = sql`SELECT id FROM item WHERE itemid = ${hostile}`.text;

    // Removing the one literal leaves the original query shape: nothing escaped out of it.
    expect(text.replace(escapeLiteral(hostile), '?')).toBe('SELECT id FROM item WHERE itemid = ?');
  });

  it('formats numbers, booleans, null, lists and identifiers; rejects bad values', () => {
    expect(sql`${1} ${true} ${null} (${['a', 2]}) ${sql.identifier('t.id')}`.text).toBe(
      "1 'T' NULL ('a', 2) t.id",
    );
    expect(() => sql`${Number.NaN}`).toThrow(/finite/);
    expect(() => sql`${[]}`).toThrow(/empty/);
    expect(() => sql.identifier('id; DROP')).toThrow(/identifier/);
    expect(() => escapeLiteral('a\u0000b')).toThrow(/NUL/);
  });
});
