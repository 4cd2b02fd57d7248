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

/** What differs between packing and placement options. */
interface OptionKind {
  segment: 'packingOptions' | 'placementOptions';
  idParam: 'packingOptionId' | 'placementOptionId';
  noun: 'Packing' | 'Placement';
  options(plan: StoredPlan): StoredOption[];
  availableAtMs(plan: StoredPlan): number | undefined;
  generate(ctx: AmazonContext, plan: StoredPlan): AmazonResponse;
  body(plan: StoredPlan, option: StoredOption): Record<string, unknown>;
}

const PACKING: OptionKind = {
  segment: 'packingOptions',
  idParam: 'packingOptionId',
  noun: 'Packing',
  options: (plan) => plan.packingOptions,
  availableAtMs: (plan) => plan.packingAvailableAtMs,
  generate: generatePackingOptions,
  body: packingOptionBody,
};

const PLACEMENT: OptionKind = {
  segment: 'placementOptions',
  idParam: 'placementOptionId',
  noun: 'Placement',
  options: (plan) => plan.placementOptions,
  availableAtMs: (plan) => plan.placementAvailableAtMs,
  generate: generatePlacementOptions,
  body: placementOptionBody,
};

/** generate/list/confirm routes of one option kind; options appear once their operation is done. */
function optionRoutes(ctx: AmazonContext, kind: OptionKind): AmazonRoute[] {
  const path = `/inboundPlans/{inboundPlanId}/${kind.segment}`;

  return [
    route('POST', path, `generate${kind.noun}Options`, (req) => {
      const plan = planOf(ctx, req);
      requireActive(plan);
      return kind.generate(ctx, plan);
    }),
    route('GET', path, `list${kind.noun}Options`, (req) => {
      const plan = planOf(ctx, req);
      const options = visible(ctx, kind.availableAtMs(plan)) ? kind.options(plan) : [];
      const { page, nextToken } = paginate(options, req.query, 20);
      return {
        status: 200,
        body: paged(
          kind.segment,
          page.map((o) => kind.body(plan, o)),
          nextToken,
        ),
      };
    }),
    route('POST', `${path}/{${kind.idParam}}/confirmation`, `confirm${kind.noun}Option`, (req) => {
      const plan = planOf(ctx, req);
      const id = req.params[kind.idParam] ?? '';
      return confirmOption(ctx, plan, kind.options(plan), id, `confirm${kind.noun}Option`);
    }),
  ];
}

/** A list body with Amazon's optional `pagination.nextToken`. */
function paged(
  key: string,
  items: unknown[],
  nextToken: string | undefined,
): Record<string, unknown> {
  return { [key]: items, ...(nextToken ? { pagination: { nextToken } } : {}) };
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
  ...optionRoutes(ctx, PACKING),
  ...optionRoutes(ctx, PLACEMENT),
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
