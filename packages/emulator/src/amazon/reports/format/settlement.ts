import type { WorldSettlement } from '../../../world/types';
import { marketplaceById } from '../../../world/marketplaces';
import { localeFor, toTsv } from './locale';

/**
 * The 24 columns of `GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2`
 * (https://developer-docs.amazon.com/sp-api/docs/settlement-reports-attributes plus `promotion-id`,
 * https://github.com/amzn/selling-partner-api-models/issues/5353).
 */
export const SETTLEMENT_V2_COLUMNS = [
  'settlement-id',
  'settlement-start-date',
  'settlement-end-date',
  'deposit-date',
  'total-amount',
  'currency',
  'transaction-type',
  'order-id',
  'merchant-order-id',
  'adjustment-id',
  'shipment-id',
  'marketplace-name',
  'amount-type',
  'amount-description',
  'amount',
  'fulfillment-id',
  'posted-date',
  'posted-date-time',
  'order-item-code',
  'merchant-order-item-id',
  'merchant-adjustment-item-id',
  'sku',
  'quantity-purchased',
  'promotion-id',
] as const;

/**
 * Renders a settlement as Amazon's V2 flat file: header, a summary row (id, dates, total,
 * currency only), then one row per amount; EU marketplaces get decimal commas and
 * `dd.MM.yyyy HH:mm:ss UTC` dates.
 */
export function renderSettlementV2(settlement: WorldSettlement): string {
  const market = marketplaceById(settlement.marketplaceId);
  const locale = localeFor(market?.countryCode ?? 'US');
  const blanks = (count: number): string[] => Array.from({ length: count }, () => '');

  const summary = [
    settlement.settlementId,
    locale.dateTime(Date.parse(settlement.startDate)),
    locale.dateTime(Date.parse(settlement.endDate)),
    locale.dateTime(Date.parse(settlement.depositDate)),
    locale.money(settlement.totalCents),
    settlement.currency,
    ...blanks(18),
  ];

  const details = settlement.lines.map((line) => {
    const postedMs = line.postedMs;
    return [
      settlement.settlementId,
      '',
      '',
      '',
      '',
      settlement.currency,
      line.transactionType,
      line.orderId,
      line.merchantOrderId,
      line.adjustmentId,
      line.shipmentId,
      line.marketplaceName,
      line.amountType,
      line.amountDescription,
      locale.money(line.amountCents),
      line.fulfillmentId,
      locale.date(postedMs),
      locale.dateTime(postedMs),
      line.orderItemCode,
      line.merchantOrderItemId,
      line.merchantAdjustmentItemId,
      line.sku,
      line.quantityPurchased === null ? '' : String(line.quantityPurchased),
      line.promotionId,
    ];
  });

  return toTsv(SETTLEMENT_V2_COLUMNS, [summary, ...details]);
}
