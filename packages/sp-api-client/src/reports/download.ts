/**
 * Opens a presigned document URL (report or feed result) as a raw byte stream. The URL is
 * presigned by S3, so no SP-API token is sent (reference §2.7 step 4); got's own retry and
 * decompression are off — the caller decides on gzip from the bytes, and refetching a new URL
 * is the recovery for expired links and cut bodies.
 */
import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';

import { AbortedError, NotFoundError } from '@sellerbridge/http-core';
import got from 'got';

import { DocumentTransferError } from './errors';

/** Connect/response timeouts and idle-socket timeout for document downloads. */
export interface DocumentDownloadOptions {
  signal?: AbortSignal;
  /** Operation name used in errors, e.g. `downloadReportDocument`. */
  operation: string;
  /**
   * Idle time after which a stalled download fails (and is refetched).
   * @default 60_000
   */
  idleTimeoutMs?: number;
}

/** An open download: the raw bytes and the server's Content-Type. */
export interface DocumentResponse {
  stream: Readable;
  contentType?: string;
}

// Largest S3 error body read to explain a refused download; S3 error XML is < 1 KB.
const MAX_ERROR_BODY_BYTES = 16 * 1024;

/**
 * GETs a presigned URL and resolves once the status is known.
 * @throws DocumentTransferError (refetchable for 400/403 expired URLs, 5xx and network failures)
 * @throws NotFoundError for 404, AbortedError when the signal fires
 */
export async function openDocumentStream(
  url: string,
  options: DocumentDownloadOptions,
): Promise<DocumentResponse> {
  const request = got.stream(url, {
    decompress: false,
    retry: { limit: 0 },
    throwHttpErrors: false,
    signal: options.signal,
    timeout: { connect: 10_000, response: 60_000, socket: options.idleTimeoutMs ?? 60_000 },
  });

  const response = await waitForResponse(request, url, options);
  const status = response.statusCode ?? 0;

  if (status >= 200 && status < 300) {
    return { stream: request, contentType: header(response, 'content-type') };
  }

  const body = await readSmallBody(request);
  throw toStatusError(status, body, url, options.operation);
}

function waitForResponse(
  request: Readable,
  url: string,
  options: DocumentDownloadOptions,
): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    request.once('response', resolve);
    request.once('error', (error: unknown) => reject(toTransportError(error, url, options)));
  });
}

function header(response: IncomingMessage, name: string): string | undefined {
  const value = response.headers[name];

  return Array.isArray(value) ? value[0] : value;
}

async function readSmallBody(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;

  try {
    for await (const chunk of stream) {
      chunks.push(chunk as Buffer);
      size += (chunk as Buffer).length;
      if (size >= MAX_ERROR_BODY_BYTES) break;
    }
  } catch {
    // The status already says what went wrong; a broken error body adds nothing.
  } finally {
    stream.destroy();
  }

  return Buffer.concat(chunks).subarray(0, MAX_ERROR_BODY_BYTES).toString('utf8');
}

/**
 * S3 answers an expired presigned URL with 403 `AccessDenied` "Request has expired", and some
 * signature problems with 400 (https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html);
 * both are cured by fetching the document again, which returns a new URL.
 */
function toStatusError(status: number, body: string, url: string, operation: string): Error {
  const vendorCode = /<Code>([^<]{1,100})<\/Code>/.exec(body)?.[1];
  const vendorMessage = /<Message>([^<]{1,300})<\/Message>/.exec(body)?.[1];
  const init = {
    vendor: 'amazon' as const,
    operation,
    status,
    method: 'GET',
    url,
    vendorCode,
    vendorMessage,
  };

  if (status === 404) return new NotFoundError(init);

  const isRefetchable = status === 400 || status === 403 || status === 408 || status >= 500;
  const hint = isRefetchable
    ? 'the presigned URL expires after 5 minutes; fetch the document again'
    : undefined;

  return new DocumentTransferError({ ...init, isRefetchable, hint });
}

/** Maps a transport failure while opening or reading a document. */
export function toTransportError(
  error: unknown,
  url: string,
  options: DocumentDownloadOptions,
): Error {
  if (error instanceof DocumentTransferError || error instanceof AbortedError) return error;

  const { code, name } = (error ?? {}) as { code?: string; name?: string };
  const base = {
    vendor: 'amazon' as const,
    operation: options.operation,
    method: 'GET',
    url,
    cause: error,
  };

  if (options.signal?.aborted === true || name === 'AbortError' || code === 'ABORT_ERR') {
    return new AbortedError({ ...base, message: `${options.operation} was cancelled` });
  }

  const isZlib = typeof code === 'string' && code.startsWith('Z_');
  const reason = isZlib
    ? 'gzip body is cut short or corrupt'
    : `download failed (${code ?? name ?? 'unknown'})`;

  return new DocumentTransferError({
    ...base,
    vendorCode: code,
    message: `amazon ${options.operation}: ${reason}`,
    isRefetchable: true,
  });
}
