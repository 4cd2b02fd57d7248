import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { splitSkuQueries } from '../../src/index';
import { SP_URL, isolateNetwork, mockLwa, testClient } from './helpers';

function recordQueries(path: string, pages: unknown[]): URLSearchParams[] {
  const seen: URLSearchParams[] = [];
  nock(SP_URL)
    .get(path)
    .query(true)
    .times(pages.length)
    .reply(function () {
      seen.push(new URL(this.req.path, SP_URL).searchParams);
      return [200, pages[seen.length - 1]];
    });
  return seen;
}

async function collect<T>(pages: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];

  for await (const page of pages) all.push(page);
  return all;
}

const order = (orderId: string) => ({ orderId, createdTime: 't', lastUpdatedTime: 't' });

describe('pagination iterators', () => {
  beforeEach(() => {
    isolateNetwork();
    mockLwa();
  });
  afterEach(() => nock.cleanAll());

  it('resends the same orders filters with each paginationToken, the window end frozen once', async () => {
    const seen = recordQueries('/orders/2026-01-01/orders', [
      { orders: [order('1')], pagination: { nextToken: 'tok+/=1' } },
      { orders: [order('2')], pagination: { nextToken: 'tok2' } },
      { orders: [order('3')] },
    ]);

    const pages = await collect(
      testClient().orders.searchOrdersPages({
        lastUpdatedAfter: '2025-01-01T00:00:00Z',
        lastUpdatedBefore: new Date(Date.now() + 3_600_000),
        marketplaceIds: ['ATVPDKIKX0DER'],
      }),
    );

    expect(pages.map((page) => page.orders[0]!.orderId)).toEqual(['1', '2', '3']);
    expect(seen.map((query) => query.get('paginationToken'))).toEqual([null, 'tok+/=1', 'tok2']);
    const filters = seen.map((query) => [
      query.get('lastUpdatedAfter'),
      query.get('lastUpdatedBefore'),
      query.get('marketplaceIds'),
    ]);
    expect(new Set(filters.map((filter) => JSON.stringify(filter))).size).toBe(1);
    expect(Date.parse(filters[0]![1]!)).toBeLessThanOrEqual(Date.now() - 120_000);
  });

  it('sends the reports nextToken alone', async () => {
    const seen = recordQueries('/reports/2021-06-30/reports', [
      { reports: [], nextToken: 'n1' },
      { reports: [] },
    ]);

    await collect(
      testClient().paginate('getReports', {
        query: { reportTypes: ['GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2'], pageSize: 100 },
      }),
    );

    expect(seen[0]!.get('reportTypes')).toBe('GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2');
    expect([...seen[1]!.keys()]).toEqual(['nextToken']);
  });

  it('keeps MarketplaceId and adds QueryType=NEXT_TOKEN for Inbound v0', async () => {
    const seen = recordQueries('/fba/inbound/v0/shipments', [
      { payload: { ShipmentData: [], NextToken: 'n' } },
      { payload: { ShipmentData: [] } },
    ]);

    await collect(
      testClient().inbound.v0.shipmentsPages({
        QueryType: 'DATE_RANGE',
        MarketplaceId: 'ATVPDKIKX0DER',
        LastUpdatedAfter: '2025-01-01T00:00:00Z',
      }),
    );

    expect(Object.fromEntries(seen[1]!)).toEqual({
      MarketplaceId: 'ATVPDKIKX0DER',
      QueryType: 'NEXT_TOKEN',
      NextToken: 'n',
    });
  });

  it('requests the next FBA inventory page before the consumer finishes the current one (30 s token)', async () => {
    const requestedAt: number[] = [];
    nock(SP_URL)
      .get('/fba/inventory/v1/summaries')
      .query(true)
      .times(2)
      .reply(() => {
        requestedAt.push(requestedAt.length);
        return [
          200,
          requestedAt.length === 1
            ? { payload: { inventorySummaries: [] }, pagination: { nextToken: 'short-lived' } }
            : { payload: { inventorySummaries: [] } },
        ];
      });
    const pages = testClient().fbaInventory.summariesPages({
      granularityType: 'Marketplace',
      granularityId: 'ATVPDKIKX0DER',
      marketplaceIds: ['ATVPDKIKX0DER'],
    });

    await pages.next();
    await new Promise((resolve) => setTimeout(resolve, 50)); // the consumer is busy with page 1

    expect(requestedAt).toHaveLength(2);
    await collect(pages);
  });

  it('follows empty Finances pages while a token remains', async () => {
    const seen = recordQueries('/finances/v0/financialEventGroups', [
      { payload: { FinancialEventGroupList: [], NextToken: 'a' } },
      { payload: { FinancialEventGroupList: [], NextToken: 'b' } },
      { payload: { FinancialEventGroupList: [{ FinancialEventGroupId: 'g' }] } },
    ]);

    const pages = await collect(
      testClient().finances.v0.financialEventGroupsPages({ MaxResultsPerPage: 100 }),
    );

    expect(pages).toHaveLength(3);
    expect(seen[2]!.get('MaxResultsPerPage')).toBe('100');
  });

  it('sends SKUs holding a comma alone in sellerSku, the rest in batches of 50', () => {
    const skus = [...Array.from({ length: 51 }, (_, index) => `SKU-${index}`), 'A,B'];

    const queries = splitSkuQueries({
      granularityType: 'Marketplace',
      granularityId: 'ATVPDKIKX0DER',
      marketplaceIds: ['ATVPDKIKX0DER'],
      sellerSkus: skus,
    });

    expect(queries.map((query) => query.sellerSkus?.length ?? query.sellerSku)).toEqual([
      50,
      1,
      'A,B',
    ]);
  });

  it('stops after maxPages', async () => {
    recordQueries('/reports/2021-06-30/reports', [{ reports: [], nextToken: 'n1' }]);

    const pages = await collect(
      testClient().paginate('getReports', { query: { reportTypes: ['X'] } }, { maxPages: 1 }),
    );

    expect(pages).toHaveLength(1);
  });
});
