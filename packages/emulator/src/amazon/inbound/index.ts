/** Fulfillment Inbound area of the emulator (2024-03-20 plans and v0 shipments). */
export { inboundRoutes } from './routes';
export { INBOUND_OPERATION_MS, INBOUND_STEP_MS, SHIPMENT_STEPS } from './progress';
