/**
 * How each Amazon marketplace writes numbers and slash dates in its reports. Amazon localises the
 * amounts of flat-file reports ("95,00 for EU instead of 95.00") and their dates
 * (https://developer-docs.amazon.com/sp-api/changelog/update-deprecation-of-two-payment-settlement-report-types);
 * marketplace ids: https://developer-docs.amazon.com/sp-api/docs/marketplace-ids
 */
import { ValueFormatError } from '../errors';

/** The conventions of one marketplace's reports. */
export interface MarketplaceFormat {
  country: string;
  currency: string;
  decimalSeparator: '.' | ',';
  /** Order of day and month in slash dates (`03/14/23` in the US, `14/03/23` in the UK). */
  slashDateOrder: 'MDY' | 'DMY';
}

type Row = [
  id: string,
  country: string,
  currency: string,
  decimal: '.' | ',',
  slash: 'MDY' | 'DMY',
];

const ROWS: readonly Row[] = [
  ['ATVPDKIKX0DER', 'US', 'USD', '.', 'MDY'],
  ['A2EUQ1WTGCTBG2', 'CA', 'CAD', '.', 'MDY'],
  ['A1AM78C64UM0Y8', 'MX', 'MXN', '.', 'DMY'],
  ['A2Q3Y263D00KWC', 'BR', 'BRL', ',', 'DMY'],
  ['A1F83G8C2ARO7P', 'GB', 'GBP', '.', 'DMY'],
  ['A28R8C7NBKEWEA', 'IE', 'EUR', '.', 'DMY'],
  ['A1PA6795UKMFR9', 'DE', 'EUR', ',', 'DMY'],
  ['A13V1IB3VIYZZH', 'FR', 'EUR', ',', 'DMY'],
  ['APJ6JRA9NG5V4', 'IT', 'EUR', ',', 'DMY'],
  ['A1RKKUPIHCS9HS', 'ES', 'EUR', ',', 'DMY'],
  ['A1805IZSGTT6HS', 'NL', 'EUR', ',', 'DMY'],
  ['AMEN7PMS3EDWL', 'BE', 'EUR', ',', 'DMY'],
  ['A2NODRKZP88ZB9', 'SE', 'SEK', ',', 'DMY'],
  ['A1C3SOZRARQ6R3', 'PL', 'PLN', ',', 'DMY'],
  ['A33AVAJ2PDY3EV', 'TR', 'TRY', ',', 'DMY'],
  ['ARBP9OOSHTCHU', 'EG', 'EGP', '.', 'DMY'],
  ['A2VIGQ35RCS4UG', 'AE', 'AED', '.', 'DMY'],
  ['A17E79C6D8DC0M', 'SA', 'SAR', '.', 'DMY'],
  ['AE08WJ6YKNBMC', 'ZA', 'ZAR', '.', 'DMY'],
  ['A21TJRUUN4KGV', 'IN', 'INR', '.', 'DMY'],
  ['A19VAU5U5O7RUS', 'SG', 'SGD', '.', 'DMY'],
  ['A39IBJ37TRP1C6', 'AU', 'AUD', '.', 'DMY'],
  ['A1VC38T7YXB528', 'JP', 'JPY', '.', 'MDY'],
];

const BY_ID = new Map<string, MarketplaceFormat>(
  ROWS.map(([id, country, currency, decimalSeparator, slashDateOrder]) => [
    id,
    { country, currency, decimalSeparator, slashDateOrder },
  ]),
);

/**
 * The report conventions of a marketplace.
 * @throws {ValueFormatError} for an unknown marketplace id.
 */
export function marketplaceFormat(marketplaceId: string): MarketplaceFormat {
  const format = BY_ID.get(marketplaceId);
  if (!format) {
    throw new ValueFormatError('marketplace', `Unknown Amazon marketplace id '${marketplaceId}'`);
  }

  return format;
}
