/**
 * The arithmetic of `bench/flows-starter.bench.ts` (issue 8): what a seeded world should import,
 * the time scale k of each run and its bound B. Kept apart from the bench so the rule is read
 * in one place.
 *
 * B = max(T_amazon, T_netsuite), both at the emulators' time scale k:
 * - API run: T_amazon = max(0, pages − burst) ÷ (k × searchOrders rate);
 * - backfill: T_amazon = report queue + processing ÷ k, plus, per report operation, the calls
 *   over its burst ÷ (k × its rate), plus the open-order `searchOrders` pages over the burst;
 * - both: T_netsuite = NetSuite requests × mean latency ÷ (k × client concurrency).
 * k is chosen before the run from the world (pages from its MFN orders) so that the run's
 * Amazon term reaches its target, never below 1; B is then reported from the counted calls and
 * requests.
 */
import type { WorldOrder } from '@sellerbridge/emulator';

/** A usage plan of an SP-API operation (amazon/models, requests per second and burst). */
export interface UsagePlan {
  rate: number;
  burst: number;
}

/** searchOrders (orders_2026-01-01.json). */
export const SEARCH_ORDERS: UsagePlan = { rate: 0.0056, burst: 20 };

/** The report operations the backfill calls (reports_2021-06-30.json). */
export const REPORT_PLANS: Readonly<Record<string, UsagePlan>> = {
  createReport: { rate: 0.0167, burst: 15 },
  getReport: { rate: 2, burst: 15 },
  getReportDocument: { rate: 0.0167, burst: 15 },
};

/** Emulator NetSuite latency range (ms, before the time scale) and its mean. */
export const LATENCY_MS: [number, number] = [50, 150];
export const MEAN_LATENCY_MS = 100;

/** The NetSuite client's default concurrency (standard tier 5 less one). */
export const NETSUITE_CONCURRENCY = 4;

/** Report queue + processing in the emulator (amazon/reports/lifecycle.ts), before k. */
export const REPORT_MS = 40_000;

const OPEN = new Set(['UNSHIPPED', 'PARTIALLY_SHIPPED']);
const HISTORY = new Set(['SHIPPED', 'CANCELLED']);

/** What the MFN flow will see of a world, counted from its orders. */
export interface WorldPlan {
  /** MFN orders the API run reads (importable statuses and cancellations). */
  apiRead: number;
  /** MFN orders in the all-orders report that the backfill keeps (shipped or cancelled). */
  history: number;
  /** Open MFN orders the backfill reads through `searchOrders`. */
  open: number;
  /** Orders either run would import (shipped or open MFN). */
  toImport: number;
}

/** Counts the MFN orders of a world by the path that reads them. */
export function planWorld(
  orders: readonly WorldOrder[],
  pageSize = 100,
): WorldPlan & {
  apiPages: number;
  openPages: number;
} {
  const mfn = orders.filter((order) => order.fulfillment?.fulfilledBy === 'MERCHANT');
  const statusOf = (order: WorldOrder): string => order.fulfillment?.fulfillmentStatus ?? '';
  const open = mfn.filter((order) => OPEN.has(statusOf(order))).length;
  const history = mfn.filter((order) => HISTORY.has(statusOf(order))).length;
  const shipped = mfn.filter((order) => statusOf(order) === 'SHIPPED').length;
  const apiRead = open + history;

  return {
    apiRead,
    history,
    open,
    toImport: open + shipped,
    // The last page of a search is empty or partial; one more call is the worst case.
    apiPages: Math.ceil(apiRead / pageSize) + 1,
    openPages: Math.ceil(open / pageSize),
  };
}

/** Seconds the calls of one operation wait beyond its burst at time scale k. */
export function usagePlanSeconds(calls: number, plan: UsagePlan, k: number): number {
  return Math.max(0, calls - plan.burst) / (k * plan.rate);
}

/** T_netsuite in seconds. */
export function netSuiteSeconds(requests: number, k: number): number {
  return (requests * MEAN_LATENCY_MS) / 1000 / (k * NETSUITE_CONCURRENCY);
}

/** T_amazon of the API run in seconds. */
export function apiAmazonSeconds(searchCalls: number, k: number): number {
  return usagePlanSeconds(searchCalls, SEARCH_ORDERS, k);
}

/** T_amazon of the backfill in seconds, from the calls made per operation. */
export function backfillAmazonSeconds(callsByOperation: Record<string, number>, k: number): number {
  const reportCalls = Object.entries(REPORT_PLANS).reduce(
    (total, [operation, plan]) =>
      total + usagePlanSeconds(callsByOperation[operation] ?? 0, plan, k),
    0,
  );
  const search = usagePlanSeconds(callsByOperation.searchOrders ?? 0, SEARCH_ORDERS, k);

  return REPORT_MS / 1000 / k + reportCalls + search;
}

/**
 * k of the API run: its Amazon term (searchOrders pages) reaches `targetS`; never below 1.
 * The NetSuite term stays well under it, leaving each page's handling to overlap the token wait.
 */
export function apiTimeScale(plan: { apiPages: number }, targetS: number): number {
  return Math.max(1, apiAmazonSeconds(plan.apiPages, 1) / targetS);
}

/**
 * k of the backfill: like the API run, k compresses Amazon's waits (the report's preparation and
 * any calls over a burst) to about `targetS`, never below 1. NetSuite's latency is not what k
 * is for: at k = 1 the emulator answers in its own 50–150 ms, and a NetSuite-bound backfill is
 * measured at that pace (B = its NetSuite term, ≥ 60 s for 20,000 orders).
 */
export function backfillTimeScale(plan: { openPages: number }, targetS: number): number {
  const amazonS = backfillAmazonSeconds(
    { createReport: 1, getReportDocument: 1, searchOrders: plan.openPages },
    1,
  );

  return Math.max(1, amazonS / targetS);
}
