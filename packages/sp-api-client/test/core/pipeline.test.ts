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
