import { describe, expect, it } from 'vitest';
import { ValueFormatError, parseLocalizedNumber } from '../../src/index';

const DE = { marketplaceId: 'A1PA6795UKMFR9' };
const US = { marketplaceId: 'ATVPDKIKX0DER' };

describe(parseLocalizedNumber.name, () => {
  it.each([
    ['1.141,18', DE, '1141.18'],
    ['1141,18', DE, '1141.18'],
    ['-128,00', DE, '-128.00'],
    ['1 234 567,5', { decimalSeparator: ',' as const }, '1234567.5'],
    ['1,141.18', US, '1141.18'],
    ['-1,141.18', US, '-1141.18'],
    ['1141.18', US, '1141.18'],
    ['0.00', US, '0.00'],
    ['-0,00', DE, '0.00'],
    ['12-', US, '-12'],
    ['+7', US, '7'],
    ['007.5', US, '7.5'],
  ])('parses %s', (text, source, expected) => {
    expect(parseLocalizedNumber(text, source)).toBe(expected);
  });

  it.each([
    ['128,00', US],
    ['1.141.18', US],
    ['1,14,118.00', US],
    ['', US],
    ['abc', DE],
    ['1,2,3', DE],
    ['1.141,18', US],
  ])('rejects %s with a message naming the text and format', (text, source) => {
    expect(() => parseLocalizedNumber(text, source)).toThrow(ValueFormatError);
    expect(() => parseLocalizedNumber(text, source)).toThrow(`'${text}' is not a number`);
  });

  it('rejects an unknown marketplace id', () => {
    expect(() => parseLocalizedNumber('1', { marketplaceId: 'NOPE' })).toThrow(
      /Unknown Amazon marketplace id 'NOPE'/,
    );
  });
});
