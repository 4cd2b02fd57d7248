import { hashString } from '../../world/hash';
import type { PlanItem, PlanShipment } from './types';

/**
 * Amazon moves an inbound shipment through these states over days; the emulator takes one step
 * per INBOUND_STEP_MS of real time divided by timeScale (status values from the model's
 * `Shipment.status`).
 */
export const SHIPMENT_STEPS = [
  'WORKING',
  'READY_TO_SHIP',
  'SHIPPED',
  'IN_TRANSIT',
  'DELIVERED',
  'CHECKED_IN',
  'RECEIVING',
  'CLOSED',
] as const;
export const INBOUND_STEP_MS = 30 * 60_000;
/** Asynchronous inbound operations finish after this (real) time divided by timeScale. */
export const INBOUND_OPERATION_MS = 5_000;

/** Status of a plan shipment at `nowMs`. */
export function shipmentStatus(
  shipment: PlanShipment,
  nowMs: number,
  timeScale: number,
  isCancelled = false,
): string {
  if (isCancelled) return 'CANCELLED';
  if (shipment.confirmedAtMs === undefined) return 'UNCONFIRMED';

  const step = Math.floor((nowMs - shipment.confirmedAtMs) / (INBOUND_STEP_MS / timeScale));
  return SHIPMENT_STEPS[Math.min(Math.max(step, 0), SHIPMENT_STEPS.length - 1)] ?? 'WORKING';
}

/** When the shipment last changed status (epoch ms). */
export function shipmentUpdatedMs(
  shipment: PlanShipment,
  nowMs: number,
  timeScale: number,
): number {
  if (shipment.confirmedAtMs === undefined) return nowMs;
  const stepMs = INBOUND_STEP_MS / timeScale;
  const step = Math.min(
    Math.floor((nowMs - shipment.confirmedAtMs) / stepMs),
    SHIPMENT_STEPS.length - 1,
  );
  return shipment.confirmedAtMs + Math.max(step, 0) * stepMs;
}

/** Units received so far: half while receiving, all (sometimes one short) once closed. */
export function receivedQuantity(status: string, item: PlanItem, shipmentId: string): number {
  if (status === 'RECEIVING') return Math.floor(item.quantity / 2);
  if (status !== 'CLOSED') return 0;

  const isShort = hashString(`${shipmentId}|${item.msku}`, 17) % 5 === 0 && item.quantity > 1;
  return isShort ? item.quantity - 1 : item.quantity;
}
