import { invalidInput, notFound } from '../server/errors';
import type {
  AmazonContext,
  AmazonRequest,
  AmazonResponse,
  AmazonRoute,
  RouteModule,
} from '../server/types';
import {
  loadPlan,
  operationStatus,
  paginate,
  requireActive,
  savePlan,
  startOperation,
} from './operations';
import { createInboundPlan, generatePackingOptions, generatePlacementOptions } from './plans';
import { PLAN_KIND, type StoredOption, type StoredPlan } from './types';
import { v0Routes } from './v0';
import {
  activeShipments,
  packingOptionBody,
  placementOptionBody,
  planBody,
  planSummary,
  shipmentBody,
} from './wire';

const BASE = '/inbound/fba/2024-03-20';

function planOf(ctx: AmazonContext, req: AmazonRequest): StoredPlan {
  return loadPlan(ctx, req.params.inboundPlanId ?? '');
}

function visible(ctx: AmazonContext, availableAtMs: number | undefined): boolean {
  return availableAtMs !== undefined && ctx.clock().getTime() >= availableAtMs;
}

function confirmOption(
  ctx: AmazonContext,
  plan: StoredPlan,
  options: StoredOption[],
  id: string,
  operation: string,
): AmazonResponse {
  requireActive(plan);
  const option = options.find((o) => o.id === id);
  if (!option) notFound(`Option ${id} not found in inbound plan ${plan.inboundPlanId}.`);
  if (options.some((o) => o.status === 'ACCEPTED'))
    invalidInput(`An option of inbound plan ${plan.inboundPlanId} is already confirmed.`);

  for (const candidate of options) candidate.status = candidate.id === id ? 'ACCEPTED' : 'EXPIRED';
  if (operation === 'confirmPlacementOption') {
    const nowMs = ctx.clock().getTime();
    for (const shipment of plan.shipments)
      if (shipment.placementOptionId === id) shipment.confirmedAtMs = nowMs;
  }

  savePlan(ctx, plan);
  return { status: 202, body: { operationId: startOperation(ctx, operation) } };
}

function shipmentOf(
  ctx: AmazonContext,
  req: AmazonRequest,
): { plan: StoredPlan; shipment: StoredPlan['shipments'][number] } {
  const plan = planOf(ctx, req);
  const shipment = plan.shipments.find((s) => s.shipmentId === req.params.shipmentId);
  if (!shipment) notFound(`Shipment ${req.params.shipmentId ?? ''} not found.`);
  return { plan, shipment };
}

function listPlans(ctx: AmazonContext, req: AmazonRequest): AmazonResponse {
  const status = req.query.get('status');
  const plans = ctx.store.list<StoredPlan>(PLAN_KIND, (p) => !status || p.status === status);
  const { page, nextToken } = paginate(plans, req.query, 30);
  return {
    status: 200,
    body: {
      inboundPlans: page.map(planSummary),
      ...(nextToken ? { pagination: { nextToken } } : {}),
    },
  };
}

function route(
  method: string,
  path: string,
  operation: string,
  handle: (req: AmazonRequest) => AmazonResponse,
): AmazonRoute {
  return { method, path: `${BASE}${path}`, operation, handle };
}

/** Fulfillment Inbound 2024-03-20 (plans, packing, placement, shipments, operations) and v0 shipments/items. */
export const inboundRoutes: RouteModule = (ctx) => [
  route('POST', '/inboundPlans', 'createInboundPlan', (req) => createInboundPlan(ctx, req)),
  route('GET', '/inboundPlans', 'listInboundPlans', (req) => listPlans(ctx, req)),
  route('GET', '/inboundPlans/{inboundPlanId}', 'getInboundPlan', (req) => ({
    status: 200,
    body: planBody(ctx, planOf(ctx, req)),
  })),
  route('GET', '/inboundPlans/{inboundPlanId}/items', 'listInboundPlanItems', (req) => {
    const { page, nextToken } = paginate(planOf(ctx, req).items, req.query, 1000);
    return {
      status: 200,
      body: {
        items: page.map(({ prepOwner: _p, ...item }) => ({ ...item, prepInstructions: [] })),
        ...(nextToken ? { pagination: { nextToken } } : {}),
      },
    };
  }),
  route('PUT', '/inboundPlans/{inboundPlanId}/cancellation', 'cancelInboundPlan', (req) => {
    const plan = planOf(ctx, req);
    requireActive(plan);
    plan.status = 'VOIDED';
    savePlan(ctx, plan);
    return { status: 202, body: { operationId: startOperation(ctx, 'cancelInboundPlan') } };
  }),
  route('POST', '/inboundPlans/{inboundPlanId}/packingOptions', 'generatePackingOptions', (req) => {
    const plan = planOf(ctx, req);
    requireActive(plan);
    return generatePackingOptions(ctx, plan);
  }),
  route('GET', '/inboundPlans/{inboundPlanId}/packingOptions', 'listPackingOptions', (req) => {
    const plan = planOf(ctx, req);
    const options = visible(ctx, plan.packingAvailableAtMs) ? plan.packingOptions : [];
    const { page, nextToken } = paginate(options, req.query, 20);
    return {
      status: 200,
      body: {
        packingOptions: page.map((o) => packingOptionBody(plan, o)),
        ...(nextToken ? { pagination: { nextToken } } : {}),
      },
    };
  }),
  route(
    'POST',
    '/inboundPlans/{inboundPlanId}/packingOptions/{packingOptionId}/confirmation',
    'confirmPackingOption',
    (req) => {
      const plan = planOf(ctx, req);
      return confirmOption(
        ctx,
        plan,
        plan.packingOptions,
        req.params.packingOptionId ?? '',
        'confirmPackingOption',
      );
    },
  ),
  route(
    'POST',
    '/inboundPlans/{inboundPlanId}/placementOptions',
    'generatePlacementOptions',
    (req) => {
      const plan = planOf(ctx, req);
      requireActive(plan);
      return generatePlacementOptions(ctx, plan);
    },
  ),
  route('GET', '/inboundPlans/{inboundPlanId}/placementOptions', 'listPlacementOptions', (req) => {
    const plan = planOf(ctx, req);
    const options = visible(ctx, plan.placementAvailableAtMs) ? plan.placementOptions : [];
    const { page, nextToken } = paginate(options, req.query, 20);
    return {
      status: 200,
      body: {
        placementOptions: page.map((o) => placementOptionBody(plan, o)),
        ...(nextToken ? { pagination: { nextToken } } : {}),
      },
    };
  }),
  route(
    'POST',
    '/inboundPlans/{inboundPlanId}/placementOptions/{placementOptionId}/confirmation',
    'confirmPlacementOption',
    (req) => {
      const plan = planOf(ctx, req);
      return confirmOption(
        ctx,
        plan,
        plan.placementOptions,
        req.params.placementOptionId ?? '',
        'confirmPlacementOption',
      );
    },
  ),
  route('GET', '/inboundPlans/{inboundPlanId}/shipments/{shipmentId}', 'getShipment', (req) => {
    const { plan, shipment } = shipmentOf(ctx, req);
    return { status: 200, body: shipmentBody(ctx, plan, shipment) };
  }),
  route(
    'GET',
    '/inboundPlans/{inboundPlanId}/shipments/{shipmentId}/items',
    'listShipmentItems',
    (req) => {
      const { shipment } = shipmentOf(ctx, req);
      const { page, nextToken } = paginate(shipment.items, req.query, 1000);
      return {
        status: 200,
        body: {
          items: page.map(({ prepOwner: _p, ...item }) => ({ ...item, prepInstructions: [] })),
          ...(nextToken ? { pagination: { nextToken } } : {}),
        },
      };
    },
  ),
  route('GET', '/operations/{operationId}', 'getInboundOperationStatus', (req) => ({
    status: 200,
    body: operationStatus(ctx, req.params.operationId ?? ''),
  })),
  ...v0Routes(ctx, (plan) => activeShipments(plan)),
];
