/**
 * AWS Signature Version 4 verification written from the specification
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html),
 * used by the SQS endpoint. Header-signed requests only (the SDKs sign SQS calls that way).
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** Inputs of a verification. */
export interface SignedRequest {
  method: string;
  /** Raw path as received (percent-encoded). */
  path: string;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** Expected credentials and scope. */
export interface SigV4Expectation {
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
  service: string;
  nowMs: number;
}

/** Verification outcome with the SQS error code on failure. */
export type SigV4Result = { ok: true } | { ok: false; code: string; message: string };

/** Requests signed more than 15 minutes away from now are rejected (RequestTimeTooSkewed). */
const MAX_SKEW_MS = 15 * 60_000;
const AUTH_PATTERN =
  /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request,\s*SignedHeaders=([^,]+),\s*Signature=([0-9a-f]{64})$/;

function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

function hmac(key: Buffer | string, data: string): Buffer {
  return createHmac('sha256', key).update(data).digest();
}

/** RFC 3986 encoding as SigV4 requires (encodeURIComponent plus !'()*). */
export function encodeRfc3986(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function canonicalUri(path: string, encodeTwice: boolean): string {
  const segments = path.split('/').map((segment) => {
    const once = encodeRfc3986(decodeURIComponent(segment));
    return encodeTwice ? encodeRfc3986(once) : once;
  });
  return segments.join('/') || '/';
}

function canonicalQuery(query: URLSearchParams): string {
  return [...query.entries()]
    .map(([k, v]) => [encodeRfc3986(k), encodeRfc3986(v)] as const)
    .sort(([ak, av], [bk, bv]) => (ak === bk ? (av < bv ? -1 : 1) : ak < bk ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
}

function headerValue(headers: SignedRequest['headers'], name: string): string {
  const value = headers[name];
  return (Array.isArray(value) ? value.join(',') : (value ?? '')).trim().replace(/\s+/g, ' ');
}

/** The signing key for a date/region/service. */
export function signingKey(secret: string, date: string, region: string, service: string): Buffer {
  return hmac(hmac(hmac(hmac(`AWS4${secret}`, date), region), service), 'aws4_request');
}

/** Builds the string to sign for a request (exposed for tests that sign requests themselves). */
export function stringToSign(
  req: SignedRequest,
  signedHeaders: string[],
  amzDate: string,
  scope: string,
  encodeTwice: boolean,
): string {
  const payloadHash = headerValue(req.headers, 'x-amz-content-sha256') || sha256Hex(req.body);
  const canonical = [
    req.method,
    canonicalUri(req.path, encodeTwice),
    canonicalQuery(req.query),
    signedHeaders.map((h) => `${h}:${headerValue(req.headers, h)}\n`).join(''),
    signedHeaders.join(';'),
    payloadHash,
  ].join('\n');
  return ['AWS4-HMAC-SHA256', amzDate, scope, sha256Hex(canonical)].join('\n');
}

function parseAmzDate(value: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  return m ? Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!) : Number.NaN;
}

/** Verifies the `Authorization` header of a request. */
export function verifySigV4(req: SignedRequest, expected: SigV4Expectation): SigV4Result {
  const match = AUTH_PATTERN.exec(headerValue(req.headers, 'authorization'));
  if (!match)
    return {
      ok: false,
      code: 'MissingAuthenticationToken',
      message: 'Request is missing Authentication Token',
    };
  const [, accessKeyId, date, region, service, signedHeaderList, signature] =
    match as unknown as string[];

  if (accessKeyId !== expected.accessKeyId) {
    return {
      ok: false,
      code: 'InvalidClientTokenId',
      message: 'The security token included in the request is invalid.',
    };
  }
  if (region !== expected.region || service !== expected.service) {
    return {
      ok: false,
      code: 'SignatureDoesNotMatch',
      message: `Credential should be scoped to a valid region and service ${expected.service}.`,
    };
  }
  const amzDate = headerValue(req.headers, 'x-amz-date');
  const signedAtMs = parseAmzDate(amzDate);
  if (Number.isNaN(signedAtMs) || !amzDate.startsWith(date as string)) {
    return {
      ok: false,
      code: 'IncompleteSignature',
      message: 'The request must contain a valid X-Amz-Date header.',
    };
  }
  if (Math.abs(expected.nowMs - signedAtMs) > MAX_SKEW_MS) {
    return {
      ok: false,
      code: 'RequestTimeTooSkewed',
      message: 'Signature expired: the request time is too far from the server time.',
    };
  }

  const signedHeaders = (signedHeaderList as string).split(';');
  if (!signedHeaders.includes('host'))
    return { ok: false, code: 'SignatureDoesNotMatch', message: 'The host header must be signed.' };
  const key = signingKey(
    expected.secretAccessKey,
    date as string,
    region as string,
    service as string,
  );
  const scope = `${date}/${region}/${service}/aws4_request`;
  const given = Buffer.from(signature as string, 'hex');
  // Non-S3 services double-encode path segments; accept the single-encoded form some clients send.
  const matches = [true, false].some((twice) => {
    const computed = hmac(key, stringToSign(req, signedHeaders, amzDate, scope, twice));
    return timingSafeEqual(computed, given);
  });
  if (!matches) {
    return {
      ok: false,
      code: 'SignatureDoesNotMatch',
      message: 'The request signature we calculated does not match the signature you provided.',
    };
  }
  return { ok: true };
}
