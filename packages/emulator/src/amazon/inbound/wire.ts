import type { AmazonContext } from '../server/types';
import { receivedQuantity, shipmentStatus, shipmentUpdatedMs } from './progress';
import type { PlanShipment, StoredOption, StoredPlan } from './types';

/** Incentive list of an option's fee (Currency amounts are JSON numbers in this model). */
function fees(option: StoredOption, currency: string): unknown[] {
  if (option.feeCents === 0) return [];
  return [
    {
      description: 'Inventory placement service fee',
      target: 'Placement Services',
      type: 'FEE',
      value: { amount: option.feeCents / 100, code: currency },
    },
  ];
}

function currencyOf(plan: StoredPlan): string {
  return plan.marketplaceIds[0] === 'A1PA6795UKMFR9' ? 'EUR' : 'USD';
}

/** Current status of a plan shipment (cancelled with its plan). */
export function statusOf(ctx: AmazonContext, plan: StoredPlan, shipment: PlanShipment): string {
  return shipmentStatus(shipment, ctx.clock().getTime(), ctx.timeScale, plan.status === 'VOIDED');
}

/** Shipments of the confirmed placement option (or all proposed ones before confirmation). */
export function activeShipments(plan: StoredPlan): PlanShipment[] {
  const accepted = plan.placementOptions.find((o) => o.status === 'ACCEPTED');
  return accepted ? plan.shipments.filter((s) => s.placementOptionId === accepted.id) : [];
}

/** `InboundPlan` wire shape. */
export function planBody(ctx: AmazonContext, plan: StoredPlan): Record<string, unknown> {
  return {
    ...planSummary(plan),
    packingOptions: plan.packingOptions.map((o) => ({ packingOptionId: o.id, status: o.status })),
    placementOptions: plan.placementOptions.map((o) => ({
      placementOptionId: o.id,
      status: o.status,
    })),
    shipments: activeShipments(plan).map((s) => ({
      shipmentId: s.shipmentId,
      status: statusOf(ctx, plan, s),
    })),
  };
}

/** `InboundPlanSummary` wire shape. */
export function planSummary(plan: StoredPlan): Record<string, unknown> {
  return {
    inboundPlanId: plan.inboundPlanId,
    name: plan.name,
    status: plan.status,
    createdAt: plan.createdAt,
    lastUpdatedAt: plan.lastUpdatedAt,
    marketplaceIds: plan.marketplaceIds,
    sourceAddress: plan.sourceAddress,
  };
}

/** `PackingOption` wire shape. */
export function packingOptionBody(plan: StoredPlan, option: StoredOption): Record<string, unknown> {
  return {
    packingOptionId: option.id,
    packingGroups: option.packingGroups,
    status: option.status,
    fees: fees(option, currencyOf(plan)),
    discounts: [],
    supportedConfigurations: [],
    supportedShippingConfigurations: [
      { shippingMode: 'GROUND_SMALL_PARCEL', shippingSolution: 'AMAZON_PARTNERED_CARRIER' },
    ],
  };
}

/** `PlacementOption` wire shape. */
export function placementOptionBody(
  plan: StoredPlan,
  option: StoredOption,
): Record<string, unknown> {
  return {
    placementOptionId: option.id,
    shipmentIds: option.shipmentIds,
    status: option.status,
    fees: fees(option, currencyOf(plan)),
    discounts: [],
  };
}

/** `Shipment` wire shape. */
export function shipmentBody(
  ctx: AmazonContext,
  plan: StoredPlan,
  shipment: PlanShipment,
): Record<string, unknown> {
  const status = statusOf(ctx, plan, shipment);
  return {
    shipmentId: shipment.shipmentId,
    placementOptionId: shipment.placementOptionId,
    ...(status !== 'UNCONFIRMED'
      ? {
          shipmentConfirmationId: shipment.shipmentConfirmationId,
          amazonReferenceId: shipment.shipmentConfirmationId.slice(3),
        }
      : {}),
    name: shipment.name,
    status,
    source: { sourceType: 'SELLER_FACILITY', address: plan.sourceAddress },
    destination: { destinationType: 'AMAZON_OPTIMIZED', warehouseId: shipment.warehouseId },
  };
}

/** Legacy-v0 view of a confirmed plan shipment. */
export function v0View(
  ctx: AmazonContext,
  plan: StoredPlan,
  shipment: PlanShipment,
): { status: string; updatedMs: number; received: number[] } {
  const status = statusOf(ctx, plan, shipment);
  return {
    status,
    updatedMs: shipmentUpdatedMs(shipment, ctx.clock().getTime(), ctx.timeScale),
    received: shipment.items.map((item) => receivedQuantity(status, item, shipment.shipmentId)),
  };
}
