/**
 * EU localisation of the non-settlement flat files: a DE report writes decimal commas and
 * `dd.MM.yyyy HH:mm:ss UTC` (ledger: `dd.MM.yyyy`), a US report keeps ISO-8601 and decimal points.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

import { reportRoutes } from '../../src/amazon/reports';
import { createWorld } from '../../src/world/create';
import { parseCents } from '../../src/world/money';
import type { World } from '../../src/world/types';
import { createTestContext, parseTsv, runReport, type TestContext } from './context';

const DE = 'A1PA6795UKMFR9';
const US = 'ATVPDKIKX0DER';

const EU_DATE_TIME = /^\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}:\d{2} UTC$/;
const EU_DATE = /^\d{2}\.\d{2}\.\d{4}$/;
const EU_MONEY = /^-?\d+,\d{2}$/;
const US_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00$/;
const US_DATE = /^\d{2}\/\d{2}\/\d{4}$/;
const US_MONEY = /^-?\d+\.\d{2}$/;

const ORDER_MONEY = ['item-price', 'item-tax', 'shipping-price', 'item-promotion-discount'];
const SHIPMENT_MONEY = [...ORDER_MONEY, 'shipping-tax', 'gift-wrap-price', 'gift-wrap-tax'];
const SHIPMENT_DATES = [
  'purchase-date',
  'payments-date',
  'shipment-date',
  'reporting-date',
  'estimated-arrival-date',
];

let world: World;
let t: TestContext | undefined;

beforeAll(() => {
  world = createWorld({ orders: 3000, marketplaces: ['US', 'DE'] });
});
afterEach(() => t?.close());

/** The expected EU rendering of an instant, computed independently of the emulator. */
function euDateTime(iso: string): string {
  const at = new Date(iso).toISOString();
  return `${at.slice(8, 10)}.${at.slice(5, 7)}.${at.slice(0, 4)} ${at.slice(11, 19)} UTC`;
}

/** Runs one report type for one marketplace and returns its cells by column name. */
async function generate(
  reportType: string,
  marketplaceId: string,
  reportOptions: Record<string, string> = {},
): Promise<Array<Record<string, string>>> {
  t = createTestContext(reportRoutes, { world });
  const text = await runReport(t, {
    reportType,
    marketplaceIds: [marketplaceId],
    dataStartTime: '2026-08-01T00:00:00Z',
    reportOptions,
  });
  const { header, rows } = parseTsv(text);
  return rows.map((row) => Object.fromEntries(header.map((name, i) => [name, row[i] ?? ''])));
}

function column(rows: Array<Record<string, string>>, name: string): string[] {
  return rows.map((row) => row[name] ?? '');
}

/** Every non-empty cell of the columns matches, and at least one cell is non-empty. */
function expectCells(rows: Array<Record<string, string>>, names: string[], pattern: RegExp): void {
  for (const name of names) {
    const cells = column(rows, name).filter((cell) => cell !== '');
    expect(cells.length, name).toBeGreaterThan(0);
    expect(
      cells.filter((cell) => !pattern.test(cell)),
      name,
    ).toEqual([]);
  }
}

describe('DE flat files are localised', () => {
  it('all orders by order date: decimal commas and dd.MM.yyyy HH:mm:ss UTC', async () => {
    const rows = await generate('GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL', DE);
    const byId = new Map(world.orders.map((order) => [order.orderId, order]));

    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(column(rows, 'currency').filter(Boolean))).toEqual(new Set(['EUR']));
    expectCells(rows, ['purchase-date', 'last-updated-date'], EU_DATE_TIME);
    expectCells(rows, ORDER_MONEY, EU_MONEY);
    for (const row of rows) {
      const order = byId.get(row['amazon-order-id'] ?? '');
      expect(row['purchase-date']).toBe(euDateTime(order?.createdTime ?? ''));
    }
  });

  it('all orders: item-price is the world amount with a decimal comma', async () => {
    const rows = await generate('GET_FLAT_FILE_ALL_ORDERS_DATA_BY_LAST_UPDATE_GENERAL', DE);
    // Keyed by order, not SKU: Cp1252 turns SKU characters outside it into '?'.
    const worldCents = new Map<string, number[]>();
    for (const order of world.orders) {
      const prices = order.orderItems.flatMap(
        (item) => item.proceeds?.breakdowns?.filter((b) => b.type === 'ITEM') ?? [],
      );
      worldCents.set(
        order.orderId,
        prices.map((b) => parseCents(b.subtotal.amount)).sort((a, b) => a - b),
      );
    }
    const reportCents = new Map<string, number[]>();
    for (const row of rows.filter((r) => r['item-price'] !== '')) {
      const id = row['amazon-order-id'] ?? '';
      const cents = parseCents((row['item-price'] ?? '').replace(',', '.'));
      reportCents.set(
        id,
        [...(reportCents.get(id) ?? []), cents].sort((a, b) => a - b),
      );
    }

    expectCells(rows, ['purchase-date', 'last-updated-date'], EU_DATE_TIME);
    expect(reportCents.size).toBeGreaterThan(0);
    for (const [orderId, cents] of reportCents) expect(cents).toEqual(worldCents.get(orderId));
  });

  it('ledger detail: dd.MM.yyyy dates', async () => {
    const rows = await generate('GET_LEDGER_DETAIL_VIEW_DATA', DE);

    expect(new Set(column(rows, 'EventType')).size).toBeGreaterThan(1);
    expectCells(rows, ['Date'], EU_DATE);
    expect(rows.every((row) => row.Country === 'DE')).toBe(true);
  });

  it('FBA customer returns: return-date as dd.MM.yyyy HH:mm:ss UTC', async () => {
    const rows = await generate('GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA', DE);
    const expected = world.returns
      .filter((r) => r.marketplaceId === DE && r.returnDate >= '2026-08-01')
      .map((r) => euDateTime(r.returnDate));

    expectCells(rows, ['return-date'], EU_DATE_TIME);
    expect(column(rows, 'return-date').sort()).toEqual(expected.sort());
  });

  it('FBA fulfilled shipments: every money and date column localised, zeros as 0,00', async () => {
    const rows = await generate('GET_AMAZON_FULFILLED_SHIPMENTS_DATA_GENERAL', DE);

    expectCells(rows, SHIPMENT_DATES, EU_DATE_TIME);
    expectCells(rows, SHIPMENT_MONEY, EU_MONEY);
    expect(new Set(column(rows, 'shipping-tax'))).toEqual(new Set(['0,00']));
  });
});

describe('US flat files keep US formats', () => {
  it('all orders: ISO-8601 with offset and decimal points', async () => {
    const rows = await generate('GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL', US);

    expectCells(rows, ['purchase-date', 'last-updated-date'], US_DATE_TIME);
    expectCells(rows, ORDER_MONEY, US_MONEY);
  });

  it('ledger detail: MM/DD/YYYY', async () => {
    expectCells(await generate('GET_LEDGER_DETAIL_VIEW_DATA', US), ['Date'], US_DATE);
  });

  it('FBA returns and shipments: ISO-8601 with offset and decimal points', async () => {
    const returns = await generate('GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA', US);
    t?.close();
    const shipments = await generate('GET_AMAZON_FULFILLED_SHIPMENTS_DATA_GENERAL', US);

    expectCells(returns, ['return-date'], US_DATE_TIME);
    expectCells(shipments, SHIPMENT_DATES, US_DATE_TIME);
    expectCells(shipments, SHIPMENT_MONEY, US_MONEY);
    expect(new Set(column(shipments, 'shipping-tax'))).toEqual(new Set(['0.00']));
  });
});
