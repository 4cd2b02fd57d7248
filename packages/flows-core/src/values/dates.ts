/**
 * Amazon date formats → UTC ISO-8601, and UTC instants → a NetSuite `tranDate`.
 * Formats seen in Amazon reports (reference/amazon-sp-api.md §5.1 row 4): ISO-8601 with an offset
 * (`2025-06-05T22:07:18+00:00`), `yyyy-MM-dd HH:mm:ss UTC`, `dd.MM.yyyy HH:mm:ss UTC` (DE),
 * `MM/dd/yy` (`posted-date`), `dd.MM.yyyy`. Slash dates are ambiguous (`09/06/25`), so their
 * order comes from the marketplace, never from the cell.
 */
import { ValueFormatError } from '../errors';
import { marketplaceFormat } from './marketplaces';

/** Order of day and month in slash dates, or the marketplace that decides it. */
export type DateFormatSource = { marketplaceId: string } | { slashDateOrder: 'MDY' | 'DMY' };

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;
const TIME = String.raw`(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?(?: ?(UTC|GMT|Z))?)?`;
const YMD = new RegExp(String.raw`^(\d{4})[-/](\d{1,2})[-/](\d{1,2})${TIME}$`);
const DOTTED = new RegExp(String.raw`^(\d{1,2})\.(\d{1,2})\.(\d{4})${TIME}$`);
const SLASHED = new RegExp(String.raw`^(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})${TIME}$`);

/**
 * Parses an Amazon date or date-time into a UTC ISO-8601 string (`…Z`). Date-only values mean
 * midnight UTC; times without a zone are UTC (Amazon's report times are UTC).
 * @throws {ValueFormatError} naming the text when no supported format matches or the date is invalid.
 */
export function parseAmazonDate(
  text: string,
  source: DateFormatSource = { slashDateOrder: 'MDY' },
): string {
  const trimmed = text.trim();
  if (ISO.test(trimmed)) return fromIso(trimmed, text);

  const ymd = YMD.exec(trimmed);
  if (ymd) return build(text, ymd[1], ymd[2], ymd[3], ymd.slice(4));

  const dotted = DOTTED.exec(trimmed);
  if (dotted) return build(text, dotted[3], dotted[2], dotted[1], dotted.slice(4));

  const slashed = SLASHED.exec(trimmed);
  if (slashed) return fromSlashed(text, slashed, slashOrder(source));

  throw invalid(text, 'no supported Amazon date format matches');
}

/**
 * The calendar date of an instant in a NetSuite account's time zone, as `tranDate` wants it
 * (`YYYY-MM-DD`, reference/netsuite.md §6). 2024-03-01T03:00Z is 2024-02-29 in Los Angeles.
 * @throws {ValueFormatError} for an invalid instant or an unknown IANA time zone.
 */
export function toNetSuiteDate(instant: string | Date, timeZone: string): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(date.getTime())) throw invalid(String(instant), 'not a valid instant');

  const parts = formatterFor(timeZone).formatToParts(date);
  const part = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';

  return `${part('year')}-${part('month')}-${part('day')}`;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  const cached = formatters.get(timeZone);
  if (cached) return cached;

  try {
    const options = { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' } as const;
    const formatter = new Intl.DateTimeFormat('en-US', options);
    formatters.set(timeZone, formatter);

    return formatter;
  } catch {
    throw new ValueFormatError('timeZone', `Unknown IANA time zone '${timeZone}'`);
  }
}

function fromIso(trimmed: string, text: string): string {
  const date = new Date(trimmed);
  const [year, month, day] = trimmed.slice(0, 10).split('-').map(Number);
  if (Number.isNaN(date.getTime()) || !isCalendarDate(year, month, day)) {
    throw invalid(text, 'not a valid calendar date-time');
  }

  return date.toISOString();
}

function fromSlashed(text: string, match: RegExpExecArray, order: 'MDY' | 'DMY'): string {
  const [first, second, rawYear] = [match[1], match[2], match[3] ?? ''];
  const year = rawYear.length === 2 ? `20${rawYear}` : rawYear;
  const [month, day] = order === 'MDY' ? [first, second] : [second, first];

  return build(text, year, month, day, match.slice(4));
}

function build(
  text: string,
  year: string | undefined,
  month: string | undefined,
  day: string | undefined,
  time: readonly (string | undefined)[],
): string {
  const [y, m, d] = [Number(year), Number(month), Number(day)];
  const [hours, minutes, seconds] = [
    Number(time[0] ?? 0),
    Number(time[1] ?? 0),
    Number(time[2] ?? 0),
  ];
  if (!isCalendarDate(y, m, d) || hours > 23 || minutes > 59 || seconds > 59) {
    throw invalid(text, 'not a valid calendar date-time');
  }

  return new Date(Date.UTC(y, m - 1, d, hours, minutes, seconds)).toISOString();
}

function isCalendarDate(year = NaN, month = NaN, day = NaN): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));

  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

function slashOrder(source: DateFormatSource): 'MDY' | 'DMY' {
  if ('slashDateOrder' in source) return source.slashDateOrder;

  return marketplaceFormat(source.marketplaceId).slashDateOrder;
}

function invalid(text: string, why: string): ValueFormatError {
  const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;

  return new ValueFormatError('date', `'${shown}' is not an Amazon date: ${why}`);
}
