/**
 * Column converters for SuiteQL row schemas. Every value arrives as a string, booleans as
 * `"T"`/`"F"`, dates in the user's date-format preference, NULL columns omitted (use `.optional()`).
 * (LedgerSync fixtures `customer_deposit_search.json`: `"trandate":"5/11/2020"`.)
 */
import { z } from 'zod';

/** Date-format preferences the converter understands. */
export type SuiteQlDateFormat = 'M/D/YYYY' | 'D/M/YYYY' | 'D.M.YYYY' | 'YYYY-MM-DD';

const DATE_PATTERNS: Record<
  SuiteQlDateFormat,
  { pattern: RegExp; order: [number, number, number] }
> = {
  // order = capture-group positions of [year, month, day]
  'M/D/YYYY': { pattern: /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/, order: [3, 1, 2] },
  'D/M/YYYY': { pattern: /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/, order: [3, 2, 1] },
  'D.M.YYYY': { pattern: /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/, order: [3, 2, 1] },
  'YYYY-MM-DD': { pattern: /^(\d{4})-(\d{2})-(\d{2})$/, order: [1, 2, 3] },
};

function toIsoDate(value: string, format: SuiteQlDateFormat, context: z.RefinementCtx): string {
  const { pattern, order } = DATE_PATTERNS[format];
  const match = pattern.exec(value);
  if (!match) {
    context.addIssue({ code: 'custom', message: `date "${value}" does not match ${format}` });
    return z.NEVER;
  }

  const [year, month, day] = order.map((group) => Number(match[group]));
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Zod converters for SuiteQL string values. */
export const suiteQl = {
  /** Text as is. */
  text: () => z.string(),
  /** Integer (ids, counts) as a number. */
  integer: () =>
    z
      .string()
      .regex(/^-?\d+$/, 'not an integer')
      .transform(Number),
  /** Decimal (money, quantities) kept as its exact string. */
  decimal: () => z.string().regex(/^-?\d*\.?\d+$/, 'not a decimal'),
  /** `T` / `F` as a boolean. */
  boolean: () => z.enum(['T', 'F']).transform((value) => value === 'T'),
  /** A date in the account user's format, as `YYYY-MM-DD`. @default format 'M/D/YYYY' */
  date: (format: SuiteQlDateFormat = 'M/D/YYYY') =>
    z.string().transform((value, context) => toIsoDate(value, format, context)),
};
