/**
 * Date helpers. Amazon times are UTC instants; a NetSuite `tranDate` is the calendar date of the
 * instant in the NetSuite account's time zone (DESIGN §5 "Dates").
 */

/** Error for a bad instant or time zone. */
export class InvalidDateError extends Error {
  constructor(
    readonly value: string,
    readonly where: string,
  ) {
    super(`invalid date at ${where}`);
    this.name = 'InvalidDateError';
  }
}

/**
 * Formatters by time zone: building an `Intl.DateTimeFormat` costs far more than formatting with
 * one (it loads the zone's rules), and a run formats one date per order in one or two zones.
 */
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** @throws RangeError for an unknown time zone. */
function dateFormatOf(timeZone: string): Intl.DateTimeFormat {
  let format = dateFormats.get(timeZone);

  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dateFormats.set(timeZone, format);
  }

  return format;
}

/**
 * Calendar date (`YYYY-MM-DD`) of a UTC instant in an IANA time zone.
 * @throws InvalidDateError for an unparsable instant or an unknown time zone.
 */
export function toDateInTimeZone(instant: string, timeZone: string, where = 'date'): string {
  const millis = Date.parse(instant);

  if (Number.isNaN(millis)) {
    throw new InvalidDateError(instant, where);
  }

  let parts: Intl.DateTimeFormatPart[];

  try {
    parts = dateFormatOf(timeZone).formatToParts(new Date(millis));
  } catch {
    throw new InvalidDateError(timeZone, `${where} (time zone)`);
  }

  const part = (type: string): string => parts.find((entry) => entry.type === type)?.value ?? '';

  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** True when the string names a time zone this runtime knows. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** ISO-8601 UTC instant of a millisecond timestamp. */
export function toIso(millis: number): string {
  return new Date(millis).toISOString();
}
