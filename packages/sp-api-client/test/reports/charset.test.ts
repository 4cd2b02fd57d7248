import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';

import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';

import {
  createTsvParser,
  decideCharset,
  normalizeCharset,
  parseDeclaredCharset,
  readSettlementRecords,
} from '../../src/reports';
import { sharedPath } from '../../../../test-support/shared';
import { collect } from './support';

const JP = 'A1VC38T7YXB528';
const US = 'ATVPDKIKX0DER';

describe(parseDeclaredCharset.name, () => {
  it.each([
    ['text/plain; charset=Cp1252', 'Cp1252'],
    ['text/tab-separated-values;charset="UTF-8"', 'UTF-8'],
    ['text/plain', undefined],
    [undefined, undefined],
  ])('reads %s', (contentType, expected) => {
    expect(parseDeclaredCharset(contentType)).toBe(expected);
  });
});

describe(normalizeCharset.name, () => {
  it.each([
    ['Cp1252', 'windows-1252'],
    ['utf8', 'utf-8'],
    ['Windows-31J', 'cp932'],
    ['Shift_JIS', 'cp932'],
    ['ISO-8859-1', 'iso-8859-1'],
    ['x-unknown-charset', undefined],
  ])('maps %s to %s', (declared, expected) => {
    expect(normalizeCharset(declared)).toBe(expected);
  });
});

describe(decideCharset.name, () => {
  const cp932 = iconv.encode('注文番号', 'cp932');

  it('prefers a known declared charset over the bytes', () => {
    expect(decideCharset('Cp1252', Buffer.from('plain'), [JP])).toEqual({
      charset: 'windows-1252',
      source: 'declared',
    });
  });

  it('ignores an unknown declared charset and detects instead', () => {
    expect(decideCharset('x-bogus', cp932, [JP])).toEqual({
      charset: 'cp932',
      source: 'marketplace-fallback',
    });
  });

  it('chooses windows-1252 for invalid UTF-8 outside Japan', () => {
    expect(decideCharset(undefined, cp932, [US])).toEqual({
      charset: 'windows-1252',
      source: 'marketplace-fallback',
    });
  });

  it('chooses UTF-8 on a BOM and on valid UTF-8', () => {
    expect(decideCharset(undefined, Buffer.from([0xef, 0xbb, 0xbf, 0x41]), [JP]).source).toBe(
      'bom',
    );
    expect(decideCharset(undefined, Buffer.from('注文番号'), [JP])).toEqual({
      charset: 'utf-8',
      source: 'valid-utf8',
    });
  });

  it('accepts a multi-byte character cut at the end of the window but not one cut in the middle', () => {
    const cutAtEnd = Buffer.from('abc注').subarray(0, 5);
    const cutInMiddle = Buffer.concat([cutAtEnd, Buffer.from('xyz')]);

    expect(decideCharset(undefined, cutAtEnd, [US]).charset).toBe('utf-8');
    expect(decideCharset(undefined, cutInMiddle, [US]).charset).toBe('windows-1252');
  });
});

describe('settlement V2 sample against the fee-code reference', () => {
  it('reads amount-type and amount-description into the fields the reference catalogue describes', async () => {
    const reference = JSON.parse(
      readFileSync(
        sharedPath('amazon/samples/reference/settlement-fee-codes.xieyi138.json'),
        'utf8',
      ),
    ) as {
      entries: Array<{ description: string; amount_types: string[] }>;
      amount_types_observed_literally: string[];
    };
    const known = new Set(
      reference.entries.flatMap((entry) =>
        entry.amount_types.map((type) => `${type}/${entry.description}`),
      ),
    );
    const file = readFileSync(
      sharedPath('amazon/samples/settlement-v2-flatfile/xieyi138-synthetic/settlement-sample.txt'),
    );

    const records = await collect(
      readSettlementRecords(Readable.from([file]).pipe(createTsvParser())),
    );
    const lines = records.flatMap((record) => (record.kind === 'line' ? [record] : []));
    const pairs = lines.map((line) => `${line.amountType}/${line.amountDescription}`);

    // The catalogue is incomplete by construction (fee labels change without notice, §5.1 quirk 9).
    expect(pairs.filter((pair) => known.has(pair)).length / pairs.length).toBeGreaterThan(0.9);
    expect(
      lines.every((line) =>
        reference.amount_types_observed_literally.includes(line.amountType ?? ''),
      ),
    ).toBe(true);
  });

  it("honours quoted cells in 'relaxed' quote mode", async () => {
    const rows = await collect(
      Readable.from(['sku\tname\nQ-1\t"tab\there"\nQ-2\tsay "hi"\n']).pipe(
        createTsvParser('relaxed'),
      ),
    );

    expect(rows).toEqual([
      { sku: 'Q-1', name: 'tab\there' },
      { sku: 'Q-2', name: 'say "hi"' },
    ]);
  });
});
