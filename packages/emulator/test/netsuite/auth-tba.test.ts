import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NonceCache, verifyTba } from '../../src/netsuite/auth/tba';
import { enc, oauthHeader, rawRequest, startHarness, type Harness } from './helpers';

// Oracle's published TBA example (shared/reference/netsuite.md §5.1, via LS-ns:spec/token_spec.rb).
const ORACLE = {
  consumerKey: 'ef40afdd8abaac111b13825dd5e5e2ddddb44f86d5a0dd6dcf38c20aae6b67e4',
  consumerSecret: 'd26ad321a4b2f23b0741c8d38392ce01c3e23e109df6c96eac6d099e9ab9e8b5',
  tokenId: '2b0ce516420110bcbd36b69e99196d1b7f6de3c6234c5afb799b73d87569f5cc',
  tokenSecret: 'c29a677df7d5439a458c063654187e3d678d73aca8e3c9d8bea1478a3eb0d295',
  nonce: 'fjaLirsIcCGVZWzBX0pg',
  timestamp: 1508242306,
  signature: 'i7MEtGwhCTIZbTsTrNGw9LdcERn4wsjt5C7TxmKWIfU=',
  host: '1234567.restlets.api.netsuite.com',
  path: '/app/site/hosting/restlet.nl',
  query: 'script=6&deploy=1&customParam=someValue&testParam=someOtherValue',
};

function oracleHeader(signature = ORACLE.signature, realm = '1234567'): string {
  const fields: Record<string, string> = {
    realm,
    oauth_consumer_key: ORACLE.consumerKey,
    oauth_token: ORACLE.tokenId,
    oauth_signature_method: 'HMAC-SHA256',
    oauth_timestamp: String(ORACLE.timestamp),
    oauth_nonce: ORACLE.nonce,
    oauth_version: '1.0',
    oauth_signature: signature,
  };
  return `OAuth ${Object.entries(fields)
    .map(([k, v]) => `${k}="${enc(v)}"`)
    .join(',')}`;
}

function oracleSettings(clockS = ORACLE.timestamp) {
  return {
    accountId: '1234567',
    hostname: ORACLE.host,
    credentials: [ORACLE],
    skewSeconds: 300,
    clock: () => new Date(clockS * 1000),
    nonces: new NonceCache(),
  };
}

describe('TBA verification: Oracle test vector', () => {
  const request = {
    method: 'POST',
    rawPath: ORACLE.path,
    rawQuery: ORACLE.query,
    host: ORACLE.host,
  };

  it('verifies the published signature with the clock at its timestamp', () => {
    expect(
      verifyTba({ ...request, authorization: oracleHeader() }, oracleSettings()),
    ).toMatchObject({ ok: true });
  });

  it('refuses it when a signed query parameter changes', () => {
    const result = verifyTba(
      {
        ...request,
        rawQuery: ORACLE.query.replace('deploy=1', 'deploy=2'),
        authorization: oracleHeader(),
      },
      oracleSettings(),
    );
    expect(result).toEqual({ ok: false, reason: 'InvalidSignature' });
  });

  it('refuses it outside the timestamp window', () => {
    expect(
      verifyTba(
        { ...request, authorization: oracleHeader() },
        oracleSettings(ORACLE.timestamp + 301),
      ),
    ).toEqual({ ok: false, reason: 'InvalidTimestamp' });
  });

  it('refuses a lower-case or wrong realm', () => {
    const settings = { ...oracleSettings(), accountId: '1234567_SB1' };
    expect(
      verifyTba(
        { ...request, authorization: oracleHeader(ORACLE.signature, '1234567_sb1') },
        settings,
      ),
    ).toEqual({ ok: false, reason: 'InvalidRealm' });
  });

  it('verifies over a real socket with the Host of the account domain', async () => {
    const { startNetSuiteEmulator } = await import('../../src/netsuite/start');
    const ns = await startNetSuiteEmulator({
      accountId: '1234567',
      hostname: ORACLE.host,
      tba: ORACLE,
      clock: () => new Date(ORACLE.timestamp * 1000),
      worldOptions: { orders: 50 },
    });
    try {
      const url = `${ns.url}${ORACLE.path}?${ORACLE.query}`;
      const ok = await rawRequest(url, {
        method: 'POST',
        headers: { Host: ORACLE.host, Authorization: oracleHeader() },
      });
      // Authenticated: the emulator serves no RESTlets, so the answer is 404, not 401.
      expect(ok.status).toBe(404);

      const created = await rawRequest(`${ns.url}/services/rest/record/v1/department`, {
        method: 'POST',
        headers: {
          Host: ORACLE.host,
          'Content-Type': 'application/json',
          Authorization: oauthHeader(
            'POST',
            `https://${ORACLE.host}/services/rest/record/v1/department`,
            { ...ORACLE, realm: '1234567', nonce: 'anotherNonce42' },
          ),
        },
        body: JSON.stringify({ name: 'Via account host' }),
      });
      expect(created.status).toBe(204);
      // Links point at the emulator on loopback, never at the account domain.
      expect(String(created.headers.location)).toMatch(
        new RegExp(`^${ns.url}/services/rest/record/v1/department/\\d+$`),
      );

      const replay = await rawRequest(url, {
        method: 'POST',
        headers: { Host: ORACLE.host, Authorization: oracleHeader() },
      });
      expect(replay.status).toBe(401);

      const wrongHost = await rawRequest(url, {
        method: 'POST',
        headers: { Host: 'evil.example', Authorization: oracleHeader() },
      });
      expect(wrongHost.status).toBe(401);
    } finally {
      await ns.close();
    }
  });
});

describe('TBA over HTTP', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.ns.close());

  const signing = () => ({ ...h.ns.credentials.tba, realm: '1234567_SB1' });

  it('accepts a correctly signed request whose query is part of the signature', async () => {
    const url = `${h.ns.url}/services/rest/record/v1/customer?limit=5&offset=0`;
    const res = await fetch(url, {
      headers: { Authorization: oauthHeader('GET', url, signing()) },
    });
    expect(res.status).toBe(200);
  });

  it('returns NetSuite 401 INVALID_LOGIN for a bad signature', async () => {
    const url = `${h.ns.url}/services/rest/record/v1/customer`;
    const res = await fetch(url, {
      headers: { Authorization: oauthHeader('GET', url, { ...signing(), tokenSecret: 'wrong' }) },
    });
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toBe(
      'application/vnd.oracle.resource+json; type=error',
    );
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      status: 401,
      title: 'Unauthorized',
      'o:errorDetails': [{ 'o:errorCode': 'INVALID_LOGIN' }],
    });
    expect(JSON.stringify(body)).toContain('Invalid login attempt.');
  });

  it('refuses the lower-case sandbox realm', async () => {
    const url = `${h.ns.url}/services/rest/record/v1/customer`;
    const res = await fetch(url, {
      headers: { Authorization: oauthHeader('GET', url, { ...signing(), realm: '1234567_sb1' }) },
    });
    expect(res.status).toBe(401);
  });

  it('refuses query parameters left out of the signature', async () => {
    const signedUrl = `${h.ns.url}/services/rest/record/v1/customer`;
    const res = await fetch(`${signedUrl}?limit=5`, {
      headers: { Authorization: oauthHeader('GET', signedUrl, signing()) },
    });
    expect(res.status).toBe(401);
  });

  it('treats + in the query as a space, so a literal-+ signature fails (reference §5.2)', async () => {
    const url = `${h.ns.url}/services/rest/record/v1/customer?fields=companyName+email`;
    // The signer decodes the query with decodeURIComponent, so it signs a literal '+'.
    const res = await fetch(url, {
      headers: { Authorization: oauthHeader('GET', url, signing()) },
    });
    expect(res.status).toBe(401);

    const spaced = `${h.ns.url}/services/rest/record/v1/customer?fields=companyName%20email`;
    const ok = await fetch(spaced, {
      headers: { Authorization: oauthHeader('GET', spaced, signing()) },
    });
    expect(ok.status).toBe(200);
  });

  it('rejects a replayed nonce and a stale timestamp', async () => {
    const url = `${h.ns.url}/services/rest/record/v1/customer`;
    const header = oauthHeader('GET', url, { ...signing(), nonce: 'fixedNonce123' });
    expect((await fetch(url, { headers: { Authorization: header } })).status).toBe(200);
    expect((await fetch(url, { headers: { Authorization: header } })).status).toBe(401);

    const stale = oauthHeader('GET', url, {
      ...signing(),
      timestamp: Math.floor(Date.now() / 1000) - 3600,
    });
    expect((await fetch(url, { headers: { Authorization: stale } })).status).toBe(401);
  });

  it('signs transform paths with ! as %21 and accepts %21 in the URL', async () => {
    const url = `${h.ns.url}/services/rest/record/v1/salesOrder/999999/%21transform/itemFulfillment`;
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        Authorization: oauthHeader('POST', url.replace('%21', '!'), signing()),
        'Content-Type': 'application/json',
      },
      body: '{}',
    });
    expect(res.status).toBe(404);
  });

  it('answers malformed headers and URLs with 4xx, never a crash', async () => {
    const url = `${h.ns.url}/services/rest/record/v1/customer`;
    const broken = await fetch(url, {
      headers: { Authorization: 'OAuth realm="1234567_SB1", oauth_signature="%E0%A4%A"' },
    });
    expect(broken.status).toBe(401);

    const badPath = `${h.ns.url}/services/rest/record/v1/customer/eid:%E0%A4%A`;
    const res = await fetch(badPath, {
      headers: { Authorization: oauthHeader('GET', badPath, signing()) },
    });
    expect(res.status).toBe(404);
  });

  it('requires credentials at all', async () => {
    const res = await fetch(`${h.ns.url}/services/rest/record/v1/customer`);
    expect(res.status).toBe(401);
  });
});
