import { AuthError, isVendorError } from '@sellerbridge/http-core';
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exchangeAuthorizationCode } from '../../src/index';
import {
  ACCESS_TOKEN,
  LWA_URL,
  SECRETS,
  SP_URL,
  isolateNetwork,
  mockLwa,
  testClient,
} from './helpers';

const EXPIRED = {
  errors: [
    {
      code: 'Unauthorized',
      message: 'Access to requested resource is denied.',
      details: 'The access token you provided has expired.',
    },
  ],
};

function expectNoSecrets(value: unknown): void {
  const text = JSON.stringify(value) + String(value);

  for (const secret of [...Object.values(SECRETS), ACCESS_TOKEN])
    expect(text).not.toContain(secret);
}

describe('LWA authentication', () => {
  beforeEach(isolateNetwork);
  afterEach(() => nock.cleanAll());

  it('sends the refresh-token grant as a form with the client credentials', async () => {
    let form: Record<string, string> = {};
    nock('http://lwa.test')
      .post('/auth/o2/token', (body: Record<string, string>) => ((form = body), true))
      .matchHeader('content-type', /application\/x-www-form-urlencoded/)
      .reply(200, { access_token: ACCESS_TOKEN, expires_in: 3600 });
    nock(SP_URL).get('/sellers/v1/account').reply(200, { payload: {} });

    await testClient().call('getAccount');

    expect(form).toEqual({
      grant_type: 'refresh_token',
      refresh_token: SECRETS.refreshToken,
      client_id: SECRETS.clientId,
      client_secret: SECRETS.clientSecret,
    });
  });

  it('refreshes 60 s before expiry and shares one in-flight refresh between concurrent calls', async () => {
    let nowMs = 1_000_000;
    const lwa = mockLwa('Atza|first', 1, 3600);
    nock(SP_URL).get('/sellers/v1/account').times(4).reply(200, { payload: {} });
    const client = testClient({ now: () => nowMs });

    await Promise.all([
      client.call('getAccount'),
      client.call('getAccount'),
      client.call('getAccount'),
    ]);
    expect(lwa.isDone()).toBe(true);

    nowMs += 3540_000 - 1; // 60 s + 1 ms before expiry: still cached
    await client.call('getAccount');
    const second = mockLwa('Atza|second', 1);
    nowMs += 1; // exactly 60 s before expiry: refreshed
    const refreshed = nock(SP_URL)
      .matchHeader('x-amz-access-token', 'Atza|second')
      .get('/sellers/v1/account')
      .reply(200, { payload: {} });
    await client.call('getAccount');

    expect(second.isDone()).toBe(true);
    expect(refreshed.isDone()).toBe(true);
  });

  it.each([
    ['invalid_grant', /re-authorize/],
    ['invalid_client', /180 days/],
  ])('maps LWA %s to a non-retryable AuthError with a hint and no secret', async (code, hint) => {
    const lwa = nock('http://lwa.test')
      .post('/auth/o2/token')
      .reply(400, { error: code, error_description: 'rejected' });
    const api = nock(SP_URL).get('/sellers/v1/account').reply(200, {});

    const error = await testClient()
      .call('getAccount')
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(AuthError);
    expect(error).toMatchObject({ vendorCode: code, retryable: false, attempts: 1 });
    expect((error as AuthError).hint).toMatch(hint);
    expectNoSecrets(error);
    expectNoSecrets((error as AuthError).toJSON());
    expect(lwa.isDone()).toBe(true);
    expect(api.isDone()).toBe(false);
  });

  it('reads credentials from an async provider at each refresh (rotated secret)', async () => {
    const secrets = ['old-secret', 'new-secret'];
    const seen: string[] = [];
    let nowMs = 0;
    nock('http://lwa.test')
      .post(
        '/auth/o2/token',
        (body: Record<string, string>) => (seen.push(body.client_secret!), true),
      )
      .times(2)
      .reply(200, { access_token: ACCESS_TOKEN, expires_in: 3600 });
    nock(SP_URL).get('/sellers/v1/account').times(2).reply(200, { payload: {} });
    let rotation = 0;
    const client = testClient({
      now: () => nowMs,
      credentials: async () => ({ ...SECRETS, clientSecret: secrets[rotation]! }),
    });

    await client.call('getAccount');
    rotation = 1;
    nowMs += 3600_000;
    await client.call('getAccount');

    expect(seen).toEqual(['old-secret', 'new-secret']);
  });

  it('refreshes once and retries once when a 403 says the token expired', async () => {
    mockLwa('Atza|stale', 1);
    mockLwa('Atza|fresh', 1);
    nock(SP_URL)
      .matchHeader('x-amz-access-token', 'Atza|stale')
      .get('/sellers/v1/account')
      .reply(403, EXPIRED);
    nock(SP_URL)
      .matchHeader('x-amz-access-token', 'Atza|fresh')
      .get('/sellers/v1/account')
      .reply(200, { payload: { ok: 1 } });

    const response = await testClient().call('getAccount');

    expect(response.body).toEqual({ payload: { ok: 1 } });
  });

  it('gives up after one refresh when the fresh token is rejected too', async () => {
    mockLwa('Atza|a', 1);
    mockLwa('Atza|b', 1);
    const api = nock(SP_URL).get('/sellers/v1/account').times(2).reply(403, EXPIRED);

    const error = await testClient()
      .call('getAccount')
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(AuthError);
    expect((error as AuthError).attempts).toBe(2);
    expect(api.isDone()).toBe(true);
  });

  it('uses the client-credentials grant with the notifications scope for grantless operations', async () => {
    let form: Record<string, string> = {};
    nock('http://lwa.test')
      .post('/auth/o2/token', (body: Record<string, string>) => ((form = body), true))
      .reply(200, { access_token: 'Atza|grantless', expires_in: 3600 });
    nock(SP_URL)
      .matchHeader('x-amz-access-token', 'Atza|grantless')
      .get('/notifications/v1/destinations')
      .reply(200, { payload: [] });

    await testClient({
      credentials: { clientId: SECRETS.clientId, clientSecret: SECRETS.clientSecret },
    }).call('getDestinations');

    expect(form).toMatchObject({
      grant_type: 'client_credentials',
      scope: 'sellingpartnerapi::notifications',
    });
    expect(form.refresh_token).toBeUndefined();
  });

  it('sends a Restricted Data Token instead of the LWA token when given one', async () => {
    const lwa = mockLwa();
    nock(SP_URL)
      .matchHeader('x-amz-access-token', 'Atz.sprdt|rdt')
      .get('/orders/v0/orders/1/address')
      .reply(200, { payload: {} });

    await testClient().orders.v0.getOrderAddress('1', { restrictedDataToken: 'Atz.sprdt|rdt' });

    expect(lwa.isDone()).toBe(false);
  });

  it('creates and caches an RDT for a restricted resource through the Tokens API', async () => {
    mockLwa();
    const tokens = nock(SP_URL)
      .post('/tokens/2021-03-01/restrictedDataToken', {
        restrictedResources: [
          { method: 'GET', path: '/orders/v0/orders', dataElements: ['shippingAddress'] },
        ],
      })
      .reply(200, { restrictedDataToken: 'Atz.sprdt|x', expiresIn: 3600 });
    const client = testClient();
    const resource = {
      method: 'GET' as const,
      path: '/orders/v0/orders',
      dataElements: ['shippingAddress' as const],
    };

    expect(await client.tokens.restrictedDataTokenFor(resource)).toBe('Atz.sprdt|x');
    expect(await client.tokens.restrictedDataTokenFor(resource)).toBe('Atz.sprdt|x');
    expect(tokens.isDone()).toBe(true);
  });

  it('exchanges an authorization code and types an expired code as AuthError', async () => {
    nock('http://lwa.test')
      .post('/auth/o2/token', {
        grant_type: 'authorization_code',
        code: 'good',
        redirect_uri: 'https://app/cb',
        client_id: SECRETS.clientId,
        client_secret: SECRETS.clientSecret,
      })
      .reply(200, { access_token: ACCESS_TOKEN, refresh_token: 'Atzr|new', expires_in: 3600 });
    nock('http://lwa.test').post('/auth/o2/token').reply(400, {
      error: 'invalid_grant',
      error_description: 'The request has an invalid grant parameter : code',
    });
    const base = {
      clientId: SECRETS.clientId,
      clientSecret: SECRETS.clientSecret,
      lwaUrl: LWA_URL,
      redirectUri: 'https://app/cb',
    };

    await expect(exchangeAuthorizationCode({ ...base, code: 'good' })).resolves.toMatchObject({
      refreshToken: 'Atzr|new',
    });
    const error = await exchangeAuthorizationCode({ ...base, code: 'expired' }).catch(
      (caught: unknown) => caught,
    );
    expect(isVendorError(error) && error.code).toBe('AUTH');
    expect((error as AuthError).hint).toMatch(/expired/);
  });
});
