/**
 * Test doubles for the report/feed/notification helpers: a loopback HTTP server standing in
 * for S3 (real sockets, port 0) and a recording SpApiRequester.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { silentLogger } from '@sellerbridge/http-core';
import type { Logger } from '@sellerbridge/http-core';

import type { SpApiCallRequest, SpApiRequester, SpApiResponse } from '../../src/client/types';

/** A request the loopback server saw. */
export interface SeenRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

/** Handles one request; `count` is how often this path was hit before (0-based). */
export type RouteHandler = (request: SeenRequest, response: ServerResponse, count: number) => void;

/** A running loopback server. */
export interface LoopbackServer {
  url: string;
  requests: SeenRequest[];
  close(): Promise<void>;
}

/** Starts a server on 127.0.0.1:0 routing by path (without query). */
export async function startLoopback(routes: Record<string, RouteHandler>): Promise<LoopbackServer> {
  const requests: SeenRequest[] = [];
  const counts = new Map<string, number>();

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const path = (req.url ?? '/').split('?')[0] ?? '/';
      const seen = {
        method: req.method ?? 'GET',
        path,
        headers: req.headers,
        body: Buffer.concat(chunks),
      };
      requests.push(seen);

      const count = counts.get(path) ?? 0;
      counts.set(path, count + 1);

      const handler = routes[path];
      if (handler === undefined) return void res.writeHead(404).end();
      handler(seen, res, count);
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** Sends a full body with a content type. */
export function sendBody(res: ServerResponse, body: Buffer | string, contentType?: string): void {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  const headers: Record<string, string | number> = { 'content-length': bytes.length };
  if (contentType !== undefined) headers['content-type'] = contentType;

  res.writeHead(200, headers);
  res.end(bytes);
}

/** Announces the full length, sends only the first `sentBytes`, then drops the connection. */
export function sendTruncated(
  res: ServerResponse,
  body: Buffer,
  sentBytes: number,
  contentType?: string,
): void {
  res.writeHead(200, {
    'content-length': body.length,
    ...(contentType ? { 'content-type': contentType } : {}),
  });
  res.write(body.subarray(0, sentBytes), () => setImmediate(() => res.socket?.destroy()));
}

/** S3's answer to an expired presigned URL. */
export function sendExpired(res: ServerResponse): void {
  res.writeHead(403, { 'content-type': 'application/xml' });
  res.end(
    '<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>',
  );
}

/** One recorded SP-API call. */
export interface RecordedCall {
  operation: string;
  request: SpApiCallRequest;
}

/** Answers calls by operation id; the handler may throw to simulate a failure. */
export type OperationHandler = (request: SpApiCallRequest, count: number) => unknown;

/** A requester answering from handlers and recording every call. */
export function fakeRequester(
  handlers: Record<string, OperationHandler>,
  options: { marketplaceIds?: string[]; logger?: Logger } = {},
): SpApiRequester & { calls: RecordedCall[] } {
  const calls: RecordedCall[] = [];
  const counts = new Map<string, number>();

  return {
    calls,
    logger: options.logger ?? silentLogger,
    marketplaceIds: options.marketplaceIds ?? ['ATVPDKIKX0DER'],
    async call<TBody>(
      operation: string,
      request: SpApiCallRequest = {},
    ): Promise<SpApiResponse<TBody>> {
      calls.push({ operation, request });
      const count = counts.get(operation) ?? 0;
      counts.set(operation, count + 1);

      const handler = handlers[operation];
      if (handler === undefined) throw new Error(`unexpected operation ${operation}`);
      const body = (await handler(request, count)) as TBody;

      return { status: 200, body, headers: {}, requestId: `req-${operation}-${count}` };
    },
  };
}

/** Collects an async iterable into an array. */
export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);

  return items;
}

/** Sums decimal strings exactly (in minor units), for reconciliation checks in tests. */
export function sumDecimals(values: string[]): string {
  let cents = 0n;

  for (const value of values) {
    const negative = value.startsWith('-');
    const [whole = '0', fraction = ''] = value.replace(/^[-+]/, '').split('.');
    const minor = BigInt(whole) * 100n + BigInt((fraction + '00').slice(0, 2));
    cents += negative ? -minor : minor;
  }

  const sign = cents < 0n ? '-' : '';
  const absolute = cents < 0n ? -cents : cents;

  return `${sign}${absolute / 100n}.${(absolute % 100n).toString().padStart(2, '0')}`;
}
