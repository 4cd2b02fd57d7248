/**
 * Presigned document URLs served by the emulator itself, standing in for Amazon's S3 buckets:
 * report/feed result downloads under `/__documents/{id}` and feed uploads under
 * `/__uploads/{feedDocumentId}`. URLs carry an HMAC signature and an absolute expiry (5 minutes
 * for Amazon's URLs: https://developer-docs.amazon.com/sp-api/docs/reports-api-v2021-06-30-reference).
 * Errors use S3's XML error body.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { FaultInjector } from './faults';
import type { AmazonStore, StoredDocument } from './types';

const SIGNED_PARAMS = ['X-Amz-Date', 'X-Amz-Expires', 'X-Amz-Signature'];

/** An upload slot created by createFeedDocument: the content type the URL is signed for. */
export interface UploadSlot {
  contentType: string;
  uploaded: boolean;
}

function toAmzDate(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

function fromAmzDate(value: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  return m ? Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!) : Number.NaN;
}

function canonical(path: string, query: URLSearchParams): string {
  const kept = [...query.entries()]
    .filter(([k]) => k !== 'X-Amz-Signature')
    .sort(([a], [b]) => a.localeCompare(b));
  return `${path}?${new URLSearchParams(kept).toString()}`;
}

/** Signs and checks presigned URLs with a per-instance secret. */
export class Presigner {
  readonly #secret: Buffer;
  readonly #clock: () => Date;

  constructor(secret: Buffer, clock: () => Date) {
    this.#secret = secret;
    this.#clock = clock;
  }

  /** Absolute URL for `path` (may carry its own query) valid for `ttlMs`. */
  presign(baseUrl: string, path: string, ttlMs: number): string {
    const url = new URL(path, baseUrl);
    url.searchParams.set('X-Amz-Date', toAmzDate(this.#clock()));
    url.searchParams.set('X-Amz-Expires', String(Math.max(1, Math.round(ttlMs / 1000))));
    url.searchParams.set('X-Amz-Signature', this.#sign(url.pathname, url.searchParams));
    return url.toString();
  }

  #sign(path: string, query: URLSearchParams): string {
    return createHmac('sha256', this.#secret).update(canonical(path, query)).digest('hex');
  }

  /** 'ok', or the S3 error code for a bad or expired URL. */
  verify(path: string, query: URLSearchParams): 'ok' | 'SignatureDoesNotMatch' | 'AccessDenied' {
    if (!SIGNED_PARAMS.every((p) => query.has(p))) return 'AccessDenied';

    const expected = Buffer.from(this.#sign(path, query));
    const given = Buffer.from(query.get('X-Amz-Signature') ?? '');
    if (expected.length !== given.length || !timingSafeEqual(expected, given))
      return 'SignatureDoesNotMatch';

    const expiresAtMs =
      fromAmzDate(query.get('X-Amz-Date') ?? '') + Number(query.get('X-Amz-Expires')) * 1000;
    return this.#clock().getTime() < expiresAtMs ? 'ok' : 'AccessDenied';
  }
}

/** Writes S3's XML error body. */
export function sendS3Error(
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
): void {
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`;
  res.writeHead(status, { 'Content-Type': 'application/xml' });
  res.end(body);
}

const S3_MESSAGES: Record<string, string> = {
  AccessDenied: 'Request has expired',
  SignatureDoesNotMatch:
    'The request signature we calculated does not match the signature you provided.',
};

/** Serves `GET /__documents/{id}`. */
export function serveDocument(
  res: ServerResponse,
  deps: { store: AmazonStore; presigner: Presigner; faults: FaultInjector },
  url: URL,
): void {
  const check = deps.presigner.verify(url.pathname, url.searchParams);
  if (check !== 'ok') return sendS3Error(res, 403, check, S3_MESSAGES[check] as string);

  const id = decodeURIComponent(url.pathname.slice('/__documents/'.length));
  const doc = deps.store.get<StoredDocument>('document', id);
  if (!doc) return sendS3Error(res, 404, 'NoSuchKey', 'The specified key does not exist.');

  const body = Buffer.from(doc.body, 'base64');
  const contentType = doc.charset ? `${doc.contentType}; charset=${doc.charset}` : doc.contentType;
  const headers: Record<string, string> = {
    'Content-Type': contentType,
    'Content-Length': String(body.length),
  };
  const asksEncoding =
    url.searchParams.get('contentEncoding') === 'gzip' || deps.faults.options.gzipContentEncoding;
  if (doc.compressed && asksEncoding) headers['Content-Encoding'] = 'gzip';

  res.writeHead(200, headers);
  if (deps.faults.truncateDownload()) {
    // Send half the bytes, then cut the connection: the client sees a short body.
    res.write(body.subarray(0, Math.floor(body.length / 2)), () => res.destroy());
    return;
  }
  res.end(body);
}

function sameContentType(a: string, b: string): boolean {
  const norm = (v: string) => v.toLowerCase().replace(/\s+/g, '');
  return norm(a) === norm(b);
}

/** Serves `PUT /__uploads/{id}`: stores the bytes as document `id` when the content type matches. */
export function receiveUpload(
  res: ServerResponse,
  deps: { store: AmazonStore; presigner: Presigner },
  url: URL,
  contentType: string,
  body: Buffer,
): void {
  const check = deps.presigner.verify(url.pathname, url.searchParams);
  if (check !== 'ok') return sendS3Error(res, 403, check, S3_MESSAGES[check] as string);

  const id = decodeURIComponent(url.pathname.slice('/__uploads/'.length));
  const slot = deps.store.get<UploadSlot>('uploadSlot', id);
  if (!slot) return sendS3Error(res, 404, 'NoSuchUpload', 'The specified upload does not exist.');
  if (!sameContentType(slot.contentType, contentType)) {
    return sendS3Error(
      res,
      403,
      'SignatureDoesNotMatch',
      S3_MESSAGES.SignatureDoesNotMatch as string,
    );
  }

  deps.store.put<UploadSlot>('uploadSlot', id, { ...slot, uploaded: true });
  deps.store.put<StoredDocument>('document', id, {
    contentType: slot.contentType,
    compressed: false,
    body: body.toString('base64'),
  });
  res.writeHead(200, { ETag: `"${id}"` });
  res.end();
}
