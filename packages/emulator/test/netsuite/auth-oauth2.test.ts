import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNetSuiteEmulator, type RunningNetSuiteEmulator } from '../../src/netsuite/start';
import { signJwt } from './helpers';

describe('OAuth 2.0 client credentials (M2M)', () => {
  let nowMs = Date.parse('2026-11-30T12:00:00Z');
  let ns: RunningNetSuiteEmulator;

  beforeAll(async () => {
    ns = await startNetSuiteEmulator({
      worldOptions: { orders: 50 },
      clock: () => new Date(nowMs),
    });
  });
  afterAll(() => ns.close());

  function assertion(overrides: { header?: object; payload?: object; key?: string } = {}): string {
    const { clientId, certificateId, privateKeyPem, algorithm, tokenUrl } = ns.credentials.oauth2;
    const iat = Math.floor(nowMs / 1000);
    return signJwt(
      { typ: 'JWT', alg: algorithm, kid: certificateId, ...overrides.header },
      {
        iss: clientId,
        scope: ['rest_webservices'],
        aud: tokenUrl,
        iat,
        exp: iat + 3600,
        ...overrides.payload,
      },
      overrides.key ?? privateKeyPem,
    );
  }

  async function token(jwt: string, grant = 'client_credentials'): Promise<Response> {
    const form = new URLSearchParams({
      grant_type: grant,
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: jwt,
    });
    return fetch(ns.credentials.oauth2.tokenUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    });
  }

  const getCustomers = (accessToken: string): Promise<Response> =>
    fetch(`${ns.url}/services/rest/record/v1/customer`, {
      headers: { Authorization: `Bearer ${accessToken}` },
    });

  it('issues a bearer token for a valid ES256 assertion and accepts it', async () => {
    const res = await token(assertion());
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      access_token: string;
      token_type: string;
      expires_in: number;
    };
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
    expect((await getCustomers(body.access_token)).status).toBe(200);
  });

  it('accepts a PS256 key registered as another mapping', async () => {
    const client = ns.inspect.addOAuth2Client('PS256');
    const iat = Math.floor(nowMs / 1000);
    const jwt = signJwt(
      { typ: 'JWT', alg: 'PS256', kid: client.certificateId },
      {
        iss: client.clientId,
        scope: 'rest_webservices',
        aud: ns.credentials.oauth2.tokenUrl,
        iat,
        exp: iat + 600,
      },
      client.privateKeyPem,
    );
    expect((await token(jwt)).status).toBe(200);
  });

  it.each([
    ['unknown kid', { header: { kid: 'nope' } }],
    ['wrong audience', { payload: { aud: 'https://example.invalid/token' } }],
    [
      'exp more than 60 minutes after iat',
      { payload: { exp: Math.floor(Date.parse('2026-11-30T12:00:00Z') / 1000) + 3601 } },
    ],
    ['expired assertion', { payload: { iat: 1_700_000_000, exp: 1_700_000_100 } }],
    ['wrong issuer', { payload: { iss: 'someone-else' } }],
    ['missing scope', { payload: { scope: 'restlets' } }],
    ['RS256 (not accepted by NetSuite)', { header: { alg: 'RS256' } }],
  ])('refuses an assertion with %s', async (_name, overrides) => {
    const res = await token(assertion(overrides));
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: 'invalid_client' });
  });

  it('refuses a tampered signature and a wrong grant type', async () => {
    const jwt = assertion();
    const tampered = `${jwt.slice(0, -4)}AAAA`;
    expect((await token(tampered)).status).toBe(401);
    expect((await token(jwt, 'authorization_code')).status).toBe(400);
  });

  it('expires tokens after one hour with WWW-Authenticate invalid_token', async () => {
    const body = (await (await token(assertion())).json()) as { access_token: string };
    nowMs += 3600 * 1000 + 1;
    const res = await getCustomers(body.access_token);
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toContain('error="invalid_token"');
    expect(await res.json()).toMatchObject({
      'o:errorDetails': [{ 'o:errorCode': 'INVALID_LOGIN' }],
    });
  });

  it('refuses an unknown bearer token', async () => {
    expect((await getCustomers('not-a-token')).status).toBe(401);
  });
});
