import { fulfillmentCenterFor } from './hash';
import type { Prng } from './prng';
import { isoSeconds } from './time';
import type { CatalogItem, WorldInbound, WorldMarketplace } from './types';

const DAY_MS = 86_400_000;

/** Legacy shipments in every state a seller sees over a quarter. */
const PLAN: ReadonlyArray<{ status: WorldInbound['status']; ageDays: number }> = [
  { status: 'CLOSED', ageDays: 80 },
  { status: 'CLOSED', ageDays: 55 },
  { status: 'CLOSED', ageDays: 30 },
  { status: 'RECEIVING', ageDays: 12 },
  { status: 'CHECKED_IN', ageDays: 8 },
  { status: 'IN_TRANSIT', ageDays: 4 },
  { status: 'WORKING', ageDays: 1 },
];

/** Amazon shipment ids: 'FBA' followed by 9 upper-case alphanumerics. */
export function shipmentIdFor(rng: Prng): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';
  let id = 'FBA';
  for (let i = 0; i < 9; i += 1) id += alphabet[rng.int(0, alphabet.length - 1)];
  return id;
}

function receivedFor(rng: Prng, status: WorldInbound['status'], shipped: number): number {
  if (status === 'CLOSED') return rng.chance(0.2) ? shipped - rng.int(1, 3) : shipped;
  if (status === 'RECEIVING') return Math.floor((shipped * rng.int(20, 80)) / 100);
  return 0;
}

/** Generates legacy (v0) FBA inbound shipments per marketplace. */
export function generateInbound(
  rng: Prng,
  catalog: readonly CatalogItem[],
  marketplaces: readonly WorldMarketplace[],
  nowMs: number,
): WorldInbound[] {
  const shipments: WorldInbound[] = [];

  for (const market of marketplaces) {
    const fba = catalog.filter((item) => item.marketplaceId === market.id && item.fnsku);
    if (fba.length === 0) continue;

    for (const [index, step] of PLAN.entries()) {
      const shipmentId = shipmentIdFor(rng);
      const createdMs = nowMs - step.ageDays * DAY_MS;
      const items = Array.from({ length: rng.int(2, 5) }, () => rng.pick(fba));
      const unique = [...new Map(items.map((item) => [item.sku, item])).values()];

      shipments.push({
        shipmentId,
        name: `FBA STA (${isoSeconds(createdMs).slice(0, 10)}) ${market.code}-${index + 1}`,
        destinationFulfillmentCenterId: fulfillmentCenterFor(market.id, shipmentId),
        status: step.status,
        createdTime: isoSeconds(createdMs),
        lastUpdatedTime: isoSeconds(Math.min(nowMs, createdMs + (step.ageDays * DAY_MS) / 2)),
        marketplaceId: market.id,
        items: unique.map((item) => {
          const shipped = rng.int(2, 40) * 6;
          return {
            sku: item.sku,
            fnsku: item.fnsku,
            asin: item.asin,
            quantityShipped: shipped,
            quantityReceived: receivedFor(rng, step.status, shipped),
          };
        }),
      });
    }
  }

  return shipments;
}
