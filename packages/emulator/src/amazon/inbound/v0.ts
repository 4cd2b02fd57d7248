import { marketplaceById } from '../../world/marketplaces';
import type { WorldInbound } from '../../world/types';
import { invalidInput } from '../server/errors';
import type { AmazonContext, AmazonRequest, AmazonResponse, AmazonRoute } from '../server/types';
import { PLAN_KIND, type PlanShipment, type StoredPlan } from './types';
import { v0View } from './wire';

/** v0 pages hold at most 50 shipments/items (a stand-in: the model does not state a size). */
const V0_PAGE = 50;

/** The seller's warehouses (the world's MFN ship-from addresses) in v0 `Address` form. */
const US_SHIP_FROM = {
  Name: 'SellerBridge Warehouse',
  AddressLine1: '100 Dock Rd',
  City: 'Reno',
  StateOrProvinceCode: 'NV',
  CountryCode: 'US',
  PostalCode: '89502',
};
const DE_SHIP_FROM = {
  Name: 'SellerBridge Lager',
  AddressLine1: 'Lagerstraße 5',
  City: 'Hamburg',
  StateOrProvinceCode: 'HH',
  CountryCode: 'DE',
  PostalCode: '20095',
};

/** Legacy and plan shipments in one v0 shape. */
interface V0Shipment {
  info: Record<string, unknown>;
  updatedMs: number;
  status: string;
  marketplaceId: string;
  items: Array<Record<string, unknown>>;
}

function legacy(s: WorldInbound): V0Shipment {
  return {
    info: {
      ShipmentId: s.shipmentId,
      ShipmentName: s.name,
      ShipFromAddress: s.marketplaceId === 'A1PA6795UKMFR9' ? DE_SHIP_FROM : US_SHIP_FROM,
      DestinationFulfillmentCenterId: s.destinationFulfillmentCenterId,
      ShipmentStatus: s.status,
      LabelPrepType: 'SELLER_LABEL',
      AreCasesRequired: false,
      BoxContentsSource: 'FEED',
    },
    updatedMs: Date.parse(s.lastUpdatedTime),
    status: s.status,
    marketplaceId: s.marketplaceId,
    items: s.items.map((item) => ({
      ShipmentId: s.shipmentId,
      SellerSKU: item.sku,
      FulfillmentNetworkSKU: item.fnsku,
      QuantityShipped: item.quantityShipped,
      QuantityReceived: item.quantityReceived,
      QuantityInCase: 0,
    })),
  };
}

function fromPlan(ctx: AmazonContext, plan: StoredPlan, shipment: PlanShipment): V0Shipment {
  const view = v0View(ctx, plan, shipment);
  const a = plan.sourceAddress;
  return {
    info: {
      ShipmentId: shipment.shipmentConfirmationId,
      ShipmentName: shipment.name,
      ShipFromAddress: {
        Name: a.name,
        AddressLine1: a.addressLine1,
        City: a.city,
        StateOrProvinceCode: a.stateOrProvinceCode ?? '',
        CountryCode: a.countryCode,
        PostalCode: a.postalCode,
      },
      DestinationFulfillmentCenterId: shipment.warehouseId,
      ShipmentStatus: view.status,
      LabelPrepType: 'SELLER_LABEL',
      AreCasesRequired: false,
      BoxContentsSource: 'INTERACTIVE',
    },
    updatedMs: view.updatedMs,
    status: view.status,
    marketplaceId: plan.marketplaceIds[0] ?? '',
    items: shipment.items.map((item, i) => ({
      ShipmentId: shipment.shipmentConfirmationId,
      SellerSKU: item.msku,
      FulfillmentNetworkSKU: item.fnsku,
      QuantityShipped: item.quantity,
      QuantityReceived: view.received[i] ?? 0,
      QuantityInCase: 0,
    })),
  };
}

function allShipments(
  ctx: AmazonContext,
  active: (plan: StoredPlan) => PlanShipment[],
): V0Shipment[] {
  const fromPlans = ctx.store
    .list<StoredPlan>(PLAN_KIND)
    .flatMap((plan) => active(plan).map((s) => fromPlan(ctx, plan, s)));
  return [...ctx.world.inboundShipments.map(legacy), ...fromPlans];
}

function list(query: URLSearchParams, name: string): string[] {
  return query
    .getAll(name)
    .flatMap((v) => v.split(','))
    .filter(Boolean);
}

interface V0State {
  kind: 'shipments' | 'items';
  marketplaceId: string;
  statuses: string[];
  ids: string[];
  after: number;
  before: number;
  offset: number;
}

function parseState(ctx: AmazonContext, req: AmazonRequest, kind: V0State['kind']): V0State {
  const q = req.query;
  const queryType = q.get('QueryType');
  if (queryType === 'NEXT_TOKEN') {
    try {
      return JSON.parse(
        Buffer.from(q.get('NextToken') ?? '', 'base64url').toString('utf8'),
      ) as V0State;
    } catch {
      invalidInput('Invalid NextToken.');
    }
  }

  const allowed = kind === 'shipments' ? ['SHIPMENT', 'DATE_RANGE'] : ['DATE_RANGE'];
  if (!queryType || !allowed.includes(queryType))
    invalidInput(`QueryType must be one of ${[...allowed, 'NEXT_TOKEN'].join(', ')}.`);
  const marketplaceId = q.get('MarketplaceId') ?? '';
  if (!marketplaceById(marketplaceId))
    invalidInput('MarketplaceId is required and must be a valid marketplace id.');

  const state: V0State = {
    kind,
    marketplaceId,
    statuses: list(q, 'ShipmentStatusList'),
    ids: list(q, 'ShipmentIdList'),
    after: 0,
    before: ctx.clock().getTime(),
    offset: 0,
  };
  if (queryType === 'SHIPMENT' && state.statuses.length === 0 && state.ids.length === 0)
    invalidInput('ShipmentStatusList or ShipmentIdList is required when QueryType is SHIPMENT.');
  if (queryType === 'DATE_RANGE') {
    const after = Date.parse(q.get('LastUpdatedAfter') ?? '');
    const before = Date.parse(q.get('LastUpdatedBefore') ?? '');
    if (Number.isNaN(after) || Number.isNaN(before))
      invalidInput(
        'LastUpdatedAfter and LastUpdatedBefore are required when QueryType is DATE_RANGE.',
      );
    if (after > before) invalidInput('LastUpdatedAfter must be before LastUpdatedBefore.');
    Object.assign(state, { after, before, statuses: [], ids: [] });
  }

  return state;
}

function select(shipments: V0Shipment[], s: V0State): V0Shipment[] {
  return shipments.filter((x) => {
    if (x.marketplaceId !== s.marketplaceId) return false;
    if (s.statuses.length > 0 && !s.statuses.includes(x.status)) return false;
    if (s.ids.length > 0 && !s.ids.includes(String(x.info.ShipmentId))) return false;
    return x.updatedMs >= s.after && x.updatedMs <= s.before;
  });
}

function page<T>(rows: T[], state: V0State, key: string): AmazonResponse {
  const payload: Record<string, unknown> = {
    [key]: rows.slice(state.offset, state.offset + V0_PAGE),
  };
  if (state.offset + V0_PAGE < rows.length)
    payload.NextToken = Buffer.from(
      JSON.stringify({ ...state, offset: state.offset + V0_PAGE }),
    ).toString('base64url');
  return { status: 200, body: { payload } };
}

/** Fulfillment Inbound v0 `getShipments`, `getShipmentItems`, `getShipmentItemsByShipmentId`. */
export function v0Routes(
  ctx: AmazonContext,
  active: (plan: StoredPlan) => PlanShipment[],
): AmazonRoute[] {
  const listRoute = (
    path: string,
    operation: 'getShipments' | 'getShipmentItems',
    key: string,
    rows: (s: V0Shipment) => unknown[],
  ): AmazonRoute => ({
    method: 'GET',
    path,
    operation,
    handle: (req) => {
      const state = parseState(ctx, req, operation === 'getShipments' ? 'shipments' : 'items');
      return page(select(allShipments(ctx, active), state).flatMap(rows), state, key);
    },
  });

  return [
    listRoute('/fba/inbound/v0/shipments', 'getShipments', 'ShipmentData', (s) => [s.info]),
    listRoute('/fba/inbound/v0/shipmentItems', 'getShipmentItems', 'ItemData', (s) => s.items),
    {
      method: 'GET',
      path: '/fba/inbound/v0/shipments/{shipmentId}/items',
      operation: 'getShipmentItemsByShipmentId',
      handle: (req) => {
        const found = allShipments(ctx, active).find(
          (s) => s.info.ShipmentId === req.params.shipmentId,
        );
        if (!found) invalidInput(`Shipment ${req.params.shipmentId ?? ''} not found.`);
        return { status: 200, body: { payload: { ItemData: found.items } } };
      },
    },
  ];
}
