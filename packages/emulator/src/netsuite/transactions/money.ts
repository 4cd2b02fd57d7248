/**
 * Decimal money without float arithmetic: amounts are integer cents, rates and quantities are
 * parsed from their decimal text into scaled BigInts. JSON numbers from request bodies are read
 * through `String(n)` (the shortest round-trip text), so `19.99` stays exactly 1999 cents.
 */

const DECIMAL = /^-?\d+(\.\d+)?$/;

/** True when the value is a finite decimal number or decimal string. */
export function isDecimal(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  return typeof value === 'string' && DECIMAL.test(value.trim());
}

/** The value × 10^scale, rounded half away from zero. Throws on non-decimal input. */
export function toScaled(value: unknown, scale: number): bigint {
  const text = typeof value === 'number' ? numberText(value) : String(value).trim();
  if (!DECIMAL.test(text)) throw new RangeError(`not a decimal: ${text}`);

  const negative = text.startsWith('-');
  const [whole = '0', fraction = ''] = text.replace('-', '').split('.');
  const kept = fraction.slice(0, scale).padEnd(scale, '0');
  let units = BigInt(whole + kept);
  if ((fraction[scale] ?? '0') >= '5') units += 1n;

  return negative ? -units : units;
}

function numberText(value: number): string {
  const text = String(value);
  if (!text.includes('e')) return text;

  return value.toFixed(12).replace(/0+$/, '').replace(/\.$/, '');
}

/** Integer cents of a decimal amount. */
export function toCents(value: unknown): number {
  return Number(toScaled(value, 2));
}

/** Decimal text of integer cents, e.g. 1999 → "19.99". */
export function formatCents(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

function divideRounded(numerator: bigint, denominator: bigint): bigint {
  const negative = numerator < 0n;
  const abs = negative ? -numerator : numerator;
  const quotient = (abs * 2n + denominator) / (denominator * 2n);
  return negative ? -quotient : quotient;
}

/** quantity × rate in cents, rounded half away from zero. */
export function lineAmountCents(quantity: unknown, rate: unknown): number {
  const product = toScaled(quantity, 6) * toScaled(rate, 6);
  return Number(divideRounded(product, 10n ** 10n));
}

/** `percent` % of `cents`, rounded to the cent (tax). */
export function percentOfCents(cents: number, percent: unknown): number {
  const scaledPercent = toScaled(String(percent).replace('%', ''), 4);
  return Number(divideRounded(BigInt(cents) * scaledPercent, 100n * 10n ** 4n));
}

/** The JSON number NetSuite puts on the wire for an amount (exact two-decimal text). */
export function centsToWire(cents: number): number {
  return Number(formatCents(cents));
}
