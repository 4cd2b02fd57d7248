/**
 * Exact decimal money for the flows (DESIGN §5: "Money is decimal"). Amounts arrive as the
 * decimal strings Amazon sent, are summed as decimal.js values (the library under flows-core's
 * `Money`), and leave through `Money` rounded half-up to the currency's minor unit.
 */
import { minorUnitsOf } from '@sellerbridge/flows-core';
import Decimal from 'decimal.js';

/** Decimal type used for every amount in this package. */
export type Amount = Decimal;

/** Error for an amount that is not a decimal string. */
export class InvalidAmountError extends Error {
  constructor(
    readonly value: unknown,
    readonly where: string,
  ) {
    super(`invalid amount at ${where}: expected a decimal string`);
    this.name = 'InvalidAmountError';
  }
}

/** Zero. */
export const ZERO: Amount = new Decimal(0);

/**
 * Parses a decimal string (or integer) into an exact amount.
 * @throws InvalidAmountError when the value is not a finite decimal.
 */
export function parseAmount(value: string | number | undefined | null, where: string): Amount {
  if (value === undefined || value === null || value === '') {
    return ZERO;
  }

  if (typeof value === 'number' && !Number.isInteger(value)) {
    throw new InvalidAmountError(value, where);
  }

  const text = String(value).trim();

  if (!/^[+-]?\d+(\.\d+)?$/.test(text)) {
    throw new InvalidAmountError(value, where);
  }

  return new Decimal(text);
}

/** Sums amounts exactly. */
export function sumAmounts(amounts: readonly Amount[]): Amount {
  return amounts.reduce((total, amount) => total.plus(amount), ZERO);
}

/** Minor-unit digits of a currency (flows-core's ISO 4217 table). @throws ValueFormatError for an unknown currency */
export function minorUnits(currency: string): number {
  return minorUnitsOf(currency.toUpperCase());
}

/**
 * Formats an amount as a decimal string rounded half-up (ties away from zero, as flows-core's
 * `Money#toFixed('HALF_UP')`) to the currency's minor unit, without a round trip through `Money`.
 * @throws ValueFormatError for an unknown currency
 */
export function formatAmount(amount: Amount, currency: string): string {
  return amount.toFixed(minorUnits(currency), Decimal.ROUND_HALF_UP);
}

/** Formats a unit rate with up to 6 decimals, without trailing zeros past the minor unit. */
export function formatRate(amount: Amount, currency: string): string {
  const digits = Math.max(minorUnits(currency), Math.min(6, amount.decimalPlaces()));

  return amount.toDecimalPlaces(digits, Decimal.ROUND_HALF_UP).toFixed(digits);
}
