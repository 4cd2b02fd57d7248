import { describe, expect, it } from 'vitest';
import { ValueFormatError, parseAmazonDate, toNetSuiteDate } from '../../src/index';

describe(parseAmazonDate.name, () => {
  it.each([
    ['2025-06-05T22:07:18+00:00', '2025-06-05T22:07:18.000Z'],
    ['2025-06-05T15:07:18-07:00', '2025-06-05T22:07:18.000Z'],
    ['2025-06-05T22:07:18.5Z', '2025-06-05T22:07:18.500Z'],
    ['2023-01-01 00:00:00 UTC', '2023-01-01T00:00:00.000Z'],
    ['14.03.2023 07:49:55 UTC', '2023-03-14T07:49:55.000Z'],
    ['14.03.2023', '2023-03-14T00:00:00.000Z'],
    ['03/14/23', '2023-03-14T00:00:00.000Z'],
    ['10/02/2023 20:07', '2023-10-02T20:07:00.000Z'],
  ])('parses %s as UTC', (text, expected) => {
    expect(parseAmazonDate(text)).toBe(expected);
  });

  it('decides slash order by marketplace, not by the cell', () => {
    expect(parseAmazonDate('09/06/25', { marketplaceId: 'ATVPDKIKX0DER' })).toBe(
      '2025-09-06T00:00:00.000Z',
    );
    expect(parseAmazonDate('09/06/25', { marketplaceId: 'A1F83G8C2ARO7P' })).toBe(
      '2025-06-09T00:00:00.000Z',
    );
  });

  it.each([
    '31.02.2023 00:00:00 UTC',
    '13/40/23',
    '2023-13-01T00:00:00Z',
    '14.03.2023 25:00:00 UTC',
    'yesterday',
    '',
  ])('rejects %s with a ValueFormatError naming it', (text) => {
    expect(() => parseAmazonDate(text)).toThrow(ValueFormatError);
    expect(() => parseAmazonDate(text)).toThrow(`'${text}' is not an Amazon date`);
  });
});

describe(toNetSuiteDate.name, () => {
  it('gives the calendar date in the account time zone', () => {
    expect(toNetSuiteDate('2024-03-01T03:00:00Z', 'America/Los_Angeles')).toBe('2024-02-29');
    expect(toNetSuiteDate('2024-03-01T03:00:00Z', 'Europe/Berlin')).toBe('2024-03-01');
    expect(toNetSuiteDate(new Date('2024-12-31T23:30:00Z'), 'Asia/Tokyo')).toBe('2025-01-01');
    expect(toNetSuiteDate(parseAmazonDate('14.03.2023 07:49:55 UTC'), 'UTC')).toBe('2023-03-14');
  });

  it('rejects unknown zones and invalid instants', () => {
    expect(() => toNetSuiteDate('2024-03-01T03:00:00Z', 'Mars/Olympus')).toThrow(
      /Unknown IANA time zone 'Mars\/Olympus'/,
    );
    expect(() => toNetSuiteDate('not a date', 'UTC')).toThrow(ValueFormatError);
  });
});
