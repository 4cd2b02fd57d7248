/**
 * Test-side clients for the NetSuite emulator: an OAuth 1.0a HMAC-SHA256 signer and a JWT
 * signer written independently of the emulator's verifier (and of netsuite-client), plus fetch
 * wrappers. Everything talks to 127.0.0.1 only.
 */
import {
  createHmac,
  createPrivateKey,
  randomBytes,
  sign as cryptoSign,
  constants,
} from 'node:crypto';
import { request as httpRequest } from 'node:http';
import {
  startNetSuiteEmulator,
  type NetSuiteEmulatorOptions,
  type RunningNetSuiteEmulator,
} from '../../src/netsuite/start';

/** Strict RFC 3986 encoding. */
export function enc(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** TBA signing inputs. */
export interface Signing {
  consumerKey: string;
  consumerSecret: string;
  tokenId: string;
  tokenSecret: string;
  realm: string;
  nonce?: string;
  timestamp?: number;
}

/** Builds `Authorization: OAuth …` for a method and full URL (query included in the signature). */
export function oauthHeader(method: string, url: string, s: Signing): string {
  const parsed = new URL(url);
  const oauth: Record<string, string> = {
    oauth_consumer_key: s.consumerKey,
    oauth_nonce: s.nonce ?? randomBytes(12).toString('hex'),
    oauth_signature_method: 'HMAC-SHA256',
    oauth_timestamp: String(s.timestamp ?? Math.floor(Date.now() / 1000)),
    oauth_token: s.tokenId,
    oauth_version: '1.0',
  };

  const query = parsed.search.slice(1);
  const queryPairs =
    query === ''
      ? []
      : query
          .split('&')
          .map((p) => p.split('=').map((x) => decodeURIComponent(x ?? '')) as [string, string]);
  const pairs = [...Object.entries(oauth), ...queryPairs]
    .map(([k, v]) => `${enc(k)}=${enc(v ?? '')}`)
    .sort();
  const base = `${method.toUpperCase()}&${enc(`${parsed.protocol}//${parsed.host}${parsed.pathname}`)}&${enc(pairs.join('&'))}`;
  const signature = createHmac('sha256', `${enc(s.consumerSecret)}&${enc(s.tokenSecret)}`)
    .update(base)
    .digest('base64');

  const fields = { realm: s.realm, ...oauth, oauth_signature: signature };
  return `OAuth ${Object.entries(fields)
    .map(([k, v]) => `${k}="${enc(v)}"`)
    .join(', ')}`;
}

/** A started emulator plus a signed fetch. */
export interface Harness {
  ns: RunningNetSuiteEmulator;
  call(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<Response>;
  json<T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<T>;
  /** Creates a record and returns its id from the Location header. */
  create(type: string, body: unknown): Promise<string>;
  suiteql(q: string, query?: string): Promise<Record<string, unknown>>;
}

const SMALL_WORLD = { orders: 50 } as const;

/** Starts an emulator (small world) with a signed fetch helper. */
export async function startHarness(options: NetSuiteEmulatorOptions = {}): Promise<Harness> {
  const ns = await startNetSuiteEmulator({ worldOptions: SMALL_WORLD, ...options });
  const signing = (): Signing => ({
    ...ns.credentials.tba,
    realm: ns.accountId.toUpperCase(),
    timestamp: Math.floor((options.clock ?? (() => new Date()))().getTime() / 1000),
  });

  const call = (
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Response> => {
    const url = `${ns.url}/services/rest${path}`;
    return fetch(url, {
      method,
      headers: {
        Authorization: oauthHeader(method, url, signing()),
        'Content-Type': 'application/json',
        ...headers,
      },
      ...(body === undefined
        ? {}
        : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
  };

  const json = async <T>(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<T> => (await (await call(method, path, body, headers)).json()) as T;

  const create = async (type: string, body: unknown): Promise<string> => {
    const res = await call('POST', `/record/v1/${type}`, body);
    if (res.status !== 204) throw new Error(`create ${type} → ${res.status} ${await res.text()}`);
    return (res.headers.get('location') ?? '').split('/').pop() ?? '';
  };

  const suiteql = (q: string, query = ''): Promise<Record<string, unknown>> =>
    json('POST', `/query/v1/suiteql${query}`, { q }, { Prefer: 'transient' });

  return { ns, call, json, create, suiteql };
}

/** Signs a compact JWT with ES256 (P1363) or PS256 (PSS, salt = 32). */
export function signJwt(header: object, payload: object, privateKeyPem: string): string {
  const alg = (header as { alg: string }).alg;
  const input = `${Buffer.from(JSON.stringify(header)).toString('base64url')}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
  const key = createPrivateKey(privateKeyPem);
  const signature =
    alg === 'ES256'
      ? cryptoSign('sha256', Buffer.from(input), { key, dsaEncoding: 'ieee-p1363' })
      : cryptoSign('sha256', Buffer.from(input), {
          key,
          padding: constants.RSA_PKCS1_PSS_PADDING,
          saltLength: 32,
        });
  return `${input}.${signature.toString('base64url')}`;
}

/** A raw node:http request (lets tests set the Host header, which fetch forbids). */
export function rawRequest(
  url: string,
  options: { method: string; headers: Record<string, string>; body?: string },
): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: options.method, headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks).toString('utf8'),
          headers: res.headers,
        }),
      );
    });
    req.on('error', reject);
    req.end(options.body);
  });
}
