/**
 * Localised number parsing for Amazon reports: `1.141,18` (DE), `1,141.18` (US), `-128,00`.
 * The convention is decided per marketplace, never guessed per cell: `1,234` is 1234 in the US
 * and 1.234 in Germany (reference/amazon-sp-api.md §5.1, rows 3–4).
 */
import { ValueFormatError } from '../errors';
import { marketplaceFormat } from './marketplaces';

/** Which character separates the decimals; the other one (and spaces) may group thousands. */
export interface NumberFormat {
  decimalSeparator: '.' | ',';
}

/** Where a number came from, for the convention: a marketplace id or an explicit format. */
export type NumberFormatSource = { marketplaceId: string } | NumberFormat;

// Grouping characters besides the "other" separator: space, no-break space, narrow no-break
// space (fr-FR) and the apostrophe (de-CH).
const SPACES = /[ \u00a0\u202f']/g;

const PLAIN_NUMBER = /^\d+(\.\d+)?$/;

/**
 * Parses a localised number into a canonical decimal string (`"-1141.18"`); no float involved.
 * @throws {ValueFormatError} naming the text and the convention when it does not match.
 */
export function parseLocalizedNumber(text: string, source: NumberFormatSource): string {
  const format = toNumberFormat(source);
  const trimmed = text.trim();
  const { negative, digits } = splitSign(trimmed);
  const group = format.decimalSeparator === ',' ? '.' : ',';
  const parts = digits.replace(SPACES, group).split(format.decimalSeparator);

  if (parts.length > 2 || !isGroupedInteger(parts[0] ?? '', group)) {
    throw invalid(text, format);
  }

  const integer = (parts[0] ?? '').split(group).join('');
  const fraction = parts[1];
  const canonical = fraction === undefined ? integer : `${integer}.${fraction}`;
  if (!PLAIN_NUMBER.test(canonical)) throw invalid(text, format);

  return normalise(negative, canonical);
}

/** The number format of a source (marketplace id → its convention). */
export function toNumberFormat(source: NumberFormatSource): NumberFormat {
  if ('decimalSeparator' in source) return source;

  return { decimalSeparator: marketplaceFormat(source.marketplaceId).decimalSeparator };
}

function splitSign(text: string): { negative: boolean; digits: string } {
  const first = text[0];
  if (first === '-' || first === '\u2212') return { negative: true, digits: text.slice(1) };
  if (first === '+') return { negative: false, digits: text.slice(1) };
  if (text.endsWith('-')) return { negative: true, digits: text.slice(0, -1) };

  return { negative: false, digits: text };
}

// `1.141` or `1141` but not `11.41` when `.` groups: groups after the first have 3 digits.
function isGroupedInteger(integer: string, group: string): boolean {
  const groups = integer.split(group);
  if (groups.length === 1) return /^\d+$/.test(integer);

  return /^\d{1,3}$/.test(groups[0] ?? '') && groups.slice(1).every((g) => /^\d{3}$/.test(g));
}

function normalise(negative: boolean, canonical: string): string {
  const [integer = '0', fraction] = canonical.split('.');
  const trimmedInteger = integer.replace(/^0+(?=\d)/, '');
  const body = fraction === undefined ? trimmedInteger : `${trimmedInteger}.${fraction}`;
  const isZero = /^[0.]+$/.test(body);

  return negative && !isZero ? `-${body}` : body;
}

function invalid(text: string, format: NumberFormat): ValueFormatError {
  const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  const example = format.decimalSeparator === ',' ? '1.141,18' : '1,141.18';

  return new ValueFormatError(
    'number',
    `'${shown}' is not a number in the '${format.decimalSeparator}'-decimal format (like ${example})`,
  );
}
