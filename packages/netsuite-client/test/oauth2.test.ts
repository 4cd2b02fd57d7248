import { generateKeyPairSync, webcrypto } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { decodeProtectedHeader, importSPKI, jwtVerify } from 'jose';
import nock from 'nock';
import { AuthError, InvalidInputError } from '@sellerbridge/http-core';
import { createOAuth2ClientCredentialsAuth } from '../src/index';
import type { OAuth2Algorithm } from '../src/index';
import { BASE_URL, RECORD, createTestClient, settle, useNockAndFakeClock } from './helpers';

const TOKEN_PATH = '/services/rest/auth/oauth2/v1/token';
const TOKEN_URL = `${BASE_URL}${TOKEN_PATH}`;

function createKeys(algorithm: OAuth2Algorithm): { privateKey: string; publicKey: string } {
  const pair =
    algorithm === 'ES256'
      ? generateKeyPairSync('ec', { namedCurve: 'P-256' })
      : generateKeyPairSync('rsa', { modulusLength: 2048 });

  return {
    privateKey: pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKey: pair.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

/** A token endpoint that verifies the assertion like NetSuite does and counts the tokens it issues. */
function mockTokenEndpoint(publicKey: string, algorithm: OAuth2Algorithm, issued: string[]): void {
  nock(BASE_URL)
    .persist()
    .post(TOKEN_PATH)
    .reply(async (_uri, body) => {
      const form = new URLSearchParams(String(body));
      expect(form.get('grant_type')).toBe('client_credentials');
      expect(form.get('client_assertion_type')).toBe(
        'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      );

      const assertion = form.get('client_assertion') ?? '';
      const { payload, protectedHeader } = await jwtVerify(
        assertion,
        await importSPKI(publicKey, algorithm),
        {
          audience: TOKEN_URL,
          issuer: 'client-id-1',
          currentDate: new Date(),
        },
      );
      expect(protectedHeader).toMatchObject({ alg: algorithm, kid: 'cert-id-1', typ: 'JWT' });
      expect(payload.scope).toBe('rest_webservices');
      expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBeLessThanOrEqual(3600);

      const token = `access-${issued.length + 1}`;
      issued.push(token);
      return [200, { access_token: token, token_type: 'bearer', expires_in: 3600 }];
    });
}

/** A client whose token endpoint verifies the assertion; `issued` lists the tokens handed out. */
function createOAuth2Client(algorithm: OAuth2Algorithm) {
  const keys = createKeys(algorithm);
  const issued: string[] = [];
  mockTokenEndpoint(keys.publicKey, algorithm, issued);
  const auth = {
    type: 'oauth2' as const,
    clientId: 'client-id-1',
    certificateId: 'cert-id-1',
    privateKey: keys.privateKey,
    algorithm,
  };

  return { client: createTestClient({ auth }).client, issued };
}

describe(createOAuth2ClientCredentialsAuth.name, () => {
  useNockAndFakeClock();

  it.each(['PS256', 'ES256'] as const)(
    'exchanges a %s assertion and sends the bearer token',
    async (algorithm) => {
      const { client, issued } = createOAuth2Client(algorithm);
      const seen: string[] = [];
      nock(BASE_URL)
        .get(`${RECORD}/customer/1`)
        .times(2)
        .reply(function reply() {
          seen.push(String(this.req.headers.authorization));
          return [200, { id: '1' }];
        });

      await settle(client.records.get('customer', '1'));
      await settle(client.records.get('customer', '1'));

      expect(issued).toEqual(['access-1']);
      expect(seen).toEqual(['Bearer access-1', 'Bearer access-1']);
    },
  );

  it('rejects a PEM key that does not fit the algorithm when the client is built', () => {
    const base = { type: 'oauth2' as const, clientId: 'client-id-1', certificateId: 'cert-id-1' };
    const ec = createKeys('ES256').privateKey;
    const rsa = createKeys('PS256').privateKey;
    const build = (privateKey: string, algorithm: OAuth2Algorithm) => () =>
      createTestClient({ auth: { ...base, privateKey, algorithm } });

    expect(build(ec, 'PS256')).toThrow(InvalidInputError);
    expect(build(ec, 'PS256')).toThrow(/EC key, which cannot sign PS256/);
    expect(build(rsa, 'ES256')).toThrow(/RSA key, which cannot sign ES256/);
    expect(build(ec, 'ES384')).toThrow(/curve prime256v1, ES384 needs secp384r1/);
    expect(build('not a key', 'PS256')).toThrow(/not a readable PEM private key/);
    expect(build(ec, 'ES256')).not.toThrow();
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('rejects a KeyObject of the wrong type when the client is built', () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const auth = { type: 'oauth2' as const, clientId: 'c', certificateId: 'k', privateKey };

    expect(() => createTestClient({ auth: { ...auth, algorithm: 'PS256' } })).toThrow(
      /EC key, which cannot sign PS256/,
    );
  });

  it('reports a WebCrypto key that cannot sign as a non-retryable AuthError, without sending', async () => {
    const keys = await webcrypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, [
      'sign',
    ]);
    const auth = {
      type: 'oauth2' as const,
      clientId: 'client-id-1',
      certificateId: 'cert-id-1',
      privateKey: keys.privateKey,
      algorithm: 'PS256' as const,
    };
    const { client } = createTestClient({ auth });

    const error = await settle(client.records.get('customer', '1')).catch(
      (caught: unknown) => caught,
    );

    expect(error).toBeInstanceOf(AuthError);
    expect(error).toMatchObject({ attempts: 1, retryable: false });
    expect((error as AuthError).hint).toMatch(/PS256 needs an RSA key/);
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('refreshes the token early, before it expires', async () => {
    const { client, issued } = createOAuth2Client('PS256');
    nock(BASE_URL).get(`${RECORD}/customer/1`).times(3).reply(200, { id: '1' });

    await settle(client.records.get('customer', '1'));
    vi.advanceTimersByTime(50 * 60_000);
    await settle(client.records.get('customer', '1'));
    vi.advanceTimersByTime(6 * 60_000);
    await settle(client.records.get('customer', '1'));

    expect(issued).toEqual(['access-1', 'access-2']);
  });

  it('drops a rejected token and retries once with a new one', async () => {
    const { client, issued } = createOAuth2Client('ES256');
    nock(BASE_URL)
      .get(`${RECORD}/customer/1`)
      .reply(
        401,
        {
          status: 401,
          'o:errorDetails': [{ detail: 'Invalid login attempt.', 'o:errorCode': 'INVALID_LOGIN' }],
        },
        {
          'www-authenticate': 'Bearer realm="1234567_SB1", error="invalid_token"',
        },
      )
      .get(`${RECORD}/customer/1`)
      .matchHeader('authorization', 'Bearer access-2')
      .reply(200, { id: '1' });

    expect((await settle(client.records.get('customer', '1'))).id).toBe('1');
    expect(issued).toEqual(['access-1', 'access-2']);
  });

  it('maps a rejected assertion to AuthError without leaking the assertion', async () => {
    const keys = createKeys('PS256');
    nock(BASE_URL)
      .post(TOKEN_PATH)
      .reply(400, { error: 'invalid_client', error_description: 'bad client' });
    const auth = createOAuth2ClientCredentialsAuth({
      clientId: 'client-id-1',
      certificateId: 'cert-id-1',
      privateKey: keys.privateKey,
      tokenUrl: TOKEN_URL,
    });

    const error = await settle(auth.authorize({ method: 'GET', url: `${BASE_URL}/x` })).catch(
      (caught: unknown) => caught,
    );

    expect(error).toBeInstanceOf(AuthError);
    expect(error).toMatchObject({ status: 400, vendorCode: 'invalid_client' });
    expect(JSON.stringify(error)).not.toMatch(/eyJ/);
  });

  it('refuses an assertion lifetime above 60 minutes', () => {
    expect(() =>
      createOAuth2ClientCredentialsAuth({
        clientId: 'c',
        certificateId: 'k',
        privateKey: 'x',
        tokenUrl: TOKEN_URL,
        assertionLifetimeSec: 3601,
      }),
    ).toThrow(RangeError);
  });

  it('puts the certificate id in kid', async () => {
    const keys = createKeys('ES256');
    let header: unknown;
    nock(BASE_URL)
      .post(TOKEN_PATH)
      .reply((_uri, body) => {
        header = decodeProtectedHeader(
          new URLSearchParams(String(body)).get('client_assertion') ?? '',
        );
        return [200, { access_token: 'a', expires_in: 3600 }];
      });
    const auth = createOAuth2ClientCredentialsAuth({
      clientId: 'c',
      certificateId: 'cert-xyz',
      privateKey: keys.privateKey,
      algorithm: 'ES256',
      tokenUrl: TOKEN_URL,
    });

    expect(await settle(auth.authorize({ method: 'GET', url: `${BASE_URL}/x` }))).toBe('Bearer a');
    expect(header).toEqual({ alg: 'ES256', kid: 'cert-xyz', typ: 'JWT' });
  });
});
