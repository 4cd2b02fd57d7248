/**
 * The date input every validated date parameter accepts: a `Date`, or an ISO-8601 string
 * (https://developer-docs.amazon.com/sp-api/docs/iso-8601). Locale forms such as `02/21/2022`
 * are rejected; a date-time without a zone is read as UTC.
 */
import { z } from 'zod';

const ISO_DATE =
  /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

const MESSAGE = 'must be an ISO-8601 date-time such as 2025-01-31T00:00:00Z';

function toDate(value: unknown): Date | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value;
  if (typeof value !== 'string') return undefined;

  const match = ISO_DATE.exec(value);
  if (!match) return undefined;

  const zoned = value.includes('T') && match[1] === undefined ? `${value}Z` : value;
  const date = new Date(zoned);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** A `Date` or ISO-8601 string, normalized to a `Date`. */
export const isoDateInput = z.unknown().transform((value, context) => {
  const date = toDate(value);

  if (!date) {
    context.addIssue({ code: 'custom', message: MESSAGE });
    return z.NEVER;
  }
  return date;
});

// v0 models declare dates as plain strings; their names give them away.
const DATE_NAME = /(After|Before|Since|Until|DateTime)$/i;

/** True for a parameter carrying a date: `format: date-time`, or a v0 date-named string. */
export function isDateParameter(parameter: {
  name: string;
  type: string;
  format?: string;
}): boolean {
  return (
    parameter.format === 'date-time' ||
    (parameter.type === 'string' && DATE_NAME.test(parameter.name))
  );
}
