import { afterEach, describe, expect, it } from 'vitest';

import { reportRoutes, SETTLEMENT_V2_COLUMNS } from '../../src/amazon/reports';
import { createWorld } from '../../src/world/create';
import { parseCents } from '../../src/world/money';
import {
  createTestContext,
  download,
  parseTsv,
  request,
  runReport,
  type TestContext,
  type WireReport,
} from './context';

let t: TestContext | undefined;
afterEach(() => t?.close());

async function listSettlements(
  tc: TestContext,
  extra: Record<string, string> = {},
): Promise<WireReport[]> {
  const query = new URLSearchParams({
    reportTypes: 'GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2',
    pageSize: '100',
    ...extra,
  });
  const res = await tc.route('getReports').handle(request({ query }));
  return (res.body as { reports: WireReport[] }).reports;
}

/** Parses a localised amount ('1.234,56' never occurs: Amazon writes no thousands separator). */
function cents(value: string): number {
  return parseCents(value.replace(',', '.'));
}

describe('settlement V2 flat file', () => {
  it('is listed as generated, DONE, ignoring the marketplace filter', async () => {
    t = createTestContext(reportRoutes, {
      worldOptions: { orders: 1000, marketplaces: ['US', 'DE'] },
    });

    const reports = await listSettlements(t, { marketplaceIds: 'ATVPDKIKX0DER' });

    expect(reports.length).toBe(t.ctx.world.settlements.filter((s) => !s.open).length);
    expect(reports.every((r) => r.processingStatus === 'DONE')).toBe(true);
    expect(new Set(reports.map((r) => r.marketplaceIds[0]))).toEqual(
      new Set(['ATVPDKIKX0DER', 'A1PA6795UKMFR9']),
    );
  });

  it('has 24 columns, a summary row, and detail rows summing to total-amount', async () => {
    t = createTestContext(reportRoutes, { worldOptions: { orders: 2000 } });
    const reports = await listSettlements(t);

    for (const report of reports) {
      const { text } = await download(t, report.reportDocumentId ?? '');
      const { header, rows } = parseTsv(text);
      const [summary, ...details] = rows;
      const total = cents(summary?.[4] ?? '');
      const sum = details.reduce((acc, row) => acc + cents(row[14] ?? ''), 0);

      expect(header).toEqual([...SETTLEMENT_V2_COLUMNS]);
      expect(rows.every((row) => row.length === 24)).toBe(true);
      expect(summary?.slice(6).every((cell) => cell === '')).toBe(true);
      expect(summary?.[1]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC$/);
      expect(details.every((row) => row[4] === '' && row[0] === summary?.[0])).toBe(true);
      expect(sum).toBe(total);
    }
  });

  it('localises DE settlements: decimal commas and dd.MM.yyyy HH:mm:ss UTC', async () => {
    t = createTestContext(reportRoutes, {
      worldOptions: { orders: 1000, marketplaces: ['US', 'DE'] },
    });
    const de = (await listSettlements(t)).filter((r) => r.marketplaceIds[0] === 'A1PA6795UKMFR9');
    const { text } = await download(t, de[0]?.reportDocumentId ?? '');
    const [summary, ...details] = parseTsv(text).rows;

    expect(summary?.[1]).toMatch(/^\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}:\d{2} UTC$/);
    expect(summary?.[4]).toMatch(/^-?\d+,\d{2}$/);
    expect(summary?.[5]).toBe('EUR');
    expect(details.every((row) => /^-?\d+,\d{2}$/.test(row[14] ?? ''))).toBe(true);
    expect(details.reduce((acc, row) => acc + cents(row[14] ?? ''), 0)).toBe(
      cents(summary?.[4] ?? ''),
    );
  });
});

describe('flat-file report formats', () => {
  it('serves DE order reports in Cp1252 that decode to the non-ASCII SKUs', async () => {
    const world = createWorld({ orders: 3000, marketplaces: ['US', 'DE'] });
    t = createTestContext(reportRoutes, { world });
    const body = {
      reportType: 'GET_FLAT_FILE_ALL_ORDERS_DATA_BY_LAST_UPDATE_GENERAL',
      marketplaceIds: ['A1PA6795UKMFR9'],
      dataStartTime: '2026-08-01T00:00:00Z',
    };

    const created = await t.route('createReport').handle(request({ body }));
    t.advance(60_000);
    const { reportId } = created.body as { reportId: string };
    const report = (await t.route('getReport').handle(request({ params: { reportId } })))
      .body as WireReport;
    const { text, charset } = await download(t, report.reportDocumentId ?? '');
    const { header, rows } = parseTsv(text);
    const skus = new Set(rows.map((row) => row[header.indexOf('sku')]));

    expect(charset).toBe('Cp1252');
    expect(header).not.toContain('cpf');
    expect([...skus].some((sku) => /[ÜÖ]/.test(sku ?? ''))).toBe(true);
    expect(rows.every((row) => row[header.indexOf('sales-channel')] === 'Amazon.de')).toBe(true);
  });

  it('filters the ledger by one eventType and writes MM/DD/YYYY dates', async () => {
    t = createTestContext(reportRoutes, { worldOptions: { orders: 1000 } });

    const text = await runReport(t, {
      reportType: 'GET_LEDGER_DETAIL_VIEW_DATA',
      marketplaceIds: ['ATVPDKIKX0DER'],
      dataStartTime: '2026-06-01T00:00:00Z',
      reportOptions: { eventType: 'Receipts' },
    });
    const { header, rows } = parseTsv(text);

    expect(header.slice(0, 8)).toEqual([
      'Date',
      'FNSKU',
      'ASIN',
      'MSKU',
      'Title',
      'EventType',
      'ReferenceID',
      'Quantity',
    ]);
    expect(rows.length).toBeGreaterThan(0);
    expect(
      rows.every((row) => row[5] === 'Receipts' && /^FBA[A-Z0-9]{9}$/.test(row[6] ?? '')),
    ).toBe(true);
    expect(rows.every((row) => /^\d{2}\/\d{2}\/\d{4}$/.test(row[0] ?? ''))).toBe(true);
  });

  it('renders FBA customer returns and fulfilled shipments with their documented columns', async () => {
    t = createTestContext(reportRoutes, { worldOptions: { orders: 3000 } });
    const window = { marketplaceIds: ['ATVPDKIKX0DER'], dataStartTime: '2026-08-01T00:00:00Z' };

    const returns = parseTsv(
      await runReport(t, { reportType: 'GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA', ...window }),
    );
    const shipments = parseTsv(
      await runReport(t, { reportType: 'GET_AMAZON_FULFILLED_SHIPMENTS_DATA_GENERAL', ...window }),
    );

    expect(returns.header).toHaveLength(13);
    expect(returns.rows.length).toBe(t.ctx.world.returns.length);
    expect(shipments.header).toHaveLength(48);
    expect(shipments.rows.every((row) => row.length === 48 && row[46] === 'AFN')).toBe(true);
    expect(shipments.rows.every((row) => row[11] === '')).toBe(true);
  });
});
