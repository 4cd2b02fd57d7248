import { gunzipSync } from 'node:zlib';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { RunningAmazonEmulator } from '../../src/amazon/server/emulator';
import { parseCents } from '../../src/world/money';
import { call, sellerToken, startTestEmulator, type FakeClock } from '../amazon-api/helpers';
import { parseTsv } from './context';

let amazon: RunningAmazonEmulator;
let clock: FakeClock;
let token: string;

beforeAll(async () => {
  ({ amazon, clock } = await startTestEmulator({ worldOptions: { orders: 600 }, timeScale: 10 }));
  token = await sellerToken(amazon);
});

afterAll(async () => {
  await amazon.close();
});

async function download(
  url: string,
  compressed: boolean,
): Promise<{ text: string; contentType: string }> {
  const res = await fetch(url);
  const bytes = Buffer.from(await res.arrayBuffer());
  expect(res.status).toBe(200);
  return {
    text: (compressed ? gunzipSync(bytes) : bytes).toString('utf8'),
    contentType: res.headers.get('content-type') ?? '',
  };
}

describe('reports over HTTP', () => {
  it('creates, polls and downloads an all-orders report through a presigned gzip URL', async () => {
    const created = await call(amazon, token, 'POST', '/reports/2021-06-30/reports', {
      reportType: 'GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL',
      marketplaceIds: ['ATVPDKIKX0DER'],
    });
    expect(created.status).toBe(202);

    clock.advance(4_000);
    const report = await call(
      amazon,
      token,
      'GET',
      `/reports/2021-06-30/reports/${created.body.reportId}`,
    );
    expect(report.body.processingStatus).toBe('DONE');

    const doc = await call(
      amazon,
      token,
      'GET',
      `/reports/2021-06-30/documents/${report.body.reportDocumentId}`,
    );
    const { text, contentType } = await download(
      doc.body.url,
      doc.body.compressionAlgorithm === 'GZIP',
    );

    expect(contentType).toBe('text/plain; charset=UTF-8');
    expect(parseTsv(text).header[0]).toBe('amazon-order-id');
    expect(parseTsv(text).rows.length).toBeGreaterThan(10);
  });

  it('lists generated settlements whose downloaded rows sum to total-amount', async () => {
    const list = await call(
      amazon,
      token,
      'GET',
      '/reports/2021-06-30/reports?reportTypes=GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2&pageSize=100',
    );
    expect(list.status).toBe(200);
    const settlement = list.body.reports[0];

    const doc = await call(
      amazon,
      token,
      'GET',
      `/reports/2021-06-30/documents/${settlement.reportDocumentId}`,
    );
    const { rows } = parseTsv((await download(doc.body.url, false)).text);
    const [summary, ...details] = rows;

    expect(details.reduce((sum, row) => sum + parseCents(row[14] ?? ''), 0)).toBe(
      parseCents(summary?.[4] ?? ''),
    );
  });

  it('rejects creating a settlement report with Amazon’s 400', async () => {
    const res = await call(amazon, token, 'POST', '/reports/2021-06-30/reports', {
      reportType: 'GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2',
      marketplaceIds: ['ATVPDKIKX0DER'],
    });

    expect(res.status).toBe(400);
    expect(res.body.errors[0].code).toBe('InvalidInput');
  });
});

describe('finances and FBA inventory over HTTP', () => {
  it('serves transactions and event groups that agree on the settlement total', async () => {
    const groups = await call(amazon, token, 'GET', '/finances/v0/financialEventGroups');
    const closed = groups.body.payload.FinancialEventGroupList.find(
      (g: { ProcessingStatus: string }) => g.ProcessingStatus === 'Closed',
    );
    let cents = 0;
    let next = `relatedIdentifierName=FINANCIAL_EVENT_GROUP_ID&relatedIdentifierValue=${closed.FinancialEventGroupId}`;

    for (;;) {
      clock.advance(2_000);
      const page = await call(amazon, token, 'GET', `/finances/2024-06-19/transactions?${next}`);
      expect(page.status).toBe(200);
      for (const tx of page.body.payload.transactions)
        cents += Math.round(tx.totalAmount.currencyAmount * 100);
      if (!page.body.payload.nextToken) break;
      next = `nextToken=${encodeURIComponent(page.body.payload.nextToken)}`;
    }

    expect(cents).toBe(Math.round(closed.OriginalTotal.CurrencyAmount * 100));
  });

  it('serves FBA inventory summaries', async () => {
    const res = await call(
      amazon,
      token,
      'GET',
      '/fba/inventory/v1/summaries?granularityType=Marketplace&granularityId=ATVPDKIKX0DER&marketplaceIds=ATVPDKIKX0DER&details=true',
    );

    expect(res.status).toBe(200);
    expect(res.body.payload.inventorySummaries.length).toBeGreaterThan(0);
    expect(res.body.payload.granularity).toEqual({
      granularityType: 'Marketplace',
      granularityId: 'ATVPDKIKX0DER',
    });
  });
});

describe('inbound over HTTP', () => {
  it('creates a plan whose operation succeeds and lists v0 shipments', async () => {
    const msku = amazon.world.catalog.find(
      (c) => c.marketplaceId === 'ATVPDKIKX0DER' && c.fnsku,
    )?.sku;
    const created = await call(amazon, token, 'POST', '/inbound/fba/2024-03-20/inboundPlans', {
      destinationMarketplaces: ['ATVPDKIKX0DER'],
      sourceAddress: {
        name: 'SellerBridge Warehouse',
        addressLine1: '100 Dock Rd',
        city: 'Reno',
        countryCode: 'US',
        postalCode: '89502',
        phoneNumber: '+1 775 555 0100',
      },
      items: [{ msku, quantity: 12, labelOwner: 'SELLER', prepOwner: 'NONE' }],
    });
    expect(created.status).toBe(202);

    clock.advance(2_000);
    const op = await call(
      amazon,
      token,
      'GET',
      `/inbound/fba/2024-03-20/operations/${created.body.operationId}`,
    );
    const v0 = await call(
      amazon,
      token,
      'GET',
      '/fba/inbound/v0/shipments?QueryType=DATE_RANGE&MarketplaceId=ATVPDKIKX0DER&LastUpdatedAfter=2026-01-01T00:00:00Z&LastUpdatedBefore=2026-12-31T00:00:00Z',
    );

    expect(op.body.operationStatus).toBe('SUCCESS');
    expect(v0.status).toBe(200);
    expect(v0.body.payload.ShipmentData.length).toBeGreaterThan(0);
  });
});
