/** The ISO-8601 date input every validated date parameter accepts. */
import { z } from 'zod';

// ISO-8601 date or date-time (https://developer-docs.amazon.com/sp-api/docs/iso-8601);
// rejects locale forms such as `02/21/2022`.
const ISO_DATE =
  /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** A date input: a `Date` or an ISO-8601 string; normalized to a `Date`. */
export const isoDateInput = z
  .union([
    z.date(),
    z
      .string()
      .regex(ISO_DATE, 'must be an ISO-8601 date-time such as 2025-01-31T00:00:00Z')
      .transform(
        (text) =>
          new Date(
            /T.*(Z|[+-]\d{2}:?\d{2})$/.test(text) || !text.includes('T') ? text : `${text}Z`,
          ),
      ),
  ])
  .refine((date) => !Number.isNaN(date.getTime()), 'is not a valid date');
