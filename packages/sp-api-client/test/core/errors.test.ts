import {
  AbortedError,
  AccessDeniedError,
  ConflictError,
  InvalidInputError,
  NetworkError,
  NotFoundError,
  ServerError,
  ThrottledError,
} from '@sellerbridge/http-core';
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ACCESS_TOKEN,
  SECRETS,
  SP_URL,
  isolateNetwork,
  mockLwa,
  recordingLogger,
  startServer,
  testClient,
} from './helpers';

const QUOTA = {
  errors: [
    { code: 'QuotaExceeded', message: 'You exceeded your quota for the requested resource.' },
  ],
};
const ACCOUNT = '/sellers/v1/account';

describe('retry loop and error classification', () => {
  beforeEach(() => {
    isolateNetwork();
    mockLwa();
  });
  afterEach(() => nock.cleanAll());

  it('retries a 429 and a 503, each attempt re-sent, then succeeds', async () => {
    const api = nock(SP_URL)
      .get(ACCOUNT)
      .reply(429, QUOTA)
      .get(ACCOUNT)
      .reply(503, {})
      .get(ACCOUNT)
      .reply(200, { payload: {} });

    const response = await testClient().call('getAccount');

    expect(response.status).toBe(200);
    expect(api.isDone()).toBe(true);
  });

  it('ends a persistent 429 in a ThrottledError with attempts, request id and Amazon code', async () => {
    nock(SP_URL).get(ACCOUNT).times(3).reply(429, QUOTA, { 'x-amzn-RequestId': 'rid-429' });

    const error = await testClient({
      retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 5, random: () => 0 },
    })
      .call('getAccount')
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ThrottledError);
    expect(error).toMatchObject({
      status: 429,
      vendorCode: 'QuotaExceeded',
      requestId: 'rid-429',
      attempts: 3,
      operation: 'getAccount',
    });
  });

  it.each([
    [400, 'InvalidInput', InvalidInputError],
    [403, 'Unauthorized', AccessDeniedError],
    [404, 'NotFound', NotFoundError],
    [409, 'Conflict', ConflictError],
    [500, 'InternalFailure', ServerError],
  ])('classifies %i %s', async (status, code, errorClass) => {
    nock(SP_URL)
      .get(ACCOUNT)
      .times(5)
      .reply(
        status,
        { errors: [{ code, message: 'Access to requested resource is denied.' }] },
        { 'x-amzn-RequestId': 'rid' },
      );

    const error = await testClient({
      retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 5, random: () => 0 },
    })
      .call('getAccount')
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(errorClass);
    expect(error).toMatchObject({ status, vendorCode: code, requestId: 'rid', vendor: 'amazon' });
  });

  it('retries a connection reset (real socket) and ends a persistent one in NetworkError without the token', async () => {
    let requests = 0;
    const server = await startServer((request) => {
      requests += 1;
      request.socket.destroy();
    });
    const client = testClient({
      baseUrl: server.url,
      retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 5, random: () => 0 },
    });

    const error = await client.call('getAccount').catch((caught: unknown) => caught);
    await server.close();

    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).attempts).toBe(2);
    expect(requests).toBe(2);
    const text =
      JSON.stringify(error) + String(error) + JSON.stringify((error as NetworkError).toJSON());
    for (const secret of [ACCESS_TOKEN, ...Object.values(SECRETS)])
      expect(text).not.toContain(secret);
  });

  it('ends an attempt past timeoutMs as a retryable NetworkError (ETIMEDOUT)', async () => {
    const server = await startServer(() => undefined); // never answers
    const client = testClient({ baseUrl: server.url, timeoutMs: 100, retry: { maxAttempts: 1 } });

    const error = await client.call('getAccount').catch((caught: unknown) => caught);
    await server.close().catch(() => undefined);

    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ vendorCode: 'ETIMEDOUT', retryable: true });
  });

  it('does not repeat a POST whose repeat is not harmless after a 500 (it may have been processed)', async () => {
    const api = nock(SP_URL)
      .post('/inbound/fba/2024-03-20/inboundPlans')
      .reply(500, { errors: [{ code: 'InternalFailure', message: 'x' }] });

    const error = await testClient()
      .call('createInboundPlan', { body: { destinationMarketplaces: ['ATVPDKIKX0DER'] } })
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ServerError);
    expect((error as ServerError).attempts).toBe(1);
    expect(api.isDone()).toBe(true);
  });

  it('does repeat a throttled POST', async () => {
    nock(SP_URL)
      .post('/reports/2021-06-30/reports')
      .reply(429, QUOTA)
      .post('/reports/2021-06-30/reports')
      .reply(202, { reportId: 'r1' });

    const response = await testClient().call('createReport', {
      body: { reportType: 'GET_LEDGER_DETAIL_VIEW_DATA', marketplaceIds: ['ATVPDKIKX0DER'] },
    });

    expect(response.body).toEqual({ reportId: 'r1' });
  });

  it('stops with AbortedError when the signal fires', async () => {
    const controller = new AbortController();
    nock(SP_URL).get(ACCOUNT).delay(200).reply(200, {});
    const pending = testClient().call('getAccount', { signal: controller.signal });

    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toBeInstanceOf(AbortedError);
  });

  it('rejects a 2xx body lacking a relied-on field with a non-retryable ServerError', async () => {
    nock(SP_URL)
      .get('/orders/2026-01-01/orders')
      .query(true)
      .reply(200, { orders: [{ orderId: 1 }] });

    const error = await testClient()
      .orders.searchOrders({ createdAfter: '2025-01-01T00:00:00Z' })
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ServerError);
    expect((error as ServerError).message).toMatch(/orders\.0\.orderId/);
  });

  it('keeps Finances money amounts as the decimal text Amazon sent', async () => {
    nock(SP_URL)
      .get('/finances/v0/financialEventGroups')
      .reply(
        200,
        '{"payload":{"FinancialEventGroupList":[{"OriginalTotal":{"CurrencyCode":"USD","CurrencyAmount":10.10},"ConvertedTotal":{"CurrencyAmount":0.30000000000000004}}]}}',
      );

    const body = (await testClient().finances.v0.listFinancialEventGroups()) as never as {
      payload: {
        FinancialEventGroupList: {
          OriginalTotal: { CurrencyAmount: unknown };
          ConvertedTotal: { CurrencyAmount: unknown };
        }[];
      };
    };

    expect(body.payload.FinancialEventGroupList[0]!.OriginalTotal.CurrencyAmount).toBe('10.10');
    expect(body.payload.FinancialEventGroupList[0]!.ConvertedTotal.CurrencyAmount).toBe(
      '0.30000000000000004',
    );
  });
});

describe('logging and events', () => {
  beforeEach(() => {
    isolateNetwork();
    mockLwa();
  });
  afterEach(() => nock.cleanAll());

  it('logs and emits request/response events with operation, status, duration, request id, attempt — and no secret or PII', async () => {
    const logger = recordingLogger();
    const events: object[] = [];
    nock(SP_URL)
      .get('/orders/2026-01-01/orders/902-1')
      .query(true)
      .reply(429, QUOTA)
      .get('/orders/2026-01-01/orders/902-1')
      .query(true)
      .reply(
        200,
        {
          order: {
            orderId: '902-1',
            createdTime: 't',
            lastUpdatedTime: 't',
            buyer: { buyerName: 'Jane Buyer', buyerEmail: 'jane@example.com' },
          },
        },
        { 'x-amzn-RequestId': 'rid-ok' },
      );

    await testClient({ logger, onEvent: (event) => events.push(event) }).orders.getOrder('902-1', {
      includedData: ['BUYER'],
    });

    expect(events).toEqual([
      {
        type: 'request',
        operation: 'getOrder',
        method: 'GET',
        path: '/orders/2026-01-01/orders/{orderId}',
        attempt: 1,
      },
      expect.objectContaining({
        type: 'response',
        operation: 'getOrder',
        status: 429,
        attempt: 1,
        durationMs: expect.any(Number),
      }),
      {
        type: 'request',
        operation: 'getOrder',
        method: 'GET',
        path: '/orders/2026-01-01/orders/{orderId}',
        attempt: 2,
      },
      expect.objectContaining({ type: 'response', status: 200, attempt: 2, requestId: 'rid-ok' }),
    ]);
    expect(logger.lines.map((line) => line.level)).toEqual([
      'debug',
      'info',
      'warn',
      'debug',
      'info',
    ]);
    const text = JSON.stringify([logger.lines, events]);
    for (const secret of [
      ACCESS_TOKEN,
      ...Object.values(SECRETS),
      'Jane Buyer',
      'jane@example.com',
    ])
      expect(text).not.toContain(secret);
  });
});
