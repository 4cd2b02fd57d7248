/**
 * The cancellation decision table (integration-apps §1.8, Celigo "Import Amazon MFN canceled
 * orders"): not in NetSuite → ignore; already closed/cancelled → nothing to do; pending approval
 * or pending fulfilment → close every line; fulfilled or billed in any part → an error naming
 * the NetSuite record.
 */

/** NetSuite sales order status letters (netsuite.md §6.1; A Pending Approval … H Closed). */
export type SalesOrderStatus = 'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G' | 'H';

/** What to do with a cancelled Amazon order. */
export type CancellationDecision =
  | { decision: 'ignore'; reason: 'not in NetSuite' }
  | { decision: 'done'; reason: 'already closed' }
  | { decision: 'closeLines' }
  | { decision: 'error'; reason: 'shipped or billed' };

const OPEN_STATUSES = new Set(['A', 'B']);
const CLOSED_STATUSES = new Set(['C', 'H']);

/** Normalises `status` as NetSuite returns it (`{id:'B'}`, `'B'`, or a refName). */
export function toStatusLetter(status: unknown): string | undefined {
  const value =
    typeof status === 'object' && status !== null
      ? ((status as { id?: unknown }).id ?? (status as { refName?: unknown }).refName)
      : status;

  if (typeof value !== 'string') {
    return undefined;
  }

  const byName: Record<string, string> = {
    'pending approval': 'A',
    'pending fulfillment': 'B',
    cancelled: 'C',
    'partially fulfilled': 'D',
    'pending billing/partially fulfilled': 'E',
    'pending billing': 'F',
    billed: 'G',
    closed: 'H',
  };

  return value.length === 1 ? value.toUpperCase() : byName[value.trim().toLowerCase()];
}

/**
 * Decides from the linked NetSuite record (undefined when the order was never imported), its
 * status and whether any line was fulfilled or billed.
 */
export function decideCancellation(
  record: { status: unknown; anyLineFulfilledOrBilled?: boolean } | undefined,
): CancellationDecision {
  if (!record) {
    return { decision: 'ignore', reason: 'not in NetSuite' };
  }

  const letter = toStatusLetter(record.status);

  if (letter !== undefined && CLOSED_STATUSES.has(letter)) {
    return { decision: 'done', reason: 'already closed' };
  }

  if (
    letter !== undefined &&
    OPEN_STATUSES.has(letter) &&
    record.anyLineFulfilledOrBilled !== true
  ) {
    return { decision: 'closeLines' };
  }

  return { decision: 'error', reason: 'shipped or billed' };
}
