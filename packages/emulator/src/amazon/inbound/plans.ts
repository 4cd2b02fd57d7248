import { randomUUID } from 'node:crypto';

import { FULFILLMENT_CENTERS, hashString } from '../../world/hash';
import { marketplaceById } from '../../world/marketplaces';
import { shipmentIdFor } from '../../world/inbound';
import { createPrng } from '../../world/prng';
import { invalidInput } from '../server/errors';
import type { AmazonContext, AmazonRequest, AmazonResponse } from '../server/types';
import { startOperation, savePlan } from './operations';
import { INBOUND_OPERATION_MS } from './progress';
import { PLAN_KIND, type PlanItem, type PlanShipment, type StoredPlan } from './types';

const OWNERS = ['AMAZON', 'SELLER', 'NONE'];
const ADDRESS_FIELDS = ['addressLine1', 'city', 'countryCode', 'name', 'phoneNumber', 'postalCode'];

function str(value: unknown, field: string): string {
  if (typeof value !== 'string' || value === '') invalidInput(`${field} is required.`);
  return value;
}

function parseItems(
  ctx: AmazonContext,
  raw: unknown,
  marketplaceId: string,
): { items: PlanItem[]; problems: string[] } {
  if (!Array.isArray(raw) || raw.length < 1 || raw.length > 2000)
    invalidInput('items must contain 1 to 2000 items.');
  const items: PlanItem[] = [];
  const problems: string[] = [];

  raw.forEach((entry: Record<string, unknown>, index) => {
    const msku = str(entry?.msku, `items[${index}].msku`);
    const quantity = entry.quantity;
    if (!Number.isInteger(quantity) || (quantity as number) < 1 || (quantity as number) > 10_000)
      invalidInput(`items[${index}].quantity must be an integer between 1 and 10000.`);
    const labelOwner = str(entry.labelOwner, `items[${index}].labelOwner`);
    const prepOwner = str(entry.prepOwner, `items[${index}].prepOwner`);
    if (!OWNERS.includes(labelOwner) || !OWNERS.includes(prepOwner))
      invalidInput(
        `items[${index}]: labelOwner and prepOwner must be one of ${OWNERS.join(', ')}.`,
      );

    const catalog = ctx.world.catalog.find(
      (c) => c.sku === msku && c.marketplaceId === marketplaceId,
    );
    if (!catalog?.fnsku) problems.push(msku);
    items.push({
      msku,
      asin: catalog?.asin ?? '',
      fnsku: catalog?.fnsku ?? '',
      quantity: quantity as number,
      labelOwner,
      prepOwner,
    });
  });

  return { items, problems };
}

/** `createInboundPlan`: validates the request, stores the plan, returns its id and operation. */
export function createInboundPlan(ctx: AmazonContext, req: AmazonRequest): AmazonResponse {
  const body = (req.body ?? {}) as Record<string, unknown>;
  const markets = body.destinationMarketplaces;
  if (!Array.isArray(markets) || markets.length !== 1 || !marketplaceById(String(markets[0])))
    invalidInput('destinationMarketplaces must hold exactly one valid marketplace id.');
  const marketplaceId = String(markets[0]);

  const source = (body.sourceAddress ?? {}) as Record<string, unknown>;
  const sourceAddress: Record<string, string> = {};
  for (const field of ADDRESS_FIELDS)
    sourceAddress[field] = str(source[field], `sourceAddress.${field}`);
  for (const [key, value] of Object.entries(source))
    if (typeof value === 'string') sourceAddress[key] = value;

  const { items, problems } = parseItems(ctx, body.items, marketplaceId);
  const now = ctx.clock().toISOString();
  const inboundPlanId = `wf${randomUUID()}`;
  const plan: StoredPlan = {
    inboundPlanId,
    name: typeof body.name === 'string' && body.name ? body.name : `FBA (${now.slice(0, 10)})`,
    status: problems.length > 0 ? 'ERRORED' : 'ACTIVE',
    createdAt: now,
    lastUpdatedAt: now,
    marketplaceIds: [marketplaceId],
    sourceAddress,
    items,
    packingOptions: [],
    placementOptions: [],
    shipments: [],
  };
  ctx.store.put(PLAN_KIND, inboundPlanId, plan);

  // Unknown or non-FBA SKUs surface as operation problems, as Amazon validates asynchronously.
  const operationId = startOperation(
    ctx,
    'createInboundPlan',
    problems.map((msku) => ({
      code: 'FBA_INB_0004',
      message: `ERROR: The SKU ${msku} is not available for FBA in this marketplace.`,
      severity: 'ERROR' as const,
    })),
  );
  return { status: 202, body: { inboundPlanId, operationId } };
}

/** The `index`-th of distinct fulfillment centres chosen for a plan. */
function distinctCenter(marketplaceId: string, planId: string, index: number): string {
  const centers = FULFILLMENT_CENTERS[marketplaceId] ?? ['PHX7'];
  return centers[(hashString(planId) + index) % centers.length] ?? 'PHX7';
}

/** Splits the plan's units over `count` fulfillment centres (Amazon-optimised placement). */
function splitShipments(
  plan: StoredPlan,
  placementOptionId: string,
  count: number,
  seed: number,
): PlanShipment[] {
  const rng = createPrng(seed);
  const marketplaceId = plan.marketplaceIds[0] ?? '';
  const buckets: PlanItem[][] = Array.from({ length: count }, () => []);

  plan.items.forEach((item, index) => {
    if (plan.items.length === 1 && count > 1) {
      // One SKU: Amazon splits its units across the centres.
      const share = Math.floor(item.quantity / count);
      buckets.forEach((bucket, b) =>
        bucket.push({ ...item, quantity: b === 0 ? item.quantity - share * (count - 1) : share }),
      );
      return;
    }

    buckets[index % count]?.push({ ...item });
  });

  return buckets.map((items, index) => {
    const shipmentConfirmationId = shipmentIdFor(rng);
    return {
      shipmentId: `sh${randomUUID()}`,
      shipmentConfirmationId,
      placementOptionId,
      name: `${plan.name} ${index + 1}/${count}`,
      warehouseId: distinctCenter(marketplaceId, plan.inboundPlanId, index),
      items,
    };
  });
}

/** `generatePlacementOptions`: an optimised split over several centres (no fee) and a single-centre option with a fee. */
export function generatePlacementOptions(ctx: AmazonContext, plan: StoredPlan): AmazonResponse {
  const units = plan.items.reduce((sum, item) => sum + item.quantity, 0);
  const splitCount = Math.max(
    1,
    Math.min(3, plan.items.length > 1 ? plan.items.length : units >= 2 ? 2 : 1),
  );
  const seed = Date.parse(plan.createdAt) % 2_147_483_647;
  const optimisedId = `pl${randomUUID()}`;
  const minimalId = `pl${randomUUID()}`;
  const optimised = splitShipments(plan, optimisedId, splitCount, seed);
  const minimal = splitShipments(plan, minimalId, 1, seed + 1);

  plan.shipments = [...optimised, ...minimal];
  plan.placementOptions = [
    {
      id: optimisedId,
      status: 'OFFERED',
      feeCents: 0,
      shipmentIds: optimised.map((s) => s.shipmentId),
      packingGroups: [],
    },
    // Inventory placement service fee for a single destination (a stand-in rate of $0.30 per unit).
    {
      id: minimalId,
      status: 'OFFERED',
      feeCents: 30 * units,
      shipmentIds: minimal.map((s) => s.shipmentId),
      packingGroups: [],
    },
  ];
  plan.placementAvailableAtMs = ctx.clock().getTime() + INBOUND_OPERATION_MS / ctx.timeScale;
  savePlan(ctx, plan);
  return { status: 202, body: { operationId: startOperation(ctx, 'generatePlacementOptions') } };
}

/** `generatePackingOptions`: one option packing every item as a single packing group. */
export function generatePackingOptions(ctx: AmazonContext, plan: StoredPlan): AmazonResponse {
  plan.packingOptions = [
    {
      id: `po${randomUUID()}`,
      status: 'OFFERED',
      feeCents: 0,
      shipmentIds: [],
      packingGroups: [`pg${randomUUID()}`],
    },
  ];
  plan.packingAvailableAtMs = ctx.clock().getTime() + INBOUND_OPERATION_MS / ctx.timeScale;
  savePlan(ctx, plan);
  return { status: 202, body: { operationId: startOperation(ctx, 'generatePackingOptions') } };
}
