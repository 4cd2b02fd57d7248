import { afterEach, describe, expect, it } from 'vitest';

import { financeRoutes } from '../../src/amazon/finances';
import { AmazonApiError } from '../../src/amazon/server/errors';
import { createTestContext, request, type TestContext } from './context';

let t: TestContext | undefined;
afterEach(() => t?.close());

type Money = { currencyAmount: number; currencyCode: string };
interface Tx {
  transactionType: string;
  totalAmount: Money;
  relatedIdentifiers: Array<{ relatedIdentifierName: string; relatedIdentifierValue: string }>;
  breakdowns: Array<{ breakdownAmount: Money }>;
}

function toCents(amount: number): number {
  return Math.round(amount * 100);
}

async function allTransactions(tc: TestContext, params: Record<string, string>): Promise<Tx[]> {
  const out: Tx[] = [];
  let query = new URLSearchParams(params);
  for (;;) {
    const res = await tc.route('listTransactions').handle(request({ query }));
    const payload = (res.body as { payload: { transactions: Tx[]; nextToken?: string } }).payload;
    out.push(...payload.transactions);
    if (!payload.nextToken) return out;
    query = new URLSearchParams({ nextToken: payload.nextToken });
  }
}

async function groups(tc: TestContext): Promise<Array<Record<string, unknown>>> {
  const res = await tc.route('listFinancialEventGroups').handle(request());
  return (res.body as { payload: { FinancialEventGroupList: Array<Record<string, unknown>> } })
    .payload.FinancialEventGroupList;
}

describe('financeRoutes', () => {
  it('lists one event group per settlement with the settlement total', async () => {
    t = createTestContext(financeRoutes, { worldOptions: { orders: 1000 } });
    const list = await groups(t);
    const settlements = t.ctx.world.settlements;

    expect(list).toHaveLength(settlements.length);
    expect(list.filter((g) => g.ProcessingStatus === 'Open')).toHaveLength(1);
    list.forEach((group, index) => {
      const total = group.OriginalTotal as { CurrencyAmount: number };
      expect(toCents(total.CurrencyAmount)).toBe(settlements[index]?.totalCents);
    });
  });

  it('pages transactions of a group that add up to the group total, breakdowns to each total', async () => {
    t = createTestContext(financeRoutes, { worldOptions: { orders: 2000 } });
    const group = (await groups(t)).find((g) => g.ProcessingStatus === 'Closed') ?? {};
    const groupId = String(group.FinancialEventGroupId);

    const txs = await allTransactions(t, {
      relatedIdentifierName: 'FINANCIAL_EVENT_GROUP_ID',
      relatedIdentifierValue: groupId,
    });
    const sum = txs.reduce((acc, tx) => acc + toCents(tx.totalAmount.currencyAmount), 0);

    expect(txs.length).toBeGreaterThan(100);
    expect(sum).toBe(toCents((group.OriginalTotal as { CurrencyAmount: number }).CurrencyAmount));
    for (const tx of txs) {
      const parts = tx.breakdowns.reduce(
        (acc, b) => acc + toCents(b.breakdownAmount.currencyAmount),
        0,
      );
      expect(parts).toBe(toCents(tx.totalAmount.currencyAmount));
    }
    expect(new Set(txs.map((tx) => tx.transactionType))).toContain('Shipment');
  });

  it('serves v0 shipment events of an order consistent with its settlement rows', async () => {
    t = createTestContext(financeRoutes, { worldOptions: { orders: 500 } });
    const line = t.ctx.world.settlements
      .flatMap((s) => s.lines)
      .find((l) => l.transactionType === 'Order');
    const orderId = line?.orderId ?? '';
    const res = await t
      .route('listFinancialEventsByOrderId')
      .handle(request({ params: { orderId } }));
    const events = (res.body as { payload: { FinancialEvents: Record<string, unknown[]> } }).payload
      .FinancialEvents;
    const shipment = events.ShipmentEventList?.[0] as {
      AmazonOrderId: string;
      ShipmentItemList: unknown[];
    };

    expect(shipment.AmazonOrderId).toBe(orderId);
    expect(shipment.ShipmentItemList.length).toBeGreaterThan(0);
    expect(JSON.stringify(shipment)).toContain('"ChargeType":"Principal"');
    expect(JSON.stringify(shipment)).toContain('"FeeType":"Commission"');
  });

  it('answers Amazon’s input errors', async () => {
    t = createTestContext(financeRoutes);
    const call = async (params: Record<string, string>): Promise<AmazonApiError> => {
      try {
        await t!.route('listTransactions').handle(request({ query: new URLSearchParams(params) }));
      } catch (error) {
        if (error instanceof AmazonApiError) return error;
      }
      throw new Error('expected an error');
    };

    expect((await call({ postedBefore: '2026-01-01T00:00:00Z' })).errors[0]?.message).toBe(
      'Start date cannot be null',
    );
    expect((await call({ postedAfter: t.ctx.clock().toISOString() })).status).toBe(400);
    expect((await call({ postedAfter: 'soon' })).errors[0]?.message).toMatch(/postedAfter/);
  });

  it('answers an empty list for windows wider than 180 days', async () => {
    t = createTestContext(financeRoutes, { worldOptions: { orders: 500 } });
    const nowMs = t.ctx.clock().getTime();
    const list = async (afterMs: number): Promise<unknown[]> => {
      const query = new URLSearchParams({ postedAfter: new Date(afterMs).toISOString() });
      const res = await t!.route('listTransactions').handle(request({ query }));
      return (res.body as { payload: { transactions: unknown[] } }).payload.transactions;
    };

    expect(await list(nowMs - 170 * 86_400_000)).not.toHaveLength(0);
    expect(await list(nowMs - 181 * 86_400_000)).toHaveLength(0);
  });
});
