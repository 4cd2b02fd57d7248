import { allOrdersByLastUpdate, allOrdersByOrderDate } from './format/all-orders';
import { fbaCustomerReturns, fbaFulfilledShipments } from './format/fba';
import { ledgerDetail } from './format/ledger';
import type { ReportGenerator } from './format/types';

/** How the emulator serves one report type. */
export interface ReportTypeSpec {
  generate: ReportGenerator;
  /** Serve the document gzip-compressed (`compressionAlgorithm: GZIP`). */
  compressed: boolean;
  /** EU marketplaces get Cp1252 for the flat files Amazon serves that way (see README). */
  euCharset: 'UTF-8' | 'Cp1252';
  /** Default data window when `dataStartTime` is absent, in days before the end. */
  defaultDays: number;
}

/** Settlement types: produced by Amazon per period, never creatable (https://developer-docs.amazon.com/sp-api/docs/report-type-values-settlement). */
export const SETTLEMENT_REPORT_TYPES = new Set([
  'GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2',
  'GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE',
  'GET_V2_SETTLEMENT_REPORT_DATA_XML',
]);

/** The settlement type the emulator generates (V1 was removed on 2026-11-11). */
export const SETTLEMENT_V2 = 'GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2';

/** Report types `createReport` accepts. */
export const REPORT_TYPES: Record<string, ReportTypeSpec> = {
  GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL: {
    generate: allOrdersByOrderDate,
    compressed: true,
    euCharset: 'Cp1252',
    defaultDays: 30,
  },
  GET_FLAT_FILE_ALL_ORDERS_DATA_BY_LAST_UPDATE_GENERAL: {
    generate: allOrdersByLastUpdate,
    compressed: true,
    euCharset: 'Cp1252',
    defaultDays: 30,
  },
  GET_LEDGER_DETAIL_VIEW_DATA: {
    generate: ledgerDetail,
    compressed: true,
    euCharset: 'Cp1252',
    defaultDays: 30,
  },
  GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA: {
    generate: fbaCustomerReturns,
    compressed: false,
    euCharset: 'Cp1252',
    defaultDays: 30,
  },
  GET_AMAZON_FULFILLED_SHIPMENTS_DATA_GENERAL: {
    generate: fbaFulfilledShipments,
    compressed: false,
    euCharset: 'Cp1252',
    defaultDays: 30,
  },
};
