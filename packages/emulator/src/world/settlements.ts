import { RESERVE_BP, SUBSCRIPTION_CENTS } from './fees';
import { hashString } from './hash';
import { marketplaceById } from './marketplaces';
import { parseCents, percentOfCents } from './money';
import type { WorldRefund } from './returns';
import { shippedAtMs } from './returns';
import { orderLineRows, refundRows, type PostedLine } from './settlement-rows';
import { isoSeconds } from './time';
import type { World, WorldAdjustment, WorldMarketplace, WorldSettlement } from './types';

const DAY_MS = 86_400_000;
/** Amazon settles every 14 days (https://sellercentral.amazon.com/help/hub/reference/external/G4SYC9VKLAUNWKMX). */
export const SETTLEMENT_PERIOD_MS = 14 * DAY_MS;
/** Funds arrive two days after the period closes. */
const DEPOSIT_DELAY_MS = 2 * DAY_MS;
/** Seller Central keeps roughly the last 90 days of settlements. */
const HISTORY_MS = 90 * DAY_MS;

function otherRow(
  marketplaceName: string,
  postedMs: number,
  amountType: string,
  description: string,
  cents: number,
  transactionType = 'other-transaction',
): PostedLine {
  return {
    transactionType,
    orderId: '',
    merchantOrderId: '',
    adjustmentId: '',
    shipmentId: '',
    marketplaceName,
    amountType,
    amountDescription: description,
    amountCents: cents,
    fulfillmentId: '',
    postedDate: isoSeconds(postedMs),
    postedMs,
    orderItemCode: '',
    merchantOrderItemId: '',
    merchantAdjustmentItemId: '',
    sku: '',
    quantityPurchased: null,
    promotionId: '',
  };
}

/** Every posted row of one marketplace, unsorted. */
function postedRows(
  world: World,
  market: WorldMarketplace,
  refunds: readonly WorldRefund[],
  adjustments: readonly WorldAdjustment[],
): PostedLine[] {
  const rows: PostedLine[] = [];

  for (const order of world.orders) {
    if (order.salesChannel.marketplaceId !== market.id) continue;
    const status = order.fulfillment?.fulfillmentStatus;
    if (status !== 'SHIPPED' && status !== 'PARTIALLY_SHIPPED') continue;

    const postedMs = shippedAtMs(order);
    for (const item of order.orderItems) {
      if ((item.fulfillment?.quantityUnfulfilled ?? 0) === 0 && item.proceeds)
        rows.push(...orderLineRows(order, item, postedMs));
    }
  }

  for (const refund of refunds) {
    if (refund.order.salesChannel.marketplaceId === market.id) rows.push(...refundRows(refund));
  }

  // Amazon reimburses units it lost or damaged in its warehouses.
  for (const adjustment of adjustments) {
    if (adjustment.marketplaceId !== market.id || adjustment.quantity >= 0) continue;
    const catalog = world.catalog.find(
      (item) => item.sku === adjustment.sku && item.marketplaceId === market.id,
    );
    // Reimbursed at half the list price, a stand-in for Amazon's replacement-value estimate.
    const unitCents = catalog ? Math.floor(parseCents(catalog.price) / 2) : 0;
    const description = adjustment.reason === 'M' ? 'MISSING_FROM_INBOUND' : 'WAREHOUSE_DAMAGE';
    const row = otherRow(
      '',
      Date.parse(adjustment.date) + 3 * DAY_MS,
      'FBA Inventory Reimbursement',
      description,
      unitCents * -adjustment.quantity,
    );
    rows.push({
      ...row,
      sku: adjustment.sku,
      quantityPurchased: -adjustment.quantity,
      adjustmentId: adjustment.referenceId,
    });
  }

  return rows;
}

/** Fixed monthly and periodic charges of a settlement period. */
function periodCharges(
  market: WorldMarketplace,
  startMs: number,
  endMs: number,
  salesCents: number,
): PostedLine[] {
  const name = market.name.toLowerCase();
  const rows: PostedLine[] = [];
  for (let day = startMs; day < endMs; day += DAY_MS) {
    if (new Date(day).getUTCDate() === 1)
      rows.push(otherRow(name, day, 'other-transaction', 'Subscription Fee', -SUBSCRIPTION_CENTS));
    if (new Date(day).getUTCDate() === 7)
      rows.push(
        otherRow(
          name,
          day,
          'other-transaction',
          'Storage Fee',
          -(1200 + (hashString(String(day)) % 4000)),
        ),
      );
  }

  // Sponsored-products spend, charged against the settlement.
  const adCents = percentOfCents(salesCents, 250);
  if (adCents > 0)
    rows.push(
      otherRow(
        name,
        endMs - DAY_MS,
        'Cost of Advertising',
        'TransactionTotalAmount',
        -adCents,
        'ServiceFee',
      ),
    );
  return rows;
}

/**
 * Builds the closed settlements of every marketplace from the world's orders, refunds and
 * adjustments: one per 14-day period, each with a reserve carried into the next; lines sum to
 * the total to the cent.
 */
export function deriveSettlements(
  world: World,
  refunds: readonly WorldRefund[],
  adjustments: readonly WorldAdjustment[],
): WorldSettlement[] {
  const nowMs = Date.parse(world.now);
  // History starts 90 days before the start time and only grows as the clock advances.
  const firstPeriod = Math.floor(
    (Date.parse(world.options.startTime) - HISTORY_MS) / SETTLEMENT_PERIOD_MS,
  );
  // The last period is the open one: it collects postings up to now and closes later.
  const lastPeriod = Math.floor(nowMs / SETTLEMENT_PERIOD_MS);
  const settlements: WorldSettlement[] = [];

  for (const market of world.seller.marketplaces) {
    const buckets = new Map<number, PostedLine[]>();
    for (const row of postedRows(world, market, refunds, adjustments)) {
      const period = Math.floor(row.postedMs / SETTLEMENT_PERIOD_MS);
      if (period < firstPeriod || period > lastPeriod) continue;
      const bucket = buckets.get(period) ?? [];
      bucket.push(row);
      buckets.set(period, bucket);
    }

    let previousReserveCents = 0;
    for (let period = firstPeriod; period <= lastPeriod; period += 1) {
      const startMs = period * SETTLEMENT_PERIOD_MS;
      const endMs = startMs + SETTLEMENT_PERIOD_MS;
      const isOpen = period === lastPeriod;
      const rows = (buckets.get(period) ?? [])
        .filter((row) => row.postedMs <= nowMs)
        .sort((a, b) => a.postedMs - b.postedMs);
      const salesCents = rows
        .filter((r) => r.amountDescription === 'Principal' && r.transactionType === 'Order')
        .reduce((s, r) => s + r.amountCents, 0);
      rows.push(...periodCharges(market, startMs, isOpen ? nowMs : endMs, isOpen ? 0 : salesCents));

      const name = market.name.toLowerCase();
      if (previousReserveCents > 0)
        rows.push(
          otherRow(
            name,
            startMs,
            'other-transaction',
            'Previous Reserve Amount Balance',
            previousReserveCents,
          ),
        );
      const beforeReserve = rows.reduce((sum, row) => sum + row.amountCents, 0);
      const reserveCents =
        beforeReserve > 0 && !isOpen ? percentOfCents(beforeReserve, RESERVE_BP) : 0;
      if (reserveCents > 0)
        rows.push(
          otherRow(
            name,
            endMs - 1000,
            'other-transaction',
            'Current Reserve Amount',
            -reserveCents,
          ),
        );
      previousReserveCents = reserveCents;

      const lines = rows;
      settlements.push({
        settlementId: String(
          10_000_000_000 +
            (hashString(`${market.id}|${period}`, world.options.seed) % 89_999_999_999),
        ),
        marketplaceId: market.id,
        currency: market.currency,
        startDate: isoSeconds(startMs),
        endDate: isoSeconds(endMs - 1000),
        depositDate: isoSeconds(endMs + DEPOSIT_DELAY_MS),
        totalCents: lines.reduce((sum, line) => sum + line.amountCents, 0),
        lines,
        ...(isOpen ? { open: true } : {}),
      });
    }
  }

  return settlements;
}

/** Marketplace of a settlement (the report has no marketplace column; finances need it). */
export function settlementMarketplace(settlement: WorldSettlement): WorldMarketplace | undefined {
  return marketplaceById(settlement.marketplaceId);
}
