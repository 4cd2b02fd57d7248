import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sharedPath } from '../../../test-support/shared';
import { parseErrorBody, recordSchemas } from '../src/index';
import { RECORD, createTestClient, netsuite, setUpNock, tearDownNock } from './helpers';

const readSample = (...segments: string[]): unknown =>
  JSON.parse(readFileSync(sharedPath('netsuite', 'samples', ...segments), 'utf8')) as unknown;

// Record samples (LedgerSync fixtures, a 2020 sandbox) and the type each is served as.
const RECORD_SAMPLES: Array<[file: string[], recordType: string]> = [
  [['ledger_sync-netsuite', 'customer.json'], 'customer'],
  [['ledger_sync', 'customer.json'], 'customer'],
  [['ledger_sync', 'invoice.json'], 'invoice'],
  [['ledger_sync-netsuite', 'journal_entry.json'], 'journalEntry'],
  [['ledger_sync-netsuite', 'customer_deposit.json'], 'customerDeposit'],
  [['ledger_sync-netsuite', 'account.json'], 'account'],
  [['ledger_sync-netsuite', 'check.json'], 'check'],
  [['ledger_sync-netsuite', 'currency.json'], 'currency'],
  [['ledger_sync-netsuite', 'department.json'], 'department'],
  [['ledger_sync-netsuite', 'ledger_class.json'], 'classification'],
  [['ledger_sync-netsuite', 'location.json'], 'location'],
  [['ledger_sync-netsuite', 'subsidiary.json'], 'subsidiary'],
  [['ledger_sync', 'non_inventory_item.json'], 'nonInventorySaleItem'],
  [['ledger_sync', 'price_level.json'], 'priceLevel'],
];

const SEARCH_SAMPLES = [
  'account_search.json',
  'check_search.json',
  'customer_deposit_search.json',
  'customer_search.json',
  'department_search.json',
  'ledger_class_search.json',
  'subsidiary_search.json',
  'vendor_search.json',
];

describe('real NetSuite response samples', () => {
  beforeEach(setUpNock);
  afterEach(tearDownNock);

  it.each(RECORD_SAMPLES)('parses %j as a %s record', async (file, recordType) => {
    const sample = readSample(...file) as Record<string, unknown>;
    const { client } = createTestClient();
    netsuite().get(`${RECORD}/${recordType}/1`).reply(200, sample, {
      'content-type': 'application/vnd.oracle.resource+json; type=singular',
    });

    const record = await client.records.get(recordType, '1');

    expect(record.links?.[0]?.href).toContain('/services/rest/record/v1/');
    expect(Object.keys(record).length).toBe(Object.keys(sample).length);
  });

  it('types the invoice sample: references, decimals as strings, expanded item lines', async () => {
    const sample = readSample('ledger_sync', 'invoice.json');
    const invoice = recordSchemas.invoice.parse(sample);

    expect(invoice.currency).toMatchObject({ id: '1', refName: 'USA' });
    expect(invoice.entity?.id).toBeDefined();
    const line = invoice.item?.items?.[0];
    expect(typeof line?.amount).toBe('string');
    expect(line?.price).toMatchObject({ id: '1', refName: 'Base Price' });
  });

  it('types the journal entry sample lines', () => {
    const entry = recordSchemas.journalEntry.parse(
      readSample('ledger_sync-netsuite', 'journal_entry.json'),
    );

    expect(entry.approved).toBe(true);
    expect(entry.createdDate).toBe('2020-05-29T20:30:00Z');
  });

  it.each(SEARCH_SAMPLES)(
    'reads the SuiteQL envelope %s as lower-case string rows without links',
    async (file) => {
      const sample = readSample('ledger_sync-netsuite', file) as {
        items: Array<Record<string, unknown>>;
      };
      const { client } = createTestClient();
      netsuite()
        .post('/services/rest/query/v1/suiteql')
        .query({ limit: '1000', offset: '0' })
        .reply(200, sample);

      const rows = [];
      for await (const row of client.query('SELECT * FROM x ORDER BY id')) rows.push(row);

      expect(rows).toHaveLength(sample.items.length);
      for (const row of rows) {
        expect(row).not.toHaveProperty('links');
        expect(Object.keys(row).every((key) => key === key.toLowerCase())).toBe(true);
        expect(Object.values(row).every((value) => typeof value === 'string')).toBe(true);
      }
    },
  );

  it('parses the nsError body shape of the reference', () => {
    const parsed = parseErrorBody(
      JSON.stringify({
        type: 'https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.1',
        title: 'Bad Request',
        status: 400,
        'o:errorDetails': [
          { detail: 'd', 'o:errorPath': 'item.items[0].item', 'o:errorCode': 'INVALID_CONTENT' },
        ],
      }),
    );

    expect(parsed).toEqual({
      title: 'Bad Request',
      details: [
        expect.objectContaining({ errorCode: 'INVALID_CONTENT', errorPath: 'item.items[0].item' }),
      ],
    });
    expect(parseErrorBody('<html>')).toBeUndefined();
  });
});
