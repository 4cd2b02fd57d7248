/**
 * Token-based authentication (OAuth 1.0a, HMAC-SHA256) verified with node:crypto, written from
 * RFC 5849 §3.4 and Oracle's TBA pages (shared/reference/netsuite.md §5.1, §5.3):
 * base string = METHOD & enc(scheme://host/path) & enc(sorted encoded params), where the params
 * are the oauth_* header values (without realm and signature) plus every query parameter.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { realmOf } from './account';
import { parseRawQuery, rfc3986, safeDecode } from './percent';

/** One integration record + access token pair the emulator accepts. */
export interface TbaCredentials {
  consumerKey: string;
  consumerSecret: string;
  tokenId: string;
  tokenSecret: string;
}

/** What the verifier needs from the HTTP request. */
export interface TbaRequest {
  method: string;
  /** Path exactly as sent, without the query. */
  rawPath: string;
  /** Query exactly as sent, without `?`. */
  rawQuery: string;
  authorization: string | undefined;
  host: string | undefined;
}

/** Verifier settings. */
export interface TbaSettings {
  accountId: string;
  /** When set, the Host header must equal it and the signed URL may use https with it. */
  hostname?: string;
  credentials: TbaCredentials[];
  skewSeconds: number;
  clock: () => Date;
  nonces: NonceCache;
}

/** Result with a Login-Audit-Trail style reason on failure (never the secret values). */
export type TbaResult =
  { ok: true; consumerKey: string; tokenId: string } | { ok: false; reason: string };

/** Remembers nonces for the skew window so a replayed request is refused. */
export class NonceCache {
  private readonly seen = new Map<string, number>();

  /** Records the nonce; false when it was already used inside the window. */
  remember(key: string, nowMs: number, ttlMs: number): boolean {
    this.prune(nowMs);
    if (this.seen.has(key)) return false;

    this.seen.set(key, nowMs + ttlMs);
    return true;
  }

  private prune(nowMs: number): void {
    if (this.seen.size < 10_000) return;

    for (const [key, expiresMs] of this.seen) if (expiresMs < nowMs) this.seen.delete(key);
  }
}

/** Parses `OAuth k="v", …` into decoded pairs; undefined when it is not an OAuth header. */
export function parseOAuthHeader(header: string | undefined): Map<string, string> | undefined {
  if (header === undefined || !/^OAuth\s/i.test(header)) return undefined;

  const params = new Map<string, string>();
  const pattern = /([A-Za-z0-9_.~-]+)\s*=\s*"([^"]*)"/g;
  for (const match of header.slice(6).matchAll(pattern)) {
    params.set(match[1] ?? '', safeDecode(match[2] ?? ''));
  }

  return params;
}

/** The RFC 5849 signature base string. */
export function signatureBaseString(
  method: string,
  baseUrl: string,
  params: Array<[string, string]>,
): string {
  const encoded = params.map(([name, value]) => [rfc3986(name), rfc3986(value)] as const);
  encoded.sort(([an, av], [bn, bv]) => (an === bn ? compare(av, bv) : compare(an, bn)));
  const normalized = encoded.map(([name, value]) => `${name}=${value}`).join('&');

  return [method.toUpperCase(), rfc3986(baseUrl), rfc3986(normalized)].join('&');
}

function compare(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** HMAC-SHA256 signature, base64, as NetSuite computes it. */
export function hmacSha256Signature(
  baseString: string,
  consumerSecret: string,
  tokenSecret: string,
): string {
  const key = `${rfc3986(consumerSecret)}&${rfc3986(tokenSecret)}`;
  return createHmac('sha256', key).update(baseString).digest('base64');
}

/** Verifies one request; never throws for bad input. */
export function verifyTba(request: TbaRequest, settings: TbaSettings): TbaResult {
  const oauth = parseOAuthHeader(request.authorization);
  if (oauth === undefined) return { ok: false, reason: 'MissingTokenPassportRequiredFields' };

  const missing = REQUIRED.find((name) => !oauth.get(name));
  if (missing !== undefined) return { ok: false, reason: 'MissingTokenPassportRequiredFields' };
  if (oauth.get('oauth_signature_method') !== 'HMAC-SHA256') {
    return { ok: false, reason: 'InvalidSignatureMethod' };
  }
  if (oauth.get('realm') !== realmOf(settings.accountId))
    return { ok: false, reason: 'InvalidRealm' };

  const hostFailure = checkHost(request.host, settings.hostname);
  if (hostFailure !== undefined) return { ok: false, reason: hostFailure };

  const credentials = settings.credentials.find(
    (c) =>
      c.consumerKey === oauth.get('oauth_consumer_key') && c.tokenId === oauth.get('oauth_token'),
  );
  if (credentials === undefined) return { ok: false, reason: 'TokenRejected' };

  const timestampS = Number(oauth.get('oauth_timestamp'));
  const nowMs = settings.clock().getTime();
  if (!Number.isInteger(timestampS) || Math.abs(nowMs / 1000 - timestampS) > settings.skewSeconds) {
    return { ok: false, reason: 'InvalidTimestamp' };
  }

  if (!signatureMatches(request, oauth, credentials, settings)) {
    return { ok: false, reason: 'InvalidSignature' };
  }

  const nonceKey = `${credentials.consumerKey}:${credentials.tokenId}:${oauth.get('oauth_nonce')}`;
  if (!settings.nonces.remember(nonceKey, nowMs, settings.skewSeconds * 2000)) {
    return { ok: false, reason: 'NonceReused' };
  }

  return { ok: true, consumerKey: credentials.consumerKey, tokenId: credentials.tokenId };
}

const REQUIRED = [
  'oauth_consumer_key',
  'oauth_token',
  'oauth_signature_method',
  'oauth_timestamp',
  'oauth_nonce',
  'oauth_signature',
] as const;

function checkHost(host: string | undefined, hostname: string | undefined): string | undefined {
  if (hostname === undefined) return undefined;

  const bare = (host ?? '').toLowerCase().replace(/:\d+$/, '');
  return bare === hostname.toLowerCase() ? undefined : 'InvalidHost';
}

function signatureMatches(
  request: TbaRequest,
  oauth: Map<string, string>,
  credentials: TbaCredentials,
  settings: TbaSettings,
): boolean {
  const params: Array<[string, string]> = [...oauth].filter(
    ([name]) => name !== 'realm' && name !== 'oauth_signature',
  );
  params.push(...parseRawQuery(request.rawQuery));

  const sent = Buffer.from(oauth.get('oauth_signature') ?? '');
  return baseUrlCandidates(request, settings.hostname).some((baseUrl) => {
    const base = signatureBaseString(request.method, baseUrl, params);
    const expected = Buffer.from(
      hmacSha256Signature(base, credentials.consumerSecret, credentials.tokenSecret),
    );
    return expected.length === sent.length && timingSafeEqual(expected, sent);
  });
}

/**
 * The URLs a client may have signed: what it reached (http + Host) and, with a configured
 * hostname, the https URL of the real account domain the client believes it talks to. `%21`
 * in the path is read as `!` (both route to transforms, reference §9).
 */
function baseUrlCandidates(request: TbaRequest, hostname: string | undefined): string[] {
  const host = (request.host ?? '').toLowerCase().replace(/:80$/, '');
  const paths = new Set([request.rawPath, request.rawPath.replaceAll(/%21/gi, '!')]);
  const urls: string[] = [];

  for (const path of paths) {
    urls.push(`http://${host}${path}`);
    if (hostname !== undefined) urls.push(`https://${hostname.toLowerCase()}${path}`);
  }

  return urls;
}
