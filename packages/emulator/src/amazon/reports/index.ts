/** Reports API 2021-06-30 area of the emulator. */
export { reportRoutes, tickReports, REPORT_URL_TTL_MS } from './routes';
export { REPORT_QUEUE_MS, REPORT_PROCESSING_MS } from './lifecycle';
export { REPORT_TYPES, SETTLEMENT_V2 } from './report-types';
export { SETTLEMENT_V2_COLUMNS, renderSettlementV2 } from './format/settlement';
export { encodeCp1252 } from './cp1252';
