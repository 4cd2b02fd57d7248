/**
 * Money on decimal.js: an exact decimal amount and an ISO 4217 currency. Amounts enter as the
 * decimal strings the vendors send (never as JS numbers) and are rounded to the currency's minor
 * unit only when asked (`rounded()`, `toFixed()`).
 *
 * Rounding: ROUND_HALF_UP (ties away from zero, symmetric for negatives) is the default because
 * it is the commercial rounding NetSuite applies to currency amounts and the one Amazon's
 * documents show; banker's rounding (ROUND_HALF_EVEN) would make our computed lines differ by a
 * cent from what both vendors display. HALF_EVEN stays available for statistical allocations.
 */
import Decimal from 'decimal.js';
import { CurrencyMismatchError, ValueFormatError } from '../errors';
import { minorUnitsOf, type CurrencyCode } from './currencies';
import { parseLocalizedNumber, type NumberFormatSource } from './numbers';

/** An isolated decimal.js constructor, so a host changing the global Decimal config is harmless. */
const MoneyDecimal = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

/** How an amount is rounded to the currency's minor unit. */
export type RoundingMode = 'HALF_UP' | 'HALF_EVEN';

const ROUNDING: Record<RoundingMode, Decimal.Rounding> = {
  HALF_UP: Decimal.ROUND_HALF_UP,
  HALF_EVEN: Decimal.ROUND_HALF_EVEN,
};

const DECIMAL_TEXT = /^[-+]?\d+(\.\d+)?$/;

/** An amount that can build money: a decimal string or a Decimal, never a JS number. */
export type DecimalInput = string | Decimal;

/** An exact amount of one currency; immutable. */
export class Money {
  readonly amount: Decimal;
  readonly currency: CurrencyCode;

  private constructor(amount: Decimal, currency: CurrencyCode) {
    this.amount = amount;
    this.currency = currency;
  }

  /**
   * Money from a decimal string (`"-12.50"`) or Decimal; kept exact, not rounded.
   * @throws {ValueFormatError} for a malformed amount or an unknown currency.
   */
  static of(amount: DecimalInput, currency: CurrencyCode): Money {
    minorUnitsOf(currency);

    return new Money(toDecimal(amount), currency);
  }

  /** Zero of a currency. */
  static zero(currency: CurrencyCode): Money {
    return Money.of('0', currency);
  }

  /**
   * Money from a localised report cell (`1.141,18` in a DE settlement).
   * @throws {ValueFormatError} when the text does not match the marketplace's format.
   */
  static parse(text: string, currency: CurrencyCode, source: NumberFormatSource): Money {
    return Money.of(parseLocalizedNumber(text, source), currency);
  }

  /** Money from an integer count of minor units (`1999` cents → 19.99 USD). */
  static fromMinorUnits(units: bigint | string, currency: CurrencyCode): Money {
    const digits = minorUnitsOf(currency);

    return Money.of(new MoneyDecimal(units.toString()).dividedBy(10 ** digits), currency);
  }

  /** The exact sum of amounts of one currency (zero for an empty list). */
  static sum(amounts: readonly Money[], currency: CurrencyCode): Money {
    return amounts.reduce((total, next) => total.plus(next), Money.zero(currency));
  }

  /** This plus another amount of the same currency. */
  plus(other: Money): Money {
    this.assertSameCurrency(other, 'add');

    return new Money(this.amount.plus(other.amount), this.currency);
  }

  /** This minus another amount of the same currency. */
  minus(other: Money): Money {
    this.assertSameCurrency(other, 'subtract');

    return new Money(this.amount.minus(other.amount), this.currency);
  }

  /** This times a decimal factor (a quantity or a rate), exact; round afterwards. */
  times(factor: DecimalInput): Money {
    return new Money(this.amount.times(toDecimal(factor)), this.currency);
  }

  /** The amount with the opposite sign. */
  negated(): Money {
    return new Money(this.amount.negated(), this.currency);
  }

  /** The absolute amount. */
  abs(): Money {
    return new Money(this.amount.abs(), this.currency);
  }

  /** The amount rounded to the currency's minor unit. @default mode 'HALF_UP' */
  rounded(mode: RoundingMode = 'HALF_UP'): Money {
    const digits = minorUnitsOf(this.currency);

    return new Money(this.amount.toDecimalPlaces(digits, ROUNDING[mode]), this.currency);
  }

  /** -1, 0 or 1 comparing with another amount of the same currency. */
  compare(other: Money): number {
    this.assertSameCurrency(other, 'compare');

    return this.amount.comparedTo(other.amount);
  }

  /** True for the same currency and numerically equal amounts (`1.10` equals `1.1`). */
  equals(other: Money): boolean {
    return this.currency === other.currency && this.amount.equals(other.amount);
  }

  /** True when the amount is zero. */
  isZero(): boolean {
    return this.amount.isZero();
  }

  /** True when the amount is below zero. */
  isNegative(): boolean {
    return this.amount.isNegative() && !this.amount.isZero();
  }

  /** The rounded amount with exactly the minor-unit digits (`"19.90"`, `"1200"` for JPY). */
  toFixed(mode: RoundingMode = 'HALF_UP'): string {
    const digits = minorUnitsOf(this.currency);

    return this.amount.toFixed(digits, ROUNDING[mode]);
  }

  /** The rounded amount as an integer count of minor units. */
  toMinorUnits(mode: RoundingMode = 'HALF_UP'): bigint {
    const digits = minorUnitsOf(this.currency);

    return BigInt(this.amount.times(10 ** digits).toFixed(0, ROUNDING[mode]));
  }

  /** `"19.90 USD"`. */
  toString(): string {
    return `${this.toFixed()} ${this.currency}`;
  }

  /** `{ amount: "19.90", currency: "USD" }` — the exact amount, as a string. */
  toJSON(): { amount: string; currency: CurrencyCode } {
    return { amount: this.amount.toFixed(), currency: this.currency };
  }

  private assertSameCurrency(other: Money, operation: string): void {
    if (other.currency !== this.currency) {
      throw new CurrencyMismatchError(this.currency, other.currency, operation);
    }
  }
}

function toDecimal(amount: DecimalInput): Decimal {
  if (typeof amount === 'string') {
    if (!DECIMAL_TEXT.test(amount.trim())) {
      throw new ValueFormatError('money', `'${amount}' is not a decimal amount (like -12.50)`);
    }

    return new MoneyDecimal(amount.trim());
  }

  if (Decimal.isDecimal(amount)) return new MoneyDecimal(amount);

  throw new ValueFormatError('money', 'Money needs a decimal string or Decimal, not a number');
}
