import { afterEach, describe, expect, it } from 'vitest';

import { inboundRoutes } from '../../src/amazon/inbound';
import { createTestContext, request, type TestContext } from './context';

let t: TestContext | undefined;
afterEach(() => t?.close());

const US = 'ATVPDKIKX0DER';
const SOURCE = {
  name: 'SellerBridge Warehouse',
  addressLine1: '100 Dock Rd',
  city: 'Reno',
  stateOrProvinceCode: 'NV',
  countryCode: 'US',
  postalCode: '89502',
  phoneNumber: '+1 775 555 0100',
};

type Body = Record<string, unknown>;

async function call(
  tc: TestContext,
  operation: string,
  parts: Parameters<typeof request>[0] = {},
): Promise<Body> {
  const res = await tc.route(operation).handle(request(parts));
  return (res.body ?? {}) as Body;
}

async function opStatus(tc: TestContext, operationId: unknown): Promise<Body> {
  return call(tc, 'getInboundOperationStatus', { params: { operationId: String(operationId) } });
}

function fbaSkus(tc: TestContext, count: number): string[] {
  return tc.ctx.world.catalog
    .filter((c) => c.marketplaceId === US && c.fnsku)
    .slice(0, count)
    .map((c) => c.sku);
}

describe('inboundRoutes (2024-03-20)', () => {
  it('runs a plan from creation to a split, received shipment visible in v0', async () => {
    t = createTestContext(inboundRoutes, { timeScale: 60 });
    const skus = fbaSkus(t, 2);
    const items = skus.map((msku) => ({
      msku,
      quantity: 24,
      labelOwner: 'SELLER',
      prepOwner: 'NONE',
    }));
    const created = await call(t, 'createInboundPlan', {
      body: { destinationMarketplaces: [US], sourceAddress: SOURCE, items },
    });
    const params = { inboundPlanId: String(created.inboundPlanId) };

    expect((await opStatus(t, created.operationId)).operationStatus).toBe('IN_PROGRESS');
    t.advance(Math.ceil(5_000 / 60));
    expect((await opStatus(t, created.operationId)).operationStatus).toBe('SUCCESS');

    await call(t, 'generatePackingOptions', { params });
    expect((await call(t, 'listPackingOptions', { params })).packingOptions).toEqual([]);
    t.advance(100);
    const [packing] = (await call(t, 'listPackingOptions', { params })).packingOptions as Body[];
    await call(t, 'confirmPackingOption', {
      params: { ...params, packingOptionId: String(packing?.packingOptionId) },
    });

    await call(t, 'generatePlacementOptions', { params });
    t.advance(100);
    const options = (await call(t, 'listPlacementOptions', { params })).placementOptions as Array<{
      placementOptionId: string;
      shipmentIds: string[];
      fees: unknown[];
    }>;
    const split = options.find((o) => o.shipmentIds.length > 1);
    expect(options).toHaveLength(2);
    expect(split?.fees).toEqual([]);
    await call(t, 'confirmPlacementOption', {
      params: { ...params, placementOptionId: split?.placementOptionId ?? '' },
    });

    const shipments = await Promise.all(
      (split?.shipmentIds ?? []).map((shipmentId) =>
        call(t!, 'getShipment', { params: { ...params, shipmentId } }),
      ),
    );
    const centers = new Set(shipments.map((s) => (s.destination as Body).warehouseId));
    expect(shipments.every((s) => s.status === 'WORKING')).toBe(true);
    expect(centers.size).toBe(2);

    // Seven 30-minute steps at timeScale 60 reach CLOSED.
    t.advance(7 * 30_000);
    const closed = await call(t, 'getShipment', {
      params: { ...params, shipmentId: split?.shipmentIds[0] ?? '' },
    });
    expect(closed.status).toBe('CLOSED');

    const v0 = await call(t, 'getShipments', {
      query: new URLSearchParams({
        QueryType: 'SHIPMENT',
        MarketplaceId: US,
        ShipmentIdList: String(closed.shipmentConfirmationId),
      }),
    });
    const info = ((v0.payload as Body).ShipmentData as Body[])[0];
    expect(info?.ShipmentStatus).toBe('CLOSED');

    const byId = await call(t, 'getShipmentItemsByShipmentId', {
      params: { shipmentId: String(closed.shipmentConfirmationId) },
    });
    const received = (
      (byId.payload as Body).ItemData as Array<{
        QuantityShipped: number;
        QuantityReceived: number;
      }>
    )[0];
    expect(received?.QuantityReceived).toBeGreaterThanOrEqual((received?.QuantityShipped ?? 0) - 1);
    expect(received?.QuantityReceived).toBeGreaterThan(0);
  });

  it('fails the create operation for a SKU not enrolled in FBA', async () => {
    t = createTestContext(inboundRoutes);
    const items = [{ msku: 'NOT-A-SKU', quantity: 1, labelOwner: 'SELLER', prepOwner: 'NONE' }];
    const created = await call(t, 'createInboundPlan', {
      body: { destinationMarketplaces: [US], sourceAddress: SOURCE, items },
    });

    t.advance(5_000);
    const status = await opStatus(t, created.operationId);

    expect(status.operationStatus).toBe('FAILED');
    expect(JSON.stringify(status.operationProblems)).toContain('NOT-A-SKU');
    expect(
      (
        await call(t, 'getInboundPlan', {
          params: { inboundPlanId: String(created.inboundPlanId) },
        })
      ).status,
    ).toBe('ERRORED');
  });

  it('lists legacy shipments by date range with received quantities', async () => {
    t = createTestContext(inboundRoutes);
    const query = new URLSearchParams({
      QueryType: 'DATE_RANGE',
      MarketplaceId: US,
      LastUpdatedAfter: '2026-01-01T00:00:00Z',
      LastUpdatedBefore: '2026-12-31T00:00:00Z',
    });

    const shipments = ((await call(t, 'getShipments', { query })).payload as Body)
      .ShipmentData as Body[];
    const items = ((await call(t, 'getShipmentItems', { query })).payload as Body)
      .ItemData as Array<{ QuantityReceived: number }>;

    expect(shipments.length).toBe(t.ctx.world.inboundShipments.length);
    expect(new Set(shipments.map((s) => s.ShipmentStatus))).toContain('RECEIVING');
    expect(items.some((i) => i.QuantityReceived > 0)).toBe(true);
  });
});
