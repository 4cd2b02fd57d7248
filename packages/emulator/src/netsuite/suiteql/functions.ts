/**
 * SQLite functions behind the SuiteQL ones: dates in the user's date format on output (reference
 * §2.1 "Dates use the user's preference format"), TO_DATE/TO_CHAR with Oracle format masks, and
 * an exact decimal SUM (amounts are decimal text; no float money).
 */
import type Database from 'better-sqlite3';
import { toScaled } from '../transactions/money';
import { SuiteQlError } from './errors';

const SUM_SCALE = 6;

/** Formats an ISO date/instant with a mask of YYYY, MM, M, DD, D, HH24, MI, SS. */
export function formatDate(iso: string, mask: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2}))?/.exec(iso);
  if (match === null) return iso;

  const [, year = '', month = '', day = '', hour = '00', minute = '00', second = '00'] = match;
  const parts: Record<string, string> = {
    YYYY: year,
    HH24: hour,
    MI: minute,
    SS: second,
    MM: month,
    DD: day,
    M: String(Number(month)),
    D: String(Number(day)),
  };

  return mask.replace(/YYYY|HH24|MI|SS|MM|DD|M|D/g, (token) => parts[token] ?? token);
}

/** Parses text with an Oracle mask (YYYY, MM, DD) into `YYYY-MM-DD`; throws when it does not fit. */
export function parseDate(text: string, mask: string): string {
  const groups: string[] = [];
  const pattern = mask.replace(/YYYY|MM|DD|[.*+?^${}()|[\]\\]/g, (token) => {
    if (token === 'YYYY' || token === 'MM' || token === 'DD') {
      groups.push(token);
      return token === 'YYYY' ? '(\\d{4})' : '(\\d{1,2})';
    }
    return `\\${token}`;
  });

  const match = new RegExp(`^${pattern}$`).exec(text.trim());
  if (match === null) throw new SuiteQlError(`Unparseable date: "${text}" with format "${mask}"`);

  const value = (token: string): string => match[groups.indexOf(token) + 1] ?? '1';
  return `${value('YYYY')}-${value('MM').padStart(2, '0')}-${value('DD').padStart(2, '0')}`;
}

function trimDecimal(units: bigint): string {
  const negative = units < 0n;
  const text = (negative ? -units : units).toString().padStart(SUM_SCALE + 1, '0');
  const whole = text.slice(0, -SUM_SCALE);
  const fraction = text.slice(-SUM_SCALE).replace(/0+$/, '');

  return `${negative ? '-' : ''}${whole}${fraction === '' ? '' : `.${fraction}`}`;
}

/** Registers the functions on a connection. */
export function registerFunctions(
  db: Database.Database,
  dateFormat: string,
  clock: () => Date,
): void {
  const deterministic = { deterministic: true };
  db.function(
    'ns_date_out',
    deterministic,
    (value: unknown) =>
      (typeof value === 'string' ? formatDate(value, dateFormat) : value) as string,
  );
  db.function('ns_to_date', deterministic, (text: unknown, mask: unknown) =>
    parseDate(String(text), typeof mask === 'string' ? mask.toUpperCase() : 'YYYY-MM-DD'),
  );
  db.function('ns_to_char', deterministic, (value: unknown, mask: unknown) =>
    value === null
      ? null
      : typeof mask === 'string'
        ? formatDate(String(value), mask.toUpperCase())
        : String(value),
  );
  db.function('ns_to_number', deterministic, (value: unknown) =>
    value === null ? null : Number(value),
  );
  db.function('ns_user_date', deterministic, (text: unknown) =>
    parseDate(String(text), dateFormat.replace(/\bM\b/, 'MM').replace(/\bD\b/, 'DD')),
  );
  db.function('ns_sysdate', () => clock().toISOString());
  db.aggregate('ns_decimal_sum', {
    start: () => null as bigint | null,
    step: (total: bigint | null, value: unknown) => {
      if (value === null) return total;
      try {
        return (total ?? 0n) + toScaled(value, SUM_SCALE);
      } catch {
        throw new SuiteQlError(`SUM of a non-numeric value: ${String(value)}`);
      }
    },
    result: (total: bigint | null) => (total === null ? null : trimDecimal(total)),
  });
}
