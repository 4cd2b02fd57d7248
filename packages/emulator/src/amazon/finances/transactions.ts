import { invalidInput } from '../server/errors';
import type { AmazonContext, AmazonRequest, AmazonResponse } from '../server/types';
import { financeView, marketplaceOf, toAmount, type FinanceTransaction } from './groups';
import { decodeToken, encodeToken } from './paging';

/** Page size of listTransactions (the model does not state one; Amazon pages at 100 in practice). */
const PAGE_SIZE = 100;
/** Dates must be more than two minutes before the request (finances_2024-06-19.json, postedAfter). */
const TWO_MINUTES_MS = 120_000;
/** Posted-date windows longer than this return nothing. */
export const MAX_WINDOW_MS = 180 * 86_400_000;

/** Settlement transaction-type (or description) → Finances 2024-06-19 transactionType. */
function transactionType(tx: FinanceTransaction): string {
  const first = tx.lines[0];
  if (first?.transactionType === 'Order') return 'Shipment';
  if (first?.transactionType === 'Refund') return 'Refund';
  if (first?.amountType === 'FBA Inventory Reimbursement') return 'Adjustment';
  if (first?.transactionType === 'ServiceFee' || /Fee$/.test(first?.amountDescription ?? ''))
    return 'ServiceFee';
  return first?.transactionType ?? 'other-transaction';
}

function breakdowns(tx: FinanceTransaction, currencyCode: string): unknown[] {
  const byType = new Map<string, Map<string, number>>();
  for (const line of tx.lines) {
    const children = byType.get(line.amountType) ?? new Map<string, number>();
    children.set(
      line.amountDescription,
      (children.get(line.amountDescription) ?? 0) + line.amountCents,
    );
    byType.set(line.amountType, children);
  }

  return [...byType].map(([type, children]) => ({
    breakdownType: type,
    breakdownAmount: {
      currencyCode,
      currencyAmount: toAmount([...children.values()].reduce((a, b) => a + b, 0)),
    },
    breakdowns: [...children].map(([description, cents]) => ({
      breakdownType: description,
      breakdownAmount: { currencyCode, currencyAmount: toAmount(cents) },
    })),
  }));
}

function items(tx: FinanceTransaction, currencyCode: string): unknown[] {
  const bySku = new Map<
    string,
    { sku: string; quantity: number; cents: number; fulfillment: string; adjustment: string }
  >();
  for (const line of tx.lines) {
    if (!line.sku) continue;
    const item = bySku.get(line.orderItemCode || line.sku) ?? {
      sku: line.sku,
      quantity: line.quantityPurchased ?? 0,
      cents: 0,
      fulfillment: line.fulfillmentId,
      adjustment: line.adjustmentId,
    };
    item.cents += line.amountCents;
    bySku.set(line.orderItemCode || line.sku, item);
  }

  return [...bySku.values()].map((item) => ({
    description: item.sku,
    ...(item.adjustment
      ? {
          relatedIdentifiers: [
            {
              itemRelatedIdentifierName: 'ORDER_ADJUSTMENT_ITEM_ID',
              itemRelatedIdentifierValue: item.adjustment,
            },
          ],
        }
      : {}),
    totalAmount: { currencyCode, currencyAmount: toAmount(item.cents) },
    contexts: [
      {
        contextType: 'ProductContext',
        sku: item.sku,
        quantityShipped: item.quantity,
        fulfillmentNetwork: item.fulfillment || 'MFN',
      },
    ],
  }));
}

/** Renders a transaction in the Finances 2024-06-19 `Transaction` shape. */
export function toWireTransaction(
  tx: FinanceTransaction,
  sellerId: string,
): Record<string, unknown> {
  const market = marketplaceOf(tx.settlement);
  const first = tx.lines[0];
  const related = [
    { relatedIdentifierName: 'FINANCIAL_EVENT_GROUP_ID', relatedIdentifierValue: tx.groupId },
  ];
  if (first?.orderId)
    related.push({ relatedIdentifierName: 'ORDER_ID', relatedIdentifierValue: first.orderId });

  return {
    sellingPartnerMetadata: {
      sellingPartnerId: sellerId,
      accountType: 'PAYABLE',
      marketplaceId: market.id,
    },
    relatedIdentifiers: related,
    transactionType: transactionType(tx),
    transactionId: tx.transactionId,
    transactionStatus: 'RELEASED',
    description: first?.orderId ? transactionType(tx) : (first?.amountDescription ?? ''),
    postedDate: new Date(tx.postedMs).toISOString(),
    totalAmount: { currencyCode: market.currency, currencyAmount: toAmount(tx.totalCents) },
    marketplaceDetails: { marketplaceId: market.id, marketplaceName: market.name },
    items: items(tx, market.currency),
    breakdowns: breakdowns(tx, market.currency),
  };
}

interface TransactionQuery {
  afterMs: number;
  beforeMs: number;
  marketplaceId: string;
  status: string;
  relatedName: string;
  relatedValue: string;
  offset: number;
}

function parseDate(value: string | null, name: string): number | undefined {
  if (value === null || value === '') return undefined;
  const ms = Date.parse(value);
  if (Number.isNaN(ms))
    invalidInput(
      `${name} must be an ISO 8601 date-time.`,
      `${name} must be an ISO 8601 date-time.`,
    );
  return ms;
}

function parseQuery(ctx: AmazonContext, query: URLSearchParams): TransactionQuery {
  const token = query.get('nextToken');
  if (token) return decodeToken<TransactionQuery>(token);

  const latestMs = ctx.clock().getTime() - TWO_MINUTES_MS;
  const relatedName = query.get('relatedIdentifierName') ?? '';
  const afterMs = parseDate(query.get('postedAfter'), 'postedAfter');
  // Amazon's answer when postedAfter is missing (sandbox example of listTransactions).
  if (afterMs === undefined && !relatedName)
    invalidInput('Start date cannot be null', 'Start date cannot be null');
  if (relatedName && !['FINANCIAL_EVENT_GROUP_ID', 'ORDER_ID'].includes(relatedName))
    invalidInput(`Invalid relatedIdentifierName: ${relatedName}`);

  const beforeMs = parseDate(query.get('postedBefore'), 'postedBefore') ?? latestMs;
  if (afterMs !== undefined && afterMs > latestMs)
    invalidInput('postedAfter must be more than two minutes before the time of the request.');
  if (beforeMs > latestMs)
    invalidInput('postedBefore must be more than two minutes before the time of the request.');
  if (afterMs !== undefined && afterMs >= beforeMs)
    invalidInput('postedBefore must be later than postedAfter.');

  return {
    afterMs: afterMs ?? 0,
    beforeMs,
    marketplaceId: query.get('marketplaceId') ?? '',
    status: query.get('transactionStatus') ?? '',
    relatedName,
    relatedValue: query.get('relatedIdentifierValue') ?? '',
    offset: 0,
  };
}

function matches(tx: FinanceTransaction, q: TransactionQuery): boolean {
  if (tx.postedMs < q.afterMs || tx.postedMs >= q.beforeMs) return false;
  if (q.marketplaceId && tx.settlement.marketplaceId !== q.marketplaceId) return false;
  if (q.status && q.status !== 'RELEASED') return false;
  if (q.relatedName === 'FINANCIAL_EVENT_GROUP_ID') return tx.groupId === q.relatedValue;
  if (q.relatedName === 'ORDER_ID') return tx.lines[0]?.orderId === q.relatedValue;
  return true;
}

/** `GET /finances/2024-06-19/transactions`. */
export function listTransactions(ctx: AmazonContext, req: AmazonRequest): AmazonResponse {
  const q = parseQuery(ctx, req.query);
  // Windows wider than 180 days answer an empty list, as Amazon does (financesV0.json, PostedAfter).
  const isTooWide = q.relatedName === '' && q.beforeMs - q.afterMs > MAX_WINDOW_MS;
  const all = isTooWide ? [] : financeView(ctx.world).transactions.filter((tx) => matches(tx, q));
  const sellerId = req.sellerId || ctx.world.seller.sellerId;
  const page = all
    .slice(q.offset, q.offset + PAGE_SIZE)
    .map((tx) => toWireTransaction(tx, sellerId));
  const payload: Record<string, unknown> = { transactions: page };
  if (q.offset + PAGE_SIZE < all.length)
    payload.nextToken = encodeToken({ ...q, offset: q.offset + PAGE_SIZE });
  return { status: 200, body: { payload } };
}
