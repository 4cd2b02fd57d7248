/**
 * Strict checks of settlement money and date cells. Values stay the text Amazon sent (DESIGN
 * §5: localised amounts are parsed per marketplace by the flow); these checks only refuse text
 * that is no amount or no date at all, such as `12x.9O` or a date cut mid-row.
 */

// Amounts as they appear in real and documented files (reference §5.1 quirk 3, §6.1): an
// optional sign, digits, an optional decimal part with `.` or `,` (`582.89`, `-62.31`,
// `1141,18`), and optionally thousands groups with the other separator (`1,234.56`, `1.234,56`).
const DECIMAL_FORMATS = [
  /^[+-]?\d+(?:[.,]\d+)?$/,
  /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/,
  /^[+-]?\d{1,3}(?:\.\d{3})+(?:,\d+)?$/,
];

/** True when the text is a decimal amount in one of the formats Amazon writes. */
export function isDecimalText(text: string): boolean {
  return DECIMAL_FORMATS.some((format) => format.test(text));
}

// Date formats of settlement files (reference §5.1 quirk 4): ISO-8601 with an offset (V1 CA
// files), `yyyy-MM-dd HH:mm:ss UTC` (V2, Airbyte), `dd.MM.yyyy[ HH:mm:ss UTC]` (DE), `MM/dd/yy`
// (posted-date per Amazon's docs) and a plain `yyyy-MM-dd`.
const DATE_FORMATS = [
  /^(?<y>\d{4})-(?<m>\d{2})-(?<d>\d{2})T(?<H>\d{2}):(?<M>\d{2}):(?<S>\d{2})(?:\.\d{1,9})?(?:Z|[+-]\d{2}:?\d{2})$/,
  /^(?<y>\d{4})-(?<m>\d{2})-(?<d>\d{2})(?: (?<H>\d{2}):(?<M>\d{2}):(?<S>\d{2})(?: UTC)?)?$/,
  /^(?<d>\d{2})\.(?<m>\d{2})\.(?<y>\d{4})(?: (?<H>\d{2}):(?<M>\d{2}):(?<S>\d{2})(?: UTC)?)?$/,
  /^(?<m>\d{2})\/(?<d>\d{2})\/(?<y>\d{2}|\d{4})$/,
];

/** True when the whole text is a date (and time) in one of the settlement formats. */
export function isDateText(text: string): boolean {
  for (const format of DATE_FORMATS) {
    const parts = format.exec(text)?.groups;
    if (parts) return hasValidRanges(parts);
  }

  return false;
}

function hasValidRanges(parts: Record<string, string | undefined>): boolean {
  const month = Number(parts.m);
  const day = Number(parts.d);
  const inRange = (value: string | undefined, max: number) =>
    value === undefined || Number(value) <= max;

  return (
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= 31 &&
    inRange(parts.H, 23) &&
    inRange(parts.M, 59) &&
    inRange(parts.S, 59)
  );
}
