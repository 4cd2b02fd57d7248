import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

import { AbortedError, NotFoundError } from '@sellerbridge/http-core';
import type { Logger } from '@sellerbridge/http-core';
import iconv from 'iconv-lite';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { DocumentTransferError, createReportsApi, readSettlementRecords } from '../../src/reports';
import { sharedPath } from '../../../../test-support/shared';
import {
  collect,
  fakeRequester,
  sendBody,
  sendExpired,
  sendTruncated,
  startLoopback,
  sumDecimals,
} from './support';
import type { LoopbackServer, RouteHandler } from './support';

const settlementV2 = readFileSync(
  sharedPath('amazon/samples/settlement-v2-flatfile/xieyi138-synthetic/settlement-sample.txt'),
);
const JP = 'A1VC38T7YXB528';

let server: LoopbackServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function readWith(
  handler: RouteHandler,
  options: { marketplaceIds?: string[]; compressionAlgorithm?: string; logger?: Logger } = {},
) {
  server = await startLoopback({ '/doc': handler });
  const url = `${server.url}/doc?X-Amz-Signature=abc`;
  const requester = fakeRequester(
    {
      getReportDocument: () => ({
        reportDocumentId: 'D1',
        url,
        compressionAlgorithm: options.compressionAlgorithm,
      }),
    },
    { marketplaceIds: options.marketplaceIds, logger: options.logger },
  );
  const reports = createReportsApi(requester);
  const rows = await collect(reports.readReportDocument('D1'));

  return { rows, requester, requests: server.requests };
}

describe('readReportDocument', () => {
  it('streams the V2 settlement sample keyed by header name, summary first, lines summing to the total', async () => {
    const { rows, requests } = await readWith((_, res) =>
      sendBody(res, settlementV2, 'text/plain; charset=UTF-8'),
    );
    const records = await collect(
      readSettlementRecords(
        (async function* () {
          yield* rows;
        })(),
      ),
    );

    const [summary, ...lines] = records;
    expect(summary).toMatchObject({
      kind: 'summary',
      settlementId: '28471003921',
      totalAmount: '582.89',
      currency: 'USD',
    });
    expect(lines.every((line) => line.kind === 'line')).toBe(true);
    const amounts = lines.flatMap((line) =>
      line.kind === 'line' && line.amount ? [line.amount] : [],
    );
    expect(sumDecimals(amounts)).toBe('582.89');
    expect(requests[0]?.headers.authorization).toBeUndefined();
    expect(requests[0]?.headers['x-amz-access-token']).toBeUndefined();
  });

  it('gunzips when the bytes are gzip even without compressionAlgorithm', async () => {
    const { rows } = await readWith((_, res) =>
      sendBody(res, gzipSync(settlementV2), 'text/plain; charset=UTF-8'),
    );

    expect(rows[1]?.['order-id']).toBe('114-8829371-4410258');
  });

  it('reads plain bytes when compressionAlgorithm says GZIP but the body is not gzip', async () => {
    const { rows } = await readWith((_, res) => sendBody(res, settlementV2, 'text/plain'), {
      compressionAlgorithm: 'GZIP',
    });

    expect(rows[0]?.['total-amount']).toBe('582.89');
  });

  it('decodes a declared Java charset name (Cp1252)', async () => {
    const bytes = iconv.encode('sku\tproduct-name\nA-1\tCafé crème – 12"\n', 'windows-1252');
    const { rows } = await readWith((_, res) => sendBody(res, bytes, 'text/plain; charset=Cp1252'));

    expect(rows).toEqual([{ sku: 'A-1', 'product-name': 'Café crème – 12"' }]);
  });

  it('falls back to cp932 for a Japanese marketplace when no charset is declared and the bytes are not UTF-8', async () => {
    const bytes = iconv.encode('sku\tproduct-name\nJ-1\t日本茶セット\n', 'cp932');
    const { rows } = await readWith((_, res) => sendBody(res, bytes, 'text/plain'), {
      marketplaceIds: [JP],
    });

    expect(rows[0]?.['product-name']).toBe('日本茶セット');
  });

  it('falls back to windows-1252 outside Japan when the bytes are not UTF-8', async () => {
    const bytes = iconv.encode('sku\tproduct-name\nE-1\tJalapeño ½\n', 'windows-1252');
    const { rows } = await readWith((_, res) => sendBody(res, gzipSync(bytes)));

    expect(rows[0]?.['product-name']).toBe('Jalapeño ½');
  });

  it('takes UTF-8 on a BOM and strips it from the first header', async () => {
    const bytes = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from('sku\tname\nB-1\tÜber\n'),
    ]);
    const { rows } = await readWith((_, res) => sendBody(res, bytes), { marketplaceIds: [JP] });

    expect(rows).toEqual([{ sku: 'B-1', name: 'Über' }]);
  });

  it('takes UTF-8 when the first 64 KB are valid UTF-8 and a character is cut at the window edge', async () => {
    const filler = 'x'.repeat(64 * 1024 - 12);
    const text = `sku\tname\nF-1\t${filler}日本\n`;
    const { rows } = await readWith((_, res) => sendBody(res, Buffer.from(text)), {
      marketplaceIds: [JP],
    });

    expect(rows[0]?.name?.endsWith('日本')).toBe(true);
  });

  it('refetches the document when the body is cut short and yields each row once', async () => {
    const handler: RouteHandler = (_, res, count) =>
      count === 0
        ? sendTruncated(res, settlementV2, 1500, 'text/plain; charset=UTF-8')
        : sendBody(res, settlementV2, 'text/plain; charset=UTF-8');
    const { rows, requester } = await readWith(handler);

    const expectedRows = settlementV2.toString('utf8').trim().split('\n').length - 1;
    expect(rows).toHaveLength(expectedRows);
    expect(new Set(rows.map((row) => JSON.stringify(row))).size).toBe(rows.length);
    expect(requester.calls.map((call) => call.operation)).toEqual([
      'getReportDocument',
      'getReportDocument',
    ]);
  });

  it('refetches when a gzip body ends early', async () => {
    const gzipped = gzipSync(settlementV2);
    const handler: RouteHandler = (_, res, count) =>
      count === 0
        ? sendBody(res, gzipped.subarray(0, gzipped.length - 40))
        : sendBody(res, gzipped);
    const { rows, requester } = await readWith(handler);

    expect(rows.at(-1)?.['settlement-id']).toBe('28471003921');
    expect(requester.calls).toHaveLength(2);
  });

  it('refetches the document (a new URL) when S3 says the URL expired, logging without the URL', async () => {
    const warn = vi.fn();
    const logger = { debug: vi.fn(), info: vi.fn(), warn, error: vi.fn() };
    const handler: RouteHandler = (_, res, count) =>
      count === 0 ? sendExpired(res) : sendBody(res, settlementV2);
    const { rows, requester } = await readWith(handler, { logger });

    expect(rows[0]?.['total-amount']).toBe('582.89');
    expect(requester.calls).toHaveLength(2);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toMatchObject({
      reportDocumentId: 'D1',
      refetch: 1,
      rowsDone: 0,
    });
    expect(JSON.stringify(warn.mock.calls)).not.toContain('X-Amz-Signature');
  });

  it('gives up after maxRefetches with a DocumentTransferError carrying the S3 code', async () => {
    server = await startLoopback({ '/doc': (_, res) => sendExpired(res) });
    const url = `${server.url}/doc?X-Amz-Credential=AKIA-secret-cred&X-Amz-Signature=secret-sig`;
    const requester = fakeRequester({ getReportDocument: () => ({ reportDocumentId: 'D1', url }) });
    const reports = createReportsApi(requester);

    const error = await collect(reports.readReportDocument('D1', { maxRefetches: 2 })).catch(
      (caught: unknown) => caught,
    );

    expect(error).toBeInstanceOf(DocumentTransferError);
    expect(error).toMatchObject({ status: 403, vendorCode: 'AccessDenied', isRefetchable: true });
    expect(requester.calls).toHaveLength(3);
    expect(JSON.stringify(error)).not.toMatch(/secret-sig|AKIA-secret-cred/);
  });

  it('stops a download in progress when the signal aborts', async () => {
    server = await startLoopback({
      '/doc': (_, res) => {
        res.writeHead(200, { 'content-type': 'text/plain; charset=UTF-8' });
        res.write(settlementV2.subarray(0, 2000));
      },
    });
    const requester = fakeRequester({
      getReportDocument: () => ({ reportDocumentId: 'D1', url: `${server?.url}/doc` }),
    });
    const controller = new AbortController();
    const rows = createReportsApi(requester).readReportDocument('D1', {
      signal: controller.signal,
    });

    const first = await rows.next();
    controller.abort();
    const error = await collect(rows).catch((caught: unknown) => caught);

    expect(first.value).toMatchObject({ 'settlement-id': '28471003921' });
    expect(error).toBeInstanceOf(AbortedError);
    expect(requester.calls).toHaveLength(1);
  });

  it('fails with NotFoundError on 404 without refetching', async () => {
    server = await startLoopback({});
    const requester = fakeRequester({
      getReportDocument: () => ({ reportDocumentId: 'D1', url: `${server?.url}/gone` }),
    });

    const error = await collect(createReportsApi(requester).readReportDocument('D1')).catch(
      (caught: unknown) => caught,
    );

    expect(error).toBeInstanceOf(NotFoundError);
    expect(requester.calls).toHaveLength(1);
  });

  it('keeps quotes as text in unquoted Amazon cells', async () => {
    const { rows } = await readWith((_, res) =>
      sendBody(res, 'sku\tproduct-name\nQ-1\t"Deluxe" 12" pan\n', 'text/plain; charset=utf8'),
    );

    expect(rows[0]?.['product-name']).toBe('"Deluxe" 12" pan');
  });
});
