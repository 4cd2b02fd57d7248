/**
 * Date-window rules shared by Orders v0 `getOrders` and 2026-01-01 `searchOrders` (model parameter
 * descriptions): ISO-8601 dates, exactly one of created/last-updated windows, `…Before` not before
 * `…After` and at least two minutes before the request (data lag), answered with Amazon's 400s.
 */
import { invalidInput } from '../server/errors';

/** The 2-minute data lag is absolute; timeScale does not change it. */
export const TWO_MINUTES_MS = 120_000;

/** Amazon's generic InvalidInput message of the Orders API. */
export const GENERIC_INVALID_INPUT =
  'The input you have submitted is not valid. Please check your input and try again.';

/** The message Amazon returns when a `…Before` date is within two minutes of now. */
export const TWO_MINUTE_MESSAGE =
  'The input you have submitted is not valid. Note that the error may be due to a systematic delay in ' +
  'data retrieval. The most updated data is 2 minutes after an order is created or last updated. If you ' +
  'set the CreatedBefore or LastUpdatedBefore parameters, please provide a date that is at least 2 ' +
  'minutes before current time and try again.';

const ISO_8601 = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** Parses an ISO-8601 date parameter or answers Amazon's invalid date-time 400. */
export function parseIsoParam(name: string, value: string | null): number | undefined {
  if (value === null || value === '') return undefined;
  const ms = ISO_8601.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(ms))
    invalidInput('This is an invalid input', `Invalid date-time field(s) [${name}].`);
  return ms;
}

/** A created or last-updated window. */
export interface DateWindow {
  field: 'created' | 'lastUpdated';
  afterMs: number;
  /** The given `…Before`, else two minutes before the request. */
  beforeMs: number;
}

/** Parameter names of one API version. */
export interface WindowParamNames {
  createdAfter: string;
  createdBefore: string;
  lastUpdatedAfter: string;
  lastUpdatedBefore: string;
}

/** Validates the window parameters of a request against `nowMs`. */
export function parseDateWindow(
  query: URLSearchParams,
  names: WindowParamNames,
  nowMs: number,
): DateWindow {
  const createdAfter = parseIsoParam(names.createdAfter, query.get(names.createdAfter));
  const createdBefore = parseIsoParam(names.createdBefore, query.get(names.createdBefore));
  const updatedAfter = parseIsoParam(names.lastUpdatedAfter, query.get(names.lastUpdatedAfter));
  const updatedBefore = parseIsoParam(names.lastUpdatedBefore, query.get(names.lastUpdatedBefore));

  const usesCreated = createdAfter !== undefined || createdBefore !== undefined;
  const usesUpdated = updatedAfter !== undefined || updatedBefore !== undefined;
  if (usesCreated && usesUpdated) {
    invalidInput(
      GENERIC_INVALID_INPUT,
      `${names.createdAfter}/${names.createdBefore} cannot be combined with ${names.lastUpdatedAfter}/${names.lastUpdatedBefore}.`,
    );
  }
  const afterMs = usesCreated ? createdAfter : updatedAfter;
  const beforeMs = usesCreated ? createdBefore : updatedBefore;
  if (afterMs === undefined) {
    invalidInput(
      GENERIC_INVALID_INPUT,
      `Exactly one of ${names.createdAfter} and ${names.lastUpdatedAfter} is required.`,
    );
  }
  if (afterMs > nowMs) {
    invalidInput(
      GENERIC_INVALID_INPUT,
      `${usesCreated ? names.createdAfter : names.lastUpdatedAfter} is in the future.`,
    );
  }
  if (beforeMs !== undefined && beforeMs < afterMs) {
    invalidInput(
      GENERIC_INVALID_INPUT,
      `${usesCreated ? names.createdBefore : names.lastUpdatedBefore} must be equal to or after ${usesCreated ? names.createdAfter : names.lastUpdatedAfter}.`,
    );
  }
  if (beforeMs !== undefined && beforeMs > nowMs - TWO_MINUTES_MS) invalidInput(TWO_MINUTE_MESSAGE);
  // Without a `…Before`, the search ends where Amazon's data ends: two minutes ago.
  return {
    field: usesCreated ? 'created' : 'lastUpdated',
    afterMs,
    beforeMs: beforeMs ?? nowMs - TWO_MINUTES_MS,
  };
}

/** True when the order's timestamp lies inside the window. */
export function inWindow(
  window: DateWindow,
  order: { createdTime: string; lastUpdatedTime: string },
): boolean {
  const ms = Date.parse(window.field === 'created' ? order.createdTime : order.lastUpdatedTime);
  return ms >= window.afterMs && ms <= window.beforeMs;
}
