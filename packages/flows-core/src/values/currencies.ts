/**
 * ISO 4217 minor units for the currencies of Amazon's marketplaces and their usual neighbours.
 * Source: the ISO 4217 list (https://www.six-group.com/en/products-services/financial-information/data-standards.html),
 * column "Minor unit". Amazon marketplaces: https://developer-docs.amazon.com/sp-api/docs/marketplace-ids
 */
import { ValueFormatError } from '../errors';

const MINOR_UNITS: Readonly<Record<string, number>> = {
  AED: 2,
  AUD: 2,
  BHD: 3,
  BRL: 2,
  CAD: 2,
  CHF: 2,
  CLP: 0,
  CNY: 2,
  COP: 2,
  CZK: 2,
  DKK: 2,
  EGP: 2,
  EUR: 2,
  GBP: 2,
  HKD: 2,
  HUF: 2,
  IDR: 2,
  ILS: 2,
  INR: 2,
  ISK: 0,
  JOD: 3,
  JPY: 0,
  KRW: 0,
  KWD: 3,
  MXN: 2,
  MYR: 2,
  NOK: 2,
  NZD: 2,
  OMR: 3,
  PHP: 2,
  PLN: 2,
  QAR: 2,
  RON: 2,
  SAR: 2,
  SEK: 2,
  SGD: 2,
  THB: 2,
  TND: 3,
  TRY: 2,
  TWD: 2,
  USD: 2,
  VND: 0,
  ZAR: 2,
};

/** An ISO 4217 alphabetic code, e.g. `USD`. */
export type CurrencyCode = string;

/**
 * Digits after the decimal point of a currency (USD 2, JPY 0, KWD 3).
 * @throws {ValueFormatError} for a code not in the table.
 */
export function minorUnitsOf(currency: CurrencyCode): number {
  const digits = MINOR_UNITS[currency];
  if (digits === undefined) {
    throw new ValueFormatError(
      'currency',
      `Unknown currency code '${currency}' (ISO 4217 expected)`,
    );
  }

  return digits;
}

/** True when the code is a currency this package knows the minor units of. */
export function isKnownCurrency(currency: string): boolean {
  return MINOR_UNITS[currency] !== undefined;
}
