import { afterEach, describe, expect, it } from 'vitest';
import type { RunningAmazonEmulator } from '../../src/amazon/server/emulator';
import {
  call,
  grantlessToken,
  postLwa,
  sellerToken,
  startTestEmulator,
  type FakeClock,
} from './helpers';

let amazon: RunningAmazonEmulator;
let clock: FakeClock;

afterEach(async () => {
  await amazon.close();
});

describe('LWA token endpoint', () => {
  it('issues a one-hour bearer token for the refresh-token grant', async () => {
    ({ amazon, clock } = await startTestEmulator());
    const { clientId, clientSecret, refreshToken } = amazon.credentials;
    const res = await postLwa(amazon, {
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
      client_id: clientId,
      client_secret: clientSecret,
    });

    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ token_type: 'bearer', expires_in: 3600 });
    expect(String(body.access_token)).toMatch(/^Atza\|/);
    expect(body.refresh_token).toBeUndefined();
  });

  it('accepts the JSON body the Java client sends', async () => {
    ({ amazon, clock } = await startTestEmulator());
    const { clientId, clientSecret, refreshToken } = amazon.credentials;
    const res = await fetch(amazon.lwaUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        grant_type: 'refresh_token',
        refresh_token: refreshToken,
        client_id: clientId,
        client_secret: clientSecret,
      }),
    });
    expect(res.status).toBe(200);
  });

  it('answers invalid_client for a wrong secret and invalid_grant for an unknown refresh token', async () => {
    ({ amazon, clock } = await startTestEmulator());
    const { clientId, refreshToken, clientSecret } = amazon.credentials;
    const wrongSecret = await postLwa(amazon, {
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
      client_id: clientId,
      client_secret: 'nope',
    });
    expect(wrongSecret.status).toBe(401);
    expect(await wrongSecret.json()).toMatchObject({ error: 'invalid_client' });

    const badGrant = await postLwa(amazon, {
      grant_type: 'refresh_token',
      refresh_token: 'Atzr|unknown',
      client_id: clientId,
      client_secret: clientSecret,
    });
    expect(badGrant.status).toBe(400);
    expect(await badGrant.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('exchanges an authorization code once and rejects its reuse', async () => {
    ({ amazon, clock } = await startTestEmulator());
    const { clientId, clientSecret } = amazon.credentials;
    const code = amazon.inspect.createAuthorizationCode();
    const form = {
      grant_type: 'authorization_code',
      code,
      redirect_uri: 'https://example.test/cb',
      client_id: clientId,
      client_secret: clientSecret,
    };

    const first = await postLwa(amazon, form);
    const body = (await first.json()) as Record<string, string>;
    expect(first.status).toBe(200);
    expect(body.refresh_token).toMatch(/^Atzr\|/);

    const again = await postLwa(amazon, form);
    expect(again.status).toBe(400);
    expect(await again.json()).toMatchObject({ error: 'invalid_grant' });

    const refreshed = await postLwa(amazon, {
      grant_type: 'refresh_token',
      refresh_token: body.refresh_token!,
      client_id: clientId,
      client_secret: clientSecret,
    });
    expect(refreshed.status).toBe(200);
  });

  it('requires a known scope for client credentials', async () => {
    ({ amazon, clock } = await startTestEmulator());
    const { clientId, clientSecret } = amazon.credentials;
    const res = await postLwa(amazon, {
      grant_type: 'client_credentials',
      scope: 'sellingpartnerapi::everything',
      client_id: clientId,
      client_secret: clientSecret,
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'invalid_scope' });
  });
});

describe('x-amz-access-token check', () => {
  const rdtPath = '/tokens/2021-03-01/restrictedDataToken';
  const rdtBody = {
    restrictedResources: [
      { method: 'GET', path: '/orders/v0/orders', dataElements: ['buyerInfo'] },
    ],
  };

  it('returns 403 Unauthorized with Amazon body for missing, invalid and expired tokens', async () => {
    ({ amazon, clock } = await startTestEmulator());
    const missing = await fetch(`${amazon.url}${rdtPath}`, {
      method: 'POST',
      body: JSON.stringify(rdtBody),
    });
    expect(missing.status).toBe(403);
    expect(missing.headers.get('x-amzn-requestid')).toMatch(/[0-9a-f-]{36}/);
    expect(await missing.json()).toEqual({
      errors: [
        { code: 'Unauthorized', message: 'Access to requested resource is denied.', details: '' },
      ],
    });

    const invalid = await call(amazon, 'Atza|forged', 'POST', rdtPath, rdtBody);
    expect(invalid.status).toBe(403);
    expect(invalid.body.errors[0].details).toBe(
      'The access token you provided is revoked, malformed or invalid.',
    );

    const token = await sellerToken(amazon);
    expect((await call(amazon, token, 'POST', rdtPath, rdtBody)).status).toBe(200);
    clock.advance(3_600_000);
    const expired = await call(amazon, token, 'POST', rdtPath, rdtBody);
    expect(expired.status).toBe(403);
    expect(expired.body.errors[0].details).toBe('The access token you provided has expired.');
  });

  it('rejects a grantless token on a seller operation', async () => {
    ({ amazon, clock } = await startTestEmulator());
    const res = await call(amazon, await grantlessToken(amazon), 'POST', rdtPath, rdtBody);
    expect(res.status).toBe(403);
    expect(res.body.errors[0].code).toBe('Unauthorized');
  });

  it('issues a restricted data token and validates its resources', async () => {
    ({ amazon, clock } = await startTestEmulator());
    const token = await sellerToken(amazon);
    const ok = await call(amazon, token, 'POST', rdtPath, rdtBody);
    expect(ok.body).toMatchObject({ expiresIn: 3600 });
    expect(ok.body.restrictedDataToken).toMatch(/^Atz\.sprdt\|/);
    expect(ok.headers.get('x-amzn-ratelimit-limit')).toBe('1');

    const bad = await call(amazon, token, 'POST', rdtPath, {
      restrictedResources: [{ method: '', path: '/orders/v0/orders/1/address' }],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]).toEqual({
      code: 'InvalidRequest',
      message: 'Request is missing or has invalid parameters',
      details: 'Resource not provided.',
    });
  });
});
