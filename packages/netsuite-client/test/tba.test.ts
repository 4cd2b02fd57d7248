import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createTbaAuth } from '../src/index';
import { parseOAuthHeader } from './helpers';

// Oracle's published TBA example (reference §5.1, via LedgerSync `spec/token_spec.rb`).
const ORACLE_VECTOR = {
  url: 'https://1234567.restlets.api.netsuite.com/app/site/hosting/restlet.nl?script=6&deploy=1&customParam=someValue&testParam=someOtherValue',
  consumerKey: 'ef40afdd8abaac111b13825dd5e5e2ddddb44f86d5a0dd6dcf38c20aae6b67e4',
  consumerSecret: 'd26ad321a4b2f23b0741c8d38392ce01c3e23e109df6c96eac6d099e9ab9e8b5',
  tokenId: '2b0ce516420110bcbd36b69e99196d1b7f6de3c6234c5afb799b73d87569f5cc',
  tokenSecret: 'c29a677df7d5439a458c063654187e3d678d73aca8e3c9d8bea1478a3eb0d295',
  nonce: 'fjaLirsIcCGVZWzBX0pg',
  timestamp: 1508242306,
  signature: 'i7MEtGwhCTIZbTsTrNGw9LdcERn4wsjt5C7TxmKWIfU=',
};

const CREDENTIALS = {
  consumerKey: ORACLE_VECTOR.consumerKey,
  consumerSecret: ORACLE_VECTOR.consumerSecret,
  tokenId: ORACLE_VECTOR.tokenId,
  tokenSecret: ORACLE_VECTOR.tokenSecret,
};

function oracleAuth(nonce = () => ORACLE_VECTOR.nonce) {
  return createTbaAuth({
    consumerKey: ORACLE_VECTOR.consumerKey,
    consumerSecret: ORACLE_VECTOR.consumerSecret,
    tokenId: ORACLE_VECTOR.tokenId,
    tokenSecret: ORACLE_VECTOR.tokenSecret,
    realm: '1234567',
    nonce,
    timestampSec: () => ORACLE_VECTOR.timestamp,
  });
}

describe(createTbaAuth.name, () => {
  it("reproduces Oracle's published test vector exactly", async () => {
    const header = await oracleAuth().authorize({ method: 'POST', url: ORACLE_VECTOR.url });
    const params = parseOAuthHeader(header);

    expect(params.oauth_signature).toBe(ORACLE_VECTOR.signature);
    expect(params.realm).toBe('1234567');
    expect(params.oauth_signature_method).toBe('HMAC-SHA256');
  });

  it('keeps query parameters out of the header but in the signature', async () => {
    const auth = oracleAuth();
    const header = await auth.authorize({ method: 'POST', url: ORACLE_VECTOR.url });
    const withoutQuery = await auth.authorize({
      method: 'POST',
      url: ORACLE_VECTOR.url.split('?')[0] as string,
    });

    expect(header).toMatch(/^OAuth realm="1234567", /);
    expect(Object.keys(parseOAuthHeader(header)).sort()).toEqual([
      'oauth_consumer_key',
      'oauth_nonce',
      'oauth_signature',
      'oauth_signature_method',
      'oauth_timestamp',
      'oauth_token',
      'oauth_version',
      'realm',
    ]);
    expect(parseOAuthHeader(withoutQuery).oauth_signature).not.toBe(
      parseOAuthHeader(header).oauth_signature,
    );
  });

  it('upper-cases the realm of a sandbox account', async () => {
    const auth = createTbaAuth({ ...CREDENTIALS, realm: '1234567-sb1' });

    expect(
      parseOAuthHeader(await auth.authorize({ method: 'GET', url: 'https://x.test/a' })).realm,
    ).toBe('1234567_SB1');
  });

  it('signs a space as %20 and ! as %21 (not + and !)', async () => {
    // Same URL with `+` for a space must sign differently: oauth-1.0a decodes no `+`.
    const auth = oracleAuth();
    const encoded =
      'https://x.test/services/rest/record/v1/salesOrder/1/!transform/invoice?q=email%20IS%20a';
    const plus =
      'https://x.test/services/rest/record/v1/salesOrder/1/!transform/invoice?q=email+IS+a';

    const first = parseOAuthHeader(
      await auth.authorize({ method: 'POST', url: encoded }),
    ).oauth_signature;
    const second = parseOAuthHeader(
      await auth.authorize({ method: 'POST', url: plus }),
    ).oauth_signature;

    expect(first).toBe(expectedSignature('POST', encoded));
    expect(second).not.toBe(first);
  });

  it('uses a fresh nonce and timestamp for every request and does not leak parameters between URLs', async () => {
    const auth = createTbaAuth({ ...CREDENTIALS, realm: '1234567' });
    const first = parseOAuthHeader(
      await auth.authorize({ method: 'GET', url: 'https://x.test/a?script=1' }),
    );
    const second = parseOAuthHeader(
      await auth.authorize({ method: 'GET', url: 'https://x.test/b' }),
    );

    expect(first.oauth_nonce).not.toBe(second.oauth_nonce);
    expect(first.oauth_nonce).toMatch(/^[a-f0-9]{32}$/);
    expect(second.oauth_signature).toBe(
      expectedSignature(
        'GET',
        'https://x.test/b',
        second.oauth_nonce,
        Number(second.oauth_timestamp),
      ),
    );
  });
});

/** An independent RFC 5849 signer on node:crypto, used as the oracle for the cases above. */
function expectedSignature(
  method: string,
  url: string,
  nonce = ORACLE_VECTOR.nonce,
  timestamp = ORACLE_VECTOR.timestamp,
): string {
  const enc = (value: string) =>
    encodeURIComponent(value).replace(
      /[!'()*]/g,
      (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
    );
  const [base, query = ''] = url.split('?') as [string, string?];
  const params: Array<[string, string]> = [
    ['oauth_consumer_key', ORACLE_VECTOR.consumerKey],
    ['oauth_nonce', nonce],
    ['oauth_signature_method', 'HMAC-SHA256'],
    ['oauth_timestamp', String(timestamp)],
    ['oauth_token', ORACLE_VECTOR.tokenId],
    ['oauth_version', '1.0'],
  ];
  for (const pair of query ? query.split('&') : []) {
    const [key, value = ''] = pair.split('=');
    params.push([decodeURIComponent(key as string), decodeURIComponent(value)]);
  }
  const normalized = params
    .map(([key, value]) => [enc(key), enc(value)])
    .sort((a, b) =>
      a[0] === b[0]
        ? (a[1] as string).localeCompare(b[1] as string)
        : (a[0] as string) < (b[0] as string)
          ? -1
          : 1,
    )
    .map(([key, value]) => `${key}=${value}`)
    .join('&');
  const baseString = `${method}&${enc(base)}&${enc(normalized)}`;
  const key = `${enc(ORACLE_VECTOR.consumerSecret)}&${enc(ORACLE_VECTOR.tokenSecret)}`;

  return createHmac('sha256', key).update(baseString).digest('base64');
}
