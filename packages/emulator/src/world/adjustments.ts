import { fulfillmentCenterFor, hashString } from './hash';
import { isoSeconds } from './time';
import type { World, WorldAdjustment } from './types';

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;
const HISTORY_WEEKS = 13;

/** Ledger adjustment reasons: M misplaced/lost, F found, E damaged at Amazon (ledger reason codes). */
const EVENTS: ReadonlyArray<Pick<WorldAdjustment, 'reason' | 'quantity' | 'disposition'>> = [
  { reason: 'M', quantity: -1, disposition: 'SELLABLE' },
  { reason: 'F', quantity: 1, disposition: 'SELLABLE' },
  { reason: 'E', quantity: -1, disposition: 'SELLABLE' },
  { reason: 'E', quantity: 1, disposition: 'UNSELLABLE' },
];

/** Derives FBA inventory adjustments (ledger `Adjustments`) for the last 13 weeks, oldest first. */
export function deriveAdjustments(world: World): WorldAdjustment[] {
  // Anchored on the start time so the history does not shift when the clock advances.
  const nowMs = Date.parse(world.options.startTime);
  const adjustments: WorldAdjustment[] = [];

  for (const item of world.catalog) {
    if (!item.fnsku) continue;

    for (let week = 1; week <= HISTORY_WEEKS; week += 1) {
      const hash = hashString(`${item.sku}|${week}`, world.options.seed);
      // Roughly one event per SKU per quarter.
      if (hash % 13 !== 0) continue;

      const event = EVENTS[(hash >>> 8) % EVENTS.length] ?? EVENTS[0]!;
      adjustments.push({
        date: isoSeconds(nowMs - week * WEEK_MS + (hash % DAY_MS)),
        fnsku: item.fnsku,
        sku: item.sku,
        asin: item.asin,
        title: item.title,
        quantity: event.quantity,
        fulfillmentCenter: fulfillmentCenterFor(item.marketplaceId, item.sku),
        reason: event.reason,
        disposition: event.disposition,
        referenceId: String(100_000_000 + (hash % 899_999_999)),
        marketplaceId: item.marketplaceId,
      });
    }
  }

  return adjustments.sort((a, b) => (a.date < b.date ? -1 : 1));
}
