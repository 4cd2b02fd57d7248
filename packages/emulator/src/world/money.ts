/**
 * Money helpers on integer minor units (cents): amounts are computed as integers and only
 * rendered as decimal strings at the edges, never with float arithmetic.
 */

/** Renders cents as a decimal string with two places and '.' ('-12.50'). */
export function formatCents(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const units = Math.floor(abs / 100);
  const rest = abs % 100;
  return `${sign}${units}.${rest < 10 ? '0' : ''}${rest}`;
}

/** Renders cents with a decimal comma as EU Amazon reports do ('-12,50'). */
export function formatCentsComma(cents: number): string {
  return formatCents(cents).replace('.', ',');
}

/**
 * Parses a decimal string ('19.99', '-3', '4.5') to cents.
 *
 * @throws Error naming the value when it is not a decimal with at most two places.
 */
export function parseCents(value: string): number {
  const fast = parseCentsFast(value);
  if (fast !== undefined) return fast;

  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(value.trim());
  if (!match) throw new Error(`Not a decimal amount with at most two places: '${value}'`);

  const fraction = (match[3] ?? '').padEnd(2, '0');
  const cents = Number(match[2]) * 100 + Number(fraction);
  return match[1] === '-' ? -cents : cents;
}

/**
 * Percentage of an amount in cents, rounded half away from zero, using integer basis points
 * (`rateBp` = 825 for 8.25 %).
 */
export function percentOfCents(cents: number, rateBp: number): number {
  const scaled = cents * rateBp;
  const sign = scaled < 0 ? -1 : 1;
  return sign * Math.floor((Math.abs(scaled) + 5000) / 10000);
}

/** Fast path for the canonical 'd+.dd' form the world writes (no regex, no allocation). */
function parseCentsFast(value: string): number | undefined {
  const negative = value.charCodeAt(0) === 45;
  const start = negative ? 1 : 0;
  const dot = value.length - 3;
  if (dot <= start || value.charCodeAt(dot) !== 46) return undefined;

  let cents = 0;
  for (let i = start; i < value.length; i += 1) {
    if (i === dot) continue;
    const digit = value.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return undefined;
    cents = cents * 10 + digit;
  }

  return negative ? -cents : cents;
}
