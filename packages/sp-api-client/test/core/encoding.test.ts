import { InvalidInputError } from '@sellerbridge/http-core';
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SP_URL, isolateNetwork, mockLwa, testClient } from './helpers';

const NOW_MS = Date.parse('2025-06-01T12:00:00Z');
const LISTING = { sku: 'x' };

/** Records the raw request paths (with query) nock receives. */
function recordPaths(times = 1): string[] {
  const paths: string[] = [];
  nock(SP_URL)
    .get(() => true)
    .times(times)
    .reply(function () {
      paths.push(this.req.path);
      return [200, LISTING];
    });
  return paths;
}

async function rejection(promise: Promise<unknown>): Promise<InvalidInputError> {
  const error = await promise.catch((caught: unknown) => caught);

  expect(error).toBeInstanceOf(InvalidInputError);
  return error as InvalidInputError;
}

describe('request encoding and input rules', () => {
  beforeEach(() => {
    isolateNetwork();
    mockLwa();
  });
  afterEach(() => nock.cleanAll());

  it.each([
    ['SKU WITH SPACES', 'SKU%20WITH%20SPACES'],
    ['a/b&c', 'a%2Fb%26c'],
    ['ＳＫＵ－１', '%EF%BC%B3%EF%BC%AB%EF%BC%B5%EF%BC%8D%EF%BC%91'],
    ['café+100%', 'caf%C3%A9%2B100%25'],
    ["it's(1)*", 'it%27s%281%29%2A'],
  ])('encodes the SKU %s exactly once in the path', async (sku, encoded) => {
    const paths = recordPaths();

    await testClient().listings.get(sku);

    expect(paths[0]).toBe(
      `/listings/2021-08-01/items/A2SELLER/${encoded}?marketplaceIds=ATVPDKIKX0DER`,
    );
  });

  it('encodes a NextToken with + / = once and comma-joins arrays', async () => {
    const paths = recordPaths();
    nock.cleanAll();
    mockLwa();
    nock(SP_URL)
      .get(() => true)
      .reply(function () {
        paths.push(this.req.path);
        return [200, { payload: { Orders: [] } }];
      });

    await testClient({ now: () => NOW_MS }).call('getOrders', {
      query: {
        NextToken: 'ab+c/d==',
        MarketplaceIds: ['ATVPDKIKX0DER', 'A2EUQ1WTGCTBG2'],
        CreatedAfter: new Date('2025-05-01T00:00:00.123Z'),
      },
    });

    expect(paths[0]).toBe(
      '/orders/v0/orders?CreatedAfter=2025-05-01T00%3A00%3A00Z&MarketplaceIds=ATVPDKIKX0DER,A2EUQ1WTGCTBG2&NextToken=ab%2Bc%2Fd%3D%3D',
    );
  });

  it('sends dates as UTC YYYY-MM-DDTHH:mm:ssZ and clamps a …Before to now − 2 min', async () => {
    const paths = recordPaths();
    nock.cleanAll();
    mockLwa();
    nock(SP_URL)
      .get(() => true)
      .reply(function () {
        paths.push(decodeURIComponent(this.req.path));
        return [200, { orders: [] }];
      });

    await testClient({ now: () => NOW_MS }).orders.searchOrders({
      lastUpdatedAfter: '2025-05-31T14:00:00+02:00',
      lastUpdatedBefore: new Date(NOW_MS),
      marketplaceIds: ['ATVPDKIKX0DER'],
    });

    expect(paths[0]).toContain('lastUpdatedAfter=2025-05-31T12:00:00Z');
    expect(paths[0]).toContain('lastUpdatedBefore=2025-06-01T11:58:00Z');
  });

  it('rejects mixed created and last-updated filters before sending', async () => {
    const api = nock(SP_URL)
      .get(() => true)
      .reply(200, {});

    const error = await rejection(
      testClient({ now: () => NOW_MS }).orders.searchOrders({
        createdAfter: '2025-05-01T00:00:00Z',
        lastUpdatedBefore: '2025-05-02T00:00:00Z',
      }),
    );

    expect(error.message).toMatch(/mixes created and last-updated/);
    expect(api.isDone()).toBe(false);
  });

  it('rejects a search without createdAfter or lastUpdatedAfter', async () => {
    await rejection(testClient().orders.searchOrders({ marketplaceIds: ['ATVPDKIKX0DER'] }));
  });

  it.each([
    ['TEST_CASE_400', 'query.createdAfter'],
    ['02/21/2022', 'query.createdAfter'],
  ])('rejects the date %s naming the parameter', async (value, errorPath) => {
    const error = await rejection(testClient().orders.searchOrders({ createdAfter: value }));

    expect(error.errorPath).toBe(errorPath);
    expect(error.message).toMatch(/ISO-8601/);
  });

  it('rejects a locale shipDate in a confirmShipment body', async () => {
    const error = await rejection(
      testClient().orders.confirmShipment('902-1106328-1059050', {
        marketplaceId: 'ATVPDKIKX0DER',
        packageDetail: {
          packageReferenceId: '1',
          carrierCode: 'FedEx',
          trackingNumber: '1',
          shipDate: '02/21/2022',
          orderItems: [{ orderItemId: '1', quantity: 1 }],
        },
      }),
    );

    expect(error.errorPath).toBe('body.packageDetail.shipDate');
  });

  it('never sends a comma-holding value inside a comma-joined list', async () => {
    const error = await rejection(
      testClient().call('searchListingsItems', {
        path: { sellerId: 'A2SELLER' },
        query: {
          marketplaceIds: ['ATVPDKIKX0DER'],
          identifiers: ['A,B', 'C'],
          identifiersType: 'SKU',
        },
      }),
    );

    expect(error.errorPath).toBe('query.identifiers.0');
  });

  it('rejects unknown parameters, missing required ones, empty path values and bad enums', async () => {
    const client = testClient();

    expect(
      (
        await rejection(
          client.call('getOrder', { path: { orderId: '1' }, query: { includeData: ['BUYER'] } }),
        )
      ).errorPath,
    ).toBe('query');
    expect(
      (
        await rejection(
          client.call('getCatalogItem', {
            path: { asin: '' },
            query: { marketplaceIds: ['ATVPDKIKX0DER'] },
          }),
        )
      ).errorPath,
    ).toBe('path.asin');
    expect(
      (await rejection(client.call('getListingsItem', { path: { sku: 'BadSKU' } }))).errorPath,
    ).toBe('path.sellerId');
    expect(
      (await rejection(client.call('getReports', { query: { processingStatuses: ['BAD_VALUE'] } })))
        .errorPath,
    ).toBe('query.processingStatuses.0');
    expect((await rejection(client.call('noSuchOperation'))).message).toMatch(
      /Unknown SP-API operation/,
    );
  });
});
