import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { randomBytes } from 'node:crypto';

import { InvalidInputError } from '@sellerbridge/http-core';
import { afterAll, describe, expect, it } from 'vitest';

import { createTsvParser, readSettlementRecords } from '../../src/reports';
import type { SettlementRecord } from '../../src/reports';
import { isDateText, isDecimalText } from '../../src/reports/cell-formats';
import { sharedPath } from '../../../../test-support/shared';
import { collect } from './support';

const V2_SAMPLE = sharedPath(
  'amazon/samples/settlement-v2-flatfile/xieyi138-synthetic/settlement-sample.txt',
);
const V1_DIR = sharedPath('amazon/samples/settlement-v1-flatfile/adwweaver-CA-2025');
const AIRBYTE_V1 = sharedPath(
  'amazon/samples/airbyte-fixtures/GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE.csv',
);

const brokenDir = mkdtempSync(join(tmpdir(), 'sp-settlement-'));
afterAll(() => rmSync(brokenDir, { recursive: true, force: true }));

/** Reads a settlement file the way a caller of the exported helpers does. */
function readSettlement(path: string): Promise<SettlementRecord[]> {
  const rows = Readable.from([readFileSync(path)]).pipe(createTsvParser('none', { source: path }));

  return collect(readSettlementRecords(rows, { source: path }));
}

/** Writes a broken copy of the V2 sample, changed by `edit`, into the temp dir. */
function brokenCopy(name: string, edit: (text: string) => string | Buffer): string {
  const path = join(brokenDir, name);

  writeFileSync(path, edit(readFileSync(V2_SAMPLE, 'utf8')));
  return path;
}

async function readError(path: string): Promise<InvalidInputError> {
  const error = await readSettlement(path).catch((caught: unknown) => caught);

  expect(error).toBeInstanceOf(InvalidInputError);
  return error as InvalidInputError;
}

describe('settlement parsing accepts the real samples', () => {
  it('reads the V2 sample: one summary, 23 lines, amounts sum to the total', async () => {
    const records = await readSettlement(V2_SAMPLE);
    const lines = records.filter((record) => record.kind === 'line');
    const cents = lines.reduce((sum, line) => sum + Math.round(Number(line.amount ?? 0) * 100), 0);

    expect(records[0]).toMatchObject({ kind: 'summary', totalAmount: '582.89' });
    expect(lines).toHaveLength(23);
    expect(cents).toBe(58289);
  });

  it.each(readdirSync(V1_DIR))('reads the real V1 file %s (summary first)', async (name) => {
    const records = await readSettlement(join(V1_DIR, name));

    expect(records[0]?.kind).toBe('summary');
    expect(records.slice(1).every((record) => record.kind === 'line')).toBe(true);
  });

  it('reads the Airbyte V1 fixture', async () => {
    const records = await readSettlement(AIRBYTE_V1);

    expect(records.map((record) => record.kind)).toEqual(['summary', 'line']);
  });

  it('accepts localised EU amounts and dates', async () => {
    const path = brokenCopy('eu.txt', (text) =>
      text
        .replace('\t582.89\t', '\t1.141,18\t')
        .replace('2026-06-16 00:00:00 UTC', '14.03.2023 07:49:55 UTC')
        .replace('\t129.99\t', '\t129,99\t'),
    );

    const records = await readSettlement(path);

    expect(records[0]).toMatchObject({
      totalAmount: '1.141,18',
      settlementStartDate: '14.03.2023 07:49:55 UTC',
    });
    expect(records[1]).toMatchObject({ amount: '129,99' });
  });
});

describe('settlement parsing rejects broken files with the file, row and column', () => {
  it('random bytes', async () => {
    const path = brokenCopy('random.bin', () => randomBytes(4096));

    const error = await readError(path);

    expect(error.message).toContain('random.bin');
  });

  it('a file without its header row', async () => {
    const path = brokenCopy('headerless.txt', (text) => text.slice(text.indexOf('\n') + 1));

    const error = await readError(path);

    expect(error.message).toMatch(/headerless\.txt row 0 column settlement-id is missing/);
  });

  it('an amount that is no decimal', async () => {
    const path = brokenCopy('amount.txt', (text) => text.replace('\t10.40\t', '\t12x.9O\t'));

    const error = await readError(path);

    expect(error.message).toMatch(/amount\.txt row 3 column amount is not a decimal/);
  });

  it('a summary row whose total was removed', async () => {
    const path = brokenCopy('no-total.txt', (text) => text.replace('\t582.89\t', '\t\t'));

    const error = await readError(path);

    expect(error.message).toMatch(/no-total\.txt row 1 column total-amount is empty/);
  });

  it('a file cut mid-row', async () => {
    const path = brokenCopy('cut.txt', (text) => {
      const cutAt = text.indexOf('2026-06-19 00:00:00 UTC') + '2026-06-19 00:'.length;
      return text.slice(0, cutAt);
    });

    const error = await readError(path);

    expect(error.message).toMatch(/cut\.txt line \d+ has 17 cells, the header has 24/);
  });

  it('a row with more cells than the header', async () => {
    const path = brokenCopy('extra.txt', (text) =>
      text.replace('\tNX-HD-1200\t1\t\n', '\tNX-HD-1200\t1\t\tX\n'),
    );

    const error = await readError(path);

    expect(error.message).toMatch(/extra\.txt line 3 has 25 cells/);
  });

  it('a date that does not parse completely', async () => {
    const path = brokenCopy('date.txt', (text) =>
      text.replace('\t2026-06-17 08:14:22 UTC\t', '\t2026-06-17 08:\t'),
    );

    const error = await readError(path);

    expect(error.message).toMatch(/date\.txt row 2 column posted-date-time is not a date/);
  });
});

describe('cell formats', () => {
  it.each(['582.89', '-62.31', '1141,18', '1.234,56', '1,234.56', '0', '+5.0'])(
    'accepts the amount %s',
    (text) => expect(isDecimalText(text)).toBe(true),
  );

  it.each(['12x.9O', '1.234.56', '1,23,4', '', '-', '.5', '5.', '1 234,56'])(
    'rejects the amount "%s"',
    (text) => expect(isDecimalText(text)).toBe(false),
  );

  it.each([
    '2026-06-16 00:00:00 UTC',
    '2025-07-31T22:07:18+00:00',
    '14.03.2023 07:49:55 UTC',
    '06/19/26',
    '2026-06-19',
  ])('accepts the date %s', (text) => expect(isDateText(text)).toBe(true));

  it.each(['2026-06-19 00:', '2026-13-01', '2026-06-19 24:00:00 UTC', 'yesterday', '19.06'])(
    'rejects the date "%s"',
    (text) => expect(isDateText(text)).toBe(false),
  );
});
