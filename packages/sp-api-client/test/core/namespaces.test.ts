import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  MARKETPLACE_IDS,
  OPERATIONS,
  countryOfMarketplace,
  regionOfMarketplace,
  resolveEndpoint,
} from '../../src/index';
import { SP_URL, isolateNetwork, mockLwa, recordingLogger, testClient } from './helpers';

type Client = ReturnType<typeof testClient>;

const PLAN_ID = 'wf1234abcd-1234-abcd-5678-1234abcd5678';
const SHIPMENT_ID = 'sh1234abcd-1234-abcd-5678-1234abcd5678';

/** Runs a namespace call against a catch-all interceptor and returns "METHOD path?query". */
async function sentBy(
  method: string,
  call: (client: Client) => Promise<unknown>,
  body: object = {},
): Promise<string> {
  let sent = '';
  nock(SP_URL)
    .intercept(() => true, method)
    .query(true)
    .reply(function () {
      sent = `${this.req.method} ${decodeURIComponent(this.req.path)}`;
      return [200, body];
    });

  await call(testClient());
  return sent;
}

describe('typed namespaces', () => {
  beforeEach(() => {
    isolateNetwork();
    mockLwa();
  });
  afterEach(() => nock.cleanAll());

  const listing = { sku: 'S', summaries: [] };
  const put = { productType: 'SHIRT', attributes: {} };
  const patch = {
    productType: 'SHIRT',
    patches: [{ op: 'replace' as const, path: '/attributes/fulfillment_availability', value: [] }],
  };

  it.each([
    [
      'listings.get',
      (c: Client) => c.listings.get('S 1'),
      'GET /listings/2021-08-01/items/A2SELLER/S 1?marketplaceIds=ATVPDKIKX0DER',
      listing,
    ],
    [
      'listings.put',
      (c: Client) => c.listings.put('S', put),
      'PUT /listings/2021-08-01/items/A2SELLER/S?marketplaceIds=ATVPDKIKX0DER',
      {},
    ],
    [
      'listings.patch',
      (c: Client) => c.listings.patch('S', patch, { marketplaceIds: ['A2EUQ1WTGCTBG2'] }),
      'PATCH /listings/2021-08-01/items/A2SELLER/S?marketplaceIds=A2EUQ1WTGCTBG2',
      {},
    ],
    [
      'listings.delete',
      (c: Client) => c.listings.delete('S'),
      'DELETE /listings/2021-08-01/items/A2SELLER/S?marketplaceIds=ATVPDKIKX0DER',
      {},
    ],
    [
      'listings.search',
      (c: Client) => c.listings.search({ pageSize: 20 }),
      'GET /listings/2021-08-01/items/A2SELLER?marketplaceIds=ATVPDKIKX0DER&pageSize=20',
      { items: [] },
    ],
    [
      'definitions.getProductType',
      (c: Client) => c.definitions.getProductType('SHIRT', { marketplaceIds: ['ATVPDKIKX0DER'] }),
      'GET /definitions/2020-09-01/productTypes/SHIRT?marketplaceIds=ATVPDKIKX0DER',
      {},
    ],
    [
      'catalog.getItem',
      (c: Client) => c.catalog.getItem('B000', { marketplaceIds: ['ATVPDKIKX0DER'] }),
      'GET /catalog/2022-04-01/items/B000?marketplaceIds=ATVPDKIKX0DER',
      {},
    ],
    [
      'inbound.getShipment',
      (c: Client) => c.inbound.getShipment(PLAN_ID, SHIPMENT_ID),
      `GET /inbound/fba/2024-03-20/inboundPlans/${PLAN_ID}/shipments/${SHIPMENT_ID}`,
      {},
    ],
    [
      'inbound.v0.getShipmentItemsByShipmentId',
      (c: Client) =>
        c.inbound.v0.getShipmentItemsByShipmentId('FBA1', { MarketplaceId: 'ATVPDKIKX0DER' }),
      'GET /fba/inbound/v0/shipments/FBA1/items?MarketplaceId=ATVPDKIKX0DER',
      {},
    ],
    [
      'finances.listTransactions',
      (c: Client) => c.finances.listTransactions({ postedAfter: '2025-01-01T00:00:00Z' }),
      'GET /finances/2024-06-19/transactions?postedAfter=2025-01-01T00:00:00Z',
      {},
    ],
    [
      'sellers.getMarketplaceParticipations',
      (c: Client) => c.sellers.getMarketplaceParticipations(),
      'GET /sellers/v1/marketplaceParticipations',
      {},
    ],
    [
      'orders.v0.getOrderItems',
      (c: Client) => c.orders.v0.getOrderItems('902-1'),
      'GET /orders/v0/orders/902-1/orderItems',
      { payload: { OrderItems: [] } },
    ],
  ])('%s sends the right request', async (_name, call, expected, body) => {
    expect(await sentBy(expected.split(' ')[0]!, call, body)).toBe(expected);
  });

  it('asks for sellingPartnerId before a Listings call without one', async () => {
    const client = testClient({ sellingPartnerId: undefined });

    await expect(client.listings.get('S')).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      errorPath: 'path.sellerId',
    });
  });

  it('warns once through the logger when a deprecated operation is used', async () => {
    const logger = recordingLogger();
    nock(SP_URL).get('/orders/v0/orders/1').times(2).reply(200, { payload: {} });
    const client = testClient({ logger });

    await client.orders.v0.getOrder('1');
    await client.orders.v0.getOrder('1');

    expect(
      logger.lines.filter((line) => line.level === 'warn' && /deprecated/.test(line.message ?? '')),
    ).toHaveLength(1);
  });
});

describe('regions and the generated operation table', () => {
  it('resolves hosts per region, sandbox and override', () => {
    expect(resolveEndpoint('eu')).toBe('https://sellingpartnerapi-eu.amazon.com');
    expect(resolveEndpoint('fe', { sandbox: true })).toBe(
      'https://sandbox.sellingpartnerapi-fe.amazon.com',
    );
    expect(resolveEndpoint('na', { baseUrl: 'http://127.0.0.1:4000/' })).toBe(
      'http://127.0.0.1:4000',
    );
  });

  it('maps marketplaces to countries and regions', () => {
    expect(regionOfMarketplace(MARKETPLACE_IDS.JP)).toBe('fe');
    expect(regionOfMarketplace(MARKETPLACE_IDS.UK)).toBe('eu');
    expect(countryOfMarketplace('ATVPDKIKX0DER')).toBe('US');
    expect(regionOfMarketplace('UNKNOWN')).toBeUndefined();
  });

  it.each([
    ['searchOrders', 0.0056, 20],
    ['getOrder', 0.5, 30],
    ['orders-v0.getOrder', 0.5, 30],
    ['getOrders', 0.0167, 20],
    ['confirmShipment', 2, 10],
    ['createReport', 0.0167, 15],
    ['getReports', 0.0222, 10],
    ['createFeed', 0.0083, 15],
    ['patchListingsItem', 5, 5],
    ['getInventorySummaries', 2, 2],
    ['createRestrictedDataToken', 1, 10],
    ['getAccount', 0.016, 15],
  ] as const)(
    'parses the usage plan of %s from the model (%d/s, burst %d)',
    (operation, rate, burst) => {
      expect(OPERATIONS[operation]).toMatchObject({ ratePerSecond: rate, burst });
    },
  );

  it('keeps deprecation, API version and collection formats', () => {
    expect(OPERATIONS.getOrders.deprecated).toBe(true);
    expect(OPERATIONS.searchOrders).toMatchObject({
      api: 'orders',
      version: '2026-01-01',
      method: 'GET',
      path: '/orders/2026-01-01/orders',
    });
    expect(
      OPERATIONS.listPrepDetails.parameters.find((parameter) => parameter.name === 'mskus')
        ?.collectionFormat,
    ).toBe('multi');
    expect(
      OPERATIONS.searchOrders.parameters.find((parameter) => parameter.name === 'marketplaceIds')
        ?.collectionFormat,
    ).toBe('csv');
  });
});
