import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { CurrencyMismatchError, Money, ValueFormatError, minorUnitsOf } from '../../src/index';

describe(Money.name, () => {
  it('keeps amounts exact where floats drift (0.1 + 0.2)', () => {
    const sum = Money.of('0.1', 'USD').plus(Money.of('0.2', 'USD'));

    expect(sum.equals(Money.of('0.3', 'USD'))).toBe(true);
    expect(sum.toFixed()).toBe('0.30');
  });

  it('rounds half up (away from zero) by default, half even on request', () => {
    expect(Money.of('2.345', 'USD').toFixed()).toBe('2.35');
    expect(Money.of('-2.345', 'USD').toFixed()).toBe('-2.35');
    expect(Money.of('2.345', 'USD').toFixed('HALF_EVEN')).toBe('2.34');
    expect(Money.of('2.355', 'USD').rounded('HALF_EVEN').toJSON()).toEqual({
      amount: '2.36',
      currency: 'USD',
    });
  });

  it('uses the currency minor unit (JPY 0, KWD 3)', () => {
    expect(minorUnitsOf('JPY')).toBe(0);
    expect(Money.of('1200.5', 'JPY').toFixed()).toBe('1201');
    expect(Money.of('1.0005', 'KWD').toFixed()).toBe('1.001');
    expect(Money.of('19.99', 'USD').toMinorUnits()).toBe(1999n);
    expect(Money.fromMinorUnits(1999n, 'USD').toString()).toBe('19.99 USD');
  });

  it('multiplies by decimal factors exactly and sums lists', () => {
    const line = Money.of('19.99', 'EUR').times('3');
    const tax = line.times(new Decimal('0.19')).rounded();

    expect(line.toFixed()).toBe('59.97');
    expect(tax.toFixed()).toBe('11.39');
    expect(Money.sum([line, tax, Money.of('-1.36', 'EUR')], 'EUR').toFixed()).toBe('70.00');
    expect(Money.sum([], 'EUR').isZero()).toBe(true);
  });

  it('parses localised report cells per marketplace', () => {
    expect(Money.parse('1.141,18', 'EUR', { marketplaceId: 'A1PA6795UKMFR9' }).toFixed()).toBe(
      '1141.18',
    );
    expect(Money.parse('-128,00', 'EUR', { decimalSeparator: ',' }).isNegative()).toBe(true);
  });

  it('rejects mixed currencies, floats and malformed amounts with typed errors', () => {
    expect(() => Money.of('1', 'USD').plus(Money.of('1', 'EUR'))).toThrow(CurrencyMismatchError);
    expect(() => Money.of('1,5', 'USD')).toThrow(/'1,5' is not a decimal amount/);
    expect(() => Money.of('1', 'ABC')).toThrow(ValueFormatError);
    expect(() => Money.of(1.5 as unknown as string, 'USD')).toThrow(/not a number/);
  });

  it('compares and serialises without losing digits', () => {
    const a = Money.of('10.10', 'USD');

    expect(a.compare(Money.of('10.1', 'USD'))).toBe(0);
    expect(a.compare(Money.of('10.11', 'USD'))).toBe(-1);
    expect(a.negated().abs().equals(a)).toBe(true);
    expect(JSON.stringify(Money.of('0.125', 'USD'))).toBe('{"amount":"0.125","currency":"USD"}');
  });
});
