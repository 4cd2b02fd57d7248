/**
 * Last-updated windows of the order flows. Amazon requires `lastUpdatedBefore` at least two
 * minutes before the request (orders_2026-01-01.json, `searchOrders` parameters); windows
 * overlap slightly and duplicates are removed by order id (DESIGN §5 "Time windows").
 */

/** Amazon's two-minute rule, plus a small margin for clock skew. */
export const AMAZON_MIN_LAG_MS = 2 * 60_000 + 5_000;

/** The window of one run. */
export interface OrderWindow {
  /** Inclusive start sent as `lastUpdatedAfter`. */
  after: string;
  /** End sent as `lastUpdatedBefore`, stored as the next checkpoint. */
  before: string;
  /** Which path reads it: the API or the all-orders report. */
  path: 'api' | 'report';
}

/** Options of {@link planWindow}. */
export interface WindowOptions {
  nowMs: number;
  /** End of the previous window (the checkpoint); undefined on a first sync. */
  checkpoint?: string;
  startDateMs: number;
  overlapMs: number;
  maxWindowMs: number;
  reportThresholdMs: number;
  useReport: boolean;
}

/**
 * Plans the next window, or undefined when nothing new can be read yet. A first sync or a window
 * longer than the report threshold goes through the report (when enabled).
 */
export function planWindow(options: WindowOptions): OrderWindow | undefined {
  const latestEndMs = options.nowMs - AMAZON_MIN_LAG_MS;
  const isFirstSync = options.checkpoint === undefined;
  const previousEndMs = isFirstSync
    ? options.startDateMs
    : Date.parse(options.checkpoint as string);
  const startMs = Math.max(
    options.startDateMs,
    isFirstSync ? previousEndMs : previousEndMs - options.overlapMs,
  );

  if (latestEndMs <= previousEndMs) {
    return undefined;
  }

  const spanMs = latestEndMs - startMs;
  const isLong = isFirstSync || spanMs > options.reportThresholdMs;

  if (options.useReport && isLong) {
    return {
      after: new Date(startMs).toISOString(),
      before: new Date(latestEndMs).toISOString(),
      path: 'report',
    };
  }

  const endMs = Math.min(latestEndMs, startMs + options.maxWindowMs);

  return {
    after: new Date(startMs).toISOString(),
    before: new Date(endMs).toISOString(),
    path: 'api',
  };
}

/** Removes repeated orders (overlaps, pages that shifted), keeping the latest update of each. */
export function dedupeOrders<T extends { orderId: string; lastUpdatedTime: string }>(
  orders: readonly T[],
): T[] {
  const byId = new Map<string, T>();

  for (const order of orders) {
    const seen = byId.get(order.orderId);

    if (!seen || Date.parse(order.lastUpdatedTime) >= Date.parse(seen.lastUpdatedTime)) {
      byId.set(order.orderId, order);
    }
  }

  return [...byId.values()];
}
