import { readFileSync, readdirSync } from 'node:fs';
import { Readable } from 'node:stream';

import { InvalidInputError } from '@sellerbridge/http-core';
import { describe, expect, it } from 'vitest';

import {
  SETTLEMENT_V2_COLUMNS,
  createTsvParser,
  isSettlementSummaryRow,
  readCustomerReturnRows,
  readLedgerDetailRows,
  toAllOrdersRow,
} from '../../src/reports';
import type { ReportRow } from '../../src/reports';
import { sharedPath } from '../../../../test-support/shared';
import { collect } from './support';

async function parseFile(path: string): Promise<ReportRow[]> {
  return collect(Readable.from([readFileSync(path)]).pipe(createTsvParser()));
}

describe('settlement V2 columns', () => {
  it('match the header of the V2 sample file', () => {
    const file = sharedPath(
      'amazon/samples/settlement-v2-flatfile/xieyi138-synthetic/settlement-sample.txt',
    );
    const header = readFileSync(file, 'utf8').split('\n')[0]?.trim().split('\t');

    expect(header).toEqual([...SETTLEMENT_V2_COLUMNS]);
  });
});

describe('settlement V1 real files (Amazon.ca)', () => {
  const folder = sharedPath('amazon/samples/settlement-v1-flatfile/adwweaver-CA-2025');

  it.each(readdirSync(folder))(
    '%s parses with its summary row first and no blank trailing row',
    async (name) => {
      const text = readFileSync(`${folder}/${name}`, 'utf8');
      const rows = await parseFile(`${folder}/${name}`);

      const dataLines = text
        .split(/\r?\n/)
        .slice(1)
        .filter((line) => line.trim() !== '');
      expect(rows).toHaveLength(dataLines.length);
      expect(isSettlementSummaryRow(rows[0] as ReportRow)).toBe(true);
      expect(rows.slice(1).some(isSettlementSummaryRow)).toBe(false);
      expect(rows[0]?.currency).toBe('CAD');
    },
  );
});

describe('airbyte header fixtures', () => {
  const fixture = (name: string) => sharedPath(`amazon/samples/airbyte-fixtures/${name}.csv`);

  // The fixtures repeat their header as placeholder data; real values go under the real header.
  async function withFixtureHeader(
    name: string,
    values: Record<string, string>,
  ): Promise<ReportRow[]> {
    const header = readFileSync(fixture(name), 'utf8').split('\n')[0] ?? '';
    const line = header
      .split('\t')
      .map((column) => values[column] ?? '')
      .join('\t');

    return collect(Readable.from([`${header}\n${line}\n`]).pipe(createTsvParser()));
  }

  it('reads ledger detail rows under the fixture header (CamelCase)', async () => {
    const values = {
      Date: '11/21/2023',
      FNSKU: 'X00ABC',
      EventType: 'Shipments',
      Quantity: '-2',
      ReconciledQuantity: '0',
    };
    const rows = await collect(
      readLedgerDetailRows(
        Readable.from(await withFixtureHeader('GET_LEDGER_DETAIL_VIEW_DATA', values)),
      ),
    );

    expect(rows[0]).toMatchObject({
      rowNumber: 1,
      date: '11/21/2023',
      fnsku: 'X00ABC',
      eventType: 'Shipments',
      quantity: -2,
      reconciledQuantity: 0,
    });
  });

  it('rejects the fixture placeholder rows, whose Quantity cell is not a number', async () => {
    const rows = Readable.from(await parseFile(fixture('GET_LEDGER_DETAIL_VIEW_DATA')));

    await expect(collect(readLedgerDetailRows(rows))).rejects.toThrow(/row 1 column quantity/);
  });

  it('reads ledger detail rows with spaced headers the same way', async () => {
    const row = {
      Date: '11/21/2023',
      'Event Type': 'Receipts',
      'Reference ID': 'FBA15',
      Quantity: '3',
      'Date and Time': '2023-11-21T10:00:00Z',
    };

    const rows = await collect(readLedgerDetailRows(Readable.from([row])));

    expect(rows[0]).toMatchObject({
      eventType: 'Receipts',
      referenceId: 'FBA15',
      quantity: 3,
      dateTime: '2023-11-21T10:00:00Z',
    });
  });

  it('reads customer returns under the fixture header, with status optional (absent in Amazon.ae)', async () => {
    const values = {
      'return-date': '2026-01-02T10:00:00+00:00',
      'order-id': '111-3',
      quantity: '1',
      'license-plate-number': 'LPN1',
    };
    const rows = await collect(
      readCustomerReturnRows(
        Readable.from(await withFixtureHeader('GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA', values)),
      ),
    );
    const withoutStatus = await collect(
      readCustomerReturnRows(
        Readable.from([{ 'return-date': '2026-01-01', 'order-id': '1', quantity: '1' }]),
      ),
    );

    expect(rows[0]).toMatchObject({ orderId: '111-3', quantity: 1, licensePlateNumber: 'LPN1' });
    expect(withoutStatus[0]?.status).toBeUndefined();
  });

  it('names report, row and column when a quantity is not an integer', () => {
    const attempt = () => toAllOrdersRow({ 'amazon-order-id': '1', quantity: 'two' }, 7);

    expect(attempt).toThrow(InvalidInputError);
    expect(attempt).toThrow(/row 7 column quantity/);
  });

  it('types all-orders rows with money as decimal strings', () => {
    const row = toAllOrdersRow(
      {
        'amazon-order-id': '111-2',
        quantity: '2',
        'item-price': ' 19.90 ',
        'is-business-order': 'false',
      },
      1,
    );

    expect(row).toMatchObject({
      amazonOrderId: '111-2',
      quantity: 2,
      itemPrice: '19.90',
      isBusinessOrder: false,
    });
  });
});
