import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { fbaInventoryRoutes } from '../../src/amazon/fba-inventory';
import { AmazonApiError } from '../../src/amazon/server/errors';
import { createWorld } from '../../src/world/create';
import type { World } from '../../src/world/types';
import { createTestContext, request, type TestContext } from './context';

const US = 'ATVPDKIKX0DER';
const BASE = { granularityType: 'Marketplace', granularityId: US, marketplaceIds: US };

interface Page {
  payload: {
    inventorySummaries: Array<{
      sellerSku: string;
      inventoryDetails?: unknown;
      lastUpdatedTime: string;
    }>;
  };
  pagination?: { nextToken: string };
}

let world: World;
let t: TestContext;

beforeAll(() => {
  // Large enough for more than one 50-summary page of FBA SKUs.
  world = createWorld({ orders: 15_000 });
});

afterAll(() => t?.close());

async function page(params: Record<string, string>): Promise<Page> {
  const res = await t
    .route('getInventorySummaries')
    .handle(request({ query: new URLSearchParams(params) }));
  return res.body as Page;
}

async function failure(params: Record<string, string>): Promise<string> {
  try {
    await page(params);
  } catch (error) {
    if (error instanceof AmazonApiError) return error.errors[0]?.message ?? '';
  }
  throw new Error('expected an error');
}

describe('fbaInventoryRoutes', () => {
  it('pages every FBA SKU, 50 at a time, sorted by SKU', async () => {
    t = createTestContext(fbaInventoryRoutes, { world });
    const fbaSkus = world.catalog
      .filter((c) => c.marketplaceId === US && c.fnsku)
      .map((c) => c.sku);
    const seen: string[] = [];

    let result = await page({ ...BASE, details: 'true' });
    seen.push(...result.payload.inventorySummaries.map((s) => s.sellerSku));
    expect(result.payload.inventorySummaries).toHaveLength(50);
    expect(result.payload.inventorySummaries[0]?.inventoryDetails).toBeDefined();
    while (result.pagination) {
      t.advance(5_000);
      result = await page({ nextToken: result.pagination.nextToken, details: 'true' });
      seen.push(...result.payload.inventorySummaries.map((s) => s.sellerSku));
    }

    expect(seen).toEqual([...fbaSkus].sort((a, b) => (a < b ? -1 : 1)));
  });

  it('expires the nextToken after 30 seconds', async () => {
    t = createTestContext(fbaInventoryRoutes, { world });
    const first = await page(BASE);

    t.advance(30_001);

    expect(await failure({ nextToken: first.pagination?.nextToken ?? '' })).toBe(
      'Next token is invalid or expired',
    );
  });

  it('requires startDateTime with the nextToken when the first page used it', async () => {
    t = createTestContext(fbaInventoryRoutes, { world });
    const startDateTime = '2026-10-01T00:00:00Z';
    const first = await page({ ...BASE, startDateTime });
    const token = first.pagination?.nextToken ?? '';

    expect(first.payload.inventorySummaries.every((s) => s.lastUpdatedTime >= startDateTime)).toBe(
      true,
    );
    expect(await failure({ nextToken: token })).toBe('Next token is invalid or expired');
    expect(
      (await page({ nextToken: token, startDateTime })).payload.inventorySummaries.length,
    ).toBeGreaterThan(0);
  });

  it('filters by sellerSkus, omits details by default, and validates parameters', async () => {
    t = createTestContext(fbaInventoryRoutes, { world });
    const sku =
      world.catalog.find((c) => c.marketplaceId === US && c.fnsku && /[ ,/]/.test(c.sku))?.sku ??
      '';

    const result = await page({
      ...BASE,
      sellerSkus: sku.includes(',') ? '' : sku,
      sellerSku: sku,
    });

    expect(result.payload.inventorySummaries.map((s) => s.sellerSku)).toEqual([sku]);
    expect(result.payload.inventorySummaries[0]?.inventoryDetails).toBeUndefined();
    expect(await failure({ ...BASE, granularityType: 'Country' })).toMatch(/granularityType/);
    expect(await failure({ ...BASE, startDateTime: 'yesterday' })).toMatch(
      /not a valid ISO date-time/,
    );
  });
});
