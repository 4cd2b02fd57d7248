import { fulfillmentCenterFor } from '../../../world/hash';
import { marketplaceById } from '../../../world/marketplaces';
import { isShippedFba, shippedAtMs } from '../../../world/returns';
import { flatFileLocale, toTsv } from './locale';
import type { ReportGenerator, ReportInput } from './types';

/** https://developer-docs.amazon.com/sp-api/docs/fba-inventory-reports-attributes */
const LEDGER_COLUMNS = [
  'Date',
  'FNSKU',
  'ASIN',
  'MSKU',
  'Title',
  'EventType',
  'ReferenceID',
  'Quantity',
  'FulfillmentCenter',
  'Disposition',
  'Reason',
  'Country',
  'ReconciledQuantity',
  'UnreconciledQuantity',
] as const;

/** Event types `reportOptions.eventType` accepts, one at a time (https://github.com/amzn/selling-partner-api-models/issues/4747). */
export const LEDGER_EVENT_TYPES = [
  'Adjustments',
  'CustomerReturns',
  'Receipts',
  'Shipments',
  'VendorReturns',
  'WhseTransfers',
] as const;

interface LedgerEvent {
  ms: number;
  row: string[];
}

function country(marketplaceId: string): string {
  return marketplaceById(marketplaceId)?.countryCode ?? 'US';
}

function collect(input: ReportInput, eventType: string): LedgerEvent[] {
  const world = input.world;
  const events: LedgerEvent[] = [];
  const wanted = (type: string): boolean => eventType === '' || eventType === type;
  const bySku = new Map(world.catalog.map((item) => [`${item.marketplaceId}|${item.sku}`, item]));

  if (wanted('Adjustments')) {
    for (const a of world.adjustments) {
      events.push({
        ms: Date.parse(a.date),
        row: [
          a.fnsku,
          a.asin,
          a.sku,
          a.title,
          'Adjustments',
          a.referenceId,
          String(a.quantity),
          a.fulfillmentCenter,
          a.disposition,
          a.reason,
          country(a.marketplaceId),
          String(a.quantity),
          '0',
          a.marketplaceId,
        ],
      });
    }
  }

  if (wanted('CustomerReturns')) {
    for (const r of world.returns) {
      const disposition = r.detailedDisposition === 'SELLABLE' ? 'SELLABLE' : 'CUSTOMER_DAMAGED';
      events.push({
        ms: Date.parse(r.returnDate),
        row: [
          r.fnsku,
          r.asin,
          r.sku,
          r.productName,
          'CustomerReturns',
          r.orderId,
          String(r.quantity),
          r.fulfillmentCenterId,
          disposition,
          '',
          country(r.marketplaceId),
          '',
          '',
          r.marketplaceId,
        ],
      });
    }
  }

  if (wanted('Receipts')) {
    for (const s of world.inboundShipments) {
      for (const item of s.items) {
        if (item.quantityReceived <= 0) continue;
        const title = bySku.get(`${s.marketplaceId}|${item.sku}`)?.title ?? '';
        events.push({
          ms: Date.parse(s.lastUpdatedTime),
          row: [
            item.fnsku,
            item.asin,
            item.sku,
            title,
            'Receipts',
            s.shipmentId,
            String(item.quantityReceived),
            s.destinationFulfillmentCenterId,
            'SELLABLE',
            '',
            country(s.marketplaceId),
            '',
            '',
            s.marketplaceId,
          ],
        });
      }
    }
  }

  if (wanted('Shipments')) {
    for (const order of input.orders) {
      if (!isShippedFba(order)) continue;
      const marketplaceId = order.salesChannel.marketplaceId ?? '';
      for (const item of order.orderItems) {
        const catalog = bySku.get(`${marketplaceId}|${item.product.sellerSku ?? ''}`);
        // Shipments rows carry no order id (https://github.com/amzn/selling-partner-api-docs/issues/2484).
        events.push({
          ms: shippedAtMs(order),
          row: [
            catalog?.fnsku ?? '',
            item.product.asin ?? '',
            item.product.sellerSku ?? '',
            item.product.title ?? '',
            'Shipments',
            '',
            String(-item.quantityOrdered),
            fulfillmentCenterFor(marketplaceId, order.orderId),
            'SELLABLE',
            '',
            country(marketplaceId),
            '',
            '',
            marketplaceId,
          ],
        });
      }
    }
  }

  return events;
}

/** `GET_LEDGER_DETAIL_VIEW_DATA`: FBA inventory events; `reportOptions.eventType` picks one type. */
export const ledgerDetail: ReportGenerator = (input) => {
  const locale = flatFileLocale(input.marketplaces);
  const ids = new Set(input.marketplaces.map((m) => m.id));
  const rows = collect(input, input.options.eventType ?? '')
    .filter(
      (e) => e.ms >= input.startMs && e.ms <= input.endMs && ids.has(e.row[e.row.length - 1] ?? ''),
    )
    .sort((a, b) => a.ms - b.ms)
    .map((e) => [locale.date(e.ms), ...e.row.slice(0, -1)]);
  return rows.length === 0 ? null : toTsv(LEDGER_COLUMNS, rows);
};
