import type { SettlementLine } from '../../world/types';
import { toAmount, type FinanceTransaction } from './groups';

type V0Currency = { CurrencyCode: string; CurrencyAmount: number };
type V0Events = Record<string, unknown[]>;

function money(cents: number, currency: string): V0Currency {
  return { CurrencyCode: currency, CurrencyAmount: toAmount(cents) };
}

function itemsOf(tx: FinanceTransaction, currency: string, isRefund: boolean): unknown[] {
  const byItem = new Map<string, SettlementLine[]>();
  for (const line of tx.lines)
    byItem.set(line.orderItemCode, [...(byItem.get(line.orderItemCode) ?? []), line]);

  return [...byItem.values()].map((lines) => {
    const first = lines[0] as SettlementLine;
    const charges = lines
      .filter((l) => l.amountType === 'ItemPrice')
      .map((l) => ({
        ChargeType: l.amountDescription,
        ChargeAmount: money(l.amountCents, currency),
      }));
    const fees = lines
      .filter(
        (l) =>
          l.amountType === 'ItemFees' && !l.amountDescription.startsWith('MarketplaceFacilitator'),
      )
      .map((l) => ({ FeeType: l.amountDescription, FeeAmount: money(l.amountCents, currency) }));
    const withheld = lines.filter((l) => l.amountDescription.startsWith('MarketplaceFacilitator'));
    const promotions = lines
      .filter((l) => l.amountType === 'Promotion')
      .map((l) => ({
        PromotionType: l.amountDescription,
        PromotionId: l.promotionId,
        PromotionAmount: money(l.amountCents, currency),
      }));

    const item: Record<string, unknown> = {
      SellerSKU: first.sku,
      OrderItemId: first.orderItemCode,
      QuantityShipped: first.quantityPurchased ?? 0,
      [isRefund ? 'ItemChargeAdjustmentList' : 'ItemChargeList']: charges,
      [isRefund ? 'ItemFeeAdjustmentList' : 'ItemFeeList']: fees,
    };
    if (isRefund) item.OrderAdjustmentItemId = first.adjustmentId;
    if (promotions.length > 0)
      item[isRefund ? 'PromotionAdjustmentList' : 'PromotionList'] = promotions;
    if (withheld.length > 0) {
      item.ItemTaxWithheldList = [
        {
          TaxCollectionModel: 'MarketplaceFacilitator',
          TaxesWithheld: withheld.map((l) => ({
            ChargeType: l.amountDescription,
            ChargeAmount: money(l.amountCents, currency),
          })),
        },
      ];
    }

    return item;
  });
}

function shipmentEvent(
  tx: FinanceTransaction,
  currency: string,
  marketplaceName: string,
  isRefund: boolean,
): unknown {
  const first = tx.lines[0] as SettlementLine;
  return {
    AmazonOrderId: first.orderId,
    ...(first.merchantOrderId ? { SellerOrderId: first.merchantOrderId } : {}),
    MarketplaceName: marketplaceName,
    PostedDate: new Date(tx.postedMs).toISOString(),
    [isRefund ? 'ShipmentItemAdjustmentList' : 'ShipmentItemList']: itemsOf(tx, currency, isRefund),
  };
}

/** Adds one transaction to Finances v0 `FinancialEvents` lists, by kind. */
function addEvent(events: V0Events, tx: FinanceTransaction, marketplaceName: string): void {
  const first = tx.lines[0];
  if (!first) return;
  const currency = tx.settlement.currency;
  const push = (list: string, event: unknown): void => {
    (events[list] ??= []).push(event);
  };

  if (first.transactionType === 'Order')
    return push('ShipmentEventList', shipmentEvent(tx, currency, marketplaceName, false));
  if (first.transactionType === 'Refund')
    return push('RefundEventList', shipmentEvent(tx, currency, marketplaceName, true));

  if (first.amountType === 'FBA Inventory Reimbursement') {
    const quantity = first.quantityPurchased ?? 1;
    return push('AdjustmentEventList', {
      AdjustmentType: first.amountDescription,
      PostedDate: new Date(tx.postedMs).toISOString(),
      AdjustmentAmount: money(tx.totalCents, currency),
      AdjustmentItemList: [
        {
          Quantity: String(quantity),
          PerUnitAmount: money(Math.round(tx.totalCents / quantity), currency),
          TotalAmount: money(tx.totalCents, currency),
          SellerSKU: first.sku,
        },
      ],
    });
  }

  if (first.amountType === 'Cost of Advertising') {
    return push('ProductAdsPaymentEventList', {
      postedDate: new Date(tx.postedMs).toISOString(),
      transactionType: 'Charge',
      invoiceId: `TR${tx.transactionId.slice(0, 10).toUpperCase()}`,
      baseValue: money(tx.totalCents, currency),
      taxValue: money(0, currency),
      transactionValue: money(tx.totalCents, currency),
    });
  }

  if (first.amountDescription.endsWith('Fee')) {
    push('ServiceFeeEventList', {
      FeeDescription: first.amountDescription,
      FeeList: [
        {
          FeeType: first.amountDescription.replace(/ Fee$/, 'Fee').replace(/\s+/g, ''),
          FeeAmount: money(tx.totalCents, currency),
        },
      ],
    });
  }
  // Reserve movements are balance transfers, not financial events: v0 has no list for them.
}

/** Builds v0 `FinancialEvents` from transactions. */
export function toFinancialEvents(
  transactions: readonly FinanceTransaction[],
  marketplaceNameOf: (tx: FinanceTransaction) => string,
): V0Events {
  const events: V0Events = {};
  for (const tx of transactions) addEvent(events, tx, marketplaceNameOf(tx));
  return events;
}
