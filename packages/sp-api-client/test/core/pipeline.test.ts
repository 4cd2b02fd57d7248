import { InvalidInputError, createLimiterRegistry } from '@sellerbridge/http-core';
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ACCESS_TOKEN, SP_URL, isolateNetwork, mockLwa, testClient } from './helpers';

describe('createSpApiClient call pipeline', () => {
  beforeEach(isolateNetwork);
  afterEach(() => nock.cleanAll());

  it('sends the LWA token in x-amz-access-token, no Authorization header, and parses the body', async () => {
    mockLwa();
    const api = nock(SP_URL, { badheaders: ['authorization'] })
      .matchHeader('x-amz-access-token', ACCESS_TOKEN)
      .get('/orders/2026-01-01/orders/902-1845936-5435065')
      .query({ includedData: 'BUYER,RECIPIENT' })
      .reply(
        200,
        { order: { orderId: '902-1845936-5435065', createdTime: 't', lastUpdatedTime: 't' } },
        { 'x-amzn-RequestId': 'req-1' },
      );
    const client = testClient();

    const response = await client.call<{ order: { orderId: string } }>('getOrder', {
      path: { orderId: '902-1845936-5435065' },
      query: { includedData: ['BUYER', 'RECIPIENT'] },
    });

    expect(response.status).toBe(200);
    expect(response.body.order.orderId).toBe('902-1845936-5435065');
    expect(response.requestId).toBe('req-1');
    expect(api.isDone()).toBe(true);
  });

  it('reuses the cached token across calls', async () => {
    const lwa = mockLwa(ACCESS_TOKEN, 1);
    nock(SP_URL).get('/sellers/v1/account').times(2).reply(200, { payload: {} });
    const client = testClient();

    await client.call('getAccount');
    await client.call('getAccount');

    expect(lwa.isDone()).toBe(true);
  });
});

describe('pipeline stage order', () => {
  beforeEach(isolateNetwork);
  afterEach(() => nock.cleanAll());

  it('validates before any traffic, then takes a slot and a token for every attempt', async () => {
    const steps: string[] = [];
    const registry = createLimiterRegistry();
    const spiedRegistry = {
      ...registry,
      tokenBucket: (key: string, spec: { ratePerSecond: number; burst: number }) => {
        const limiter = registry.tokenBucket(key, spec);
        return {
          ...limiter,
          key: limiter.key,
          ratePerSecond: limiter.ratePerSecond,
          updateRate: (rate: number) => limiter.updateRate(rate),
          schedule: <T>(task: () => Promise<T>, options?: { priority?: number }) => {
            steps.push(`slot:${key.split(':').pop()}`);
            return limiter.schedule(task, options);
          },
        };
      },
    };
    const tokenProvider = {
      getAccessToken: async () => (steps.push('token'), ACCESS_TOKEN),
      invalidate: () => undefined,
    };
    nock(SP_URL)
      .get('/sellers/v1/account')
      .reply(() => (steps.push('send'), [503, {}]))
      .get('/sellers/v1/account')
      .reply(() => (steps.push('send'), [200, { payload: {} }]));
    const client = testClient({ rateLimits: { registry: spiedRegistry }, tokenProvider });

    await expect(client.call('getAccount', { query: { unexpected: 1 } })).rejects.toBeInstanceOf(
      InvalidInputError,
    );
    expect(steps).toEqual([]);

    await client.call('getAccount');
    expect(steps).toEqual(['slot:getAccount', 'token', 'send', 'slot:getAccount', 'token', 'send']);
    await registry.close();
  });
});
