import type { Prng } from './prng';
import type { FulfillmentStatus, WorldOrder, WorldOrderItem, WorldOrderPackage } from './types';
import { isoSeconds, parseIso } from './time';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

type Carrier = readonly [carrier: string, service: string, trackingPrefix: string];

const US_CARRIERS: readonly Carrier[] = [
  ['USPS', 'USPS Priority Mail', '9400'],
  ['UPS', 'UPS Ground', '1Z'],
  ['FedEx', 'FedEx Home Delivery', '7'],
];
const DE_CARRIERS: readonly Carrier[] = [
  ['DHL', 'DHL Paket', '00340'],
  ['DPD', 'DPD Classic', '0'],
];

const US_WAREHOUSE = {
  name: 'SellerBridge Warehouse',
  addressLine1: '100 Dock Rd',
  city: 'Reno',
  stateOrRegion: 'NV',
  postalCode: '89502',
  countryCode: 'US',
};
const DE_WAREHOUSE = {
  name: 'SellerBridge Lager',
  addressLine1: 'Lagerstraße 5',
  city: 'Hamburg',
  postalCode: '20095',
  countryCode: 'DE',
};

const CANCEL_REASONS = ['BUYER_CANCELLED', 'NO_INVENTORY', 'SHIPPING_ADDRESS_UNDELIVERABLE'];

function shipFrom(countryCode: string): NonNullable<WorldOrderPackage['shipFromAddress']> {
  return countryCode === 'DE' ? { ...DE_WAREHOUSE } : { ...US_WAREHOUSE };
}

function buildPackage(
  rng: Prng,
  order: WorldOrder,
  items: ReadonlyArray<{ item: WorldOrderItem; quantity: number }>,
  shipMs: number,
  nowMs: number,
): WorldOrderPackage {
  const country = order.recipient?.deliveryAddress?.countryCode ?? 'US';
  const [carrier, service, prefix] = rng.pick(country === 'DE' ? DE_CARRIERS : US_CARRIERS);
  const isDelivered = nowMs - shipMs > 4 * DAY_MS;

  return {
    packageReferenceId: String((order.packages?.length ?? 0) + 1),
    createdTime: isoSeconds(shipMs - HOUR_MS),
    packageStatus: isDelivered
      ? { status: 'DELIVERED' }
      : { status: 'IN_TRANSIT', detailedStatus: 'PICKED_UP' },
    carrier,
    shipTime: isoSeconds(shipMs),
    shippingService: service,
    trackingNumber: `${prefix}${rng.digits(18 - prefix.length)}`,
    shipFromAddress: shipFrom(country),
    packageItems: items.map(({ item, quantity }) => ({ orderItemId: item.orderItemId, quantity })),
  };
}

function markFulfilled(item: WorldOrderItem, quantity: number): void {
  const fulfilled = (item.fulfillment?.quantityFulfilled ?? 0) + quantity;
  item.fulfillment = {
    ...item.fulfillment,
    quantityFulfilled: fulfilled,
    quantityUnfulfilled: item.quantityOrdered - fulfilled,
  };
}

/** Ships every remaining unit, in one or two packages (MFN) or none (FBA has no packages). */
function ship(rng: Prng, order: WorldOrder, shipMs: number, nowMs: number): void {
  const open = order.orderItems.filter(
    (item) => (item.fulfillment?.quantityUnfulfilled ?? item.quantityOrdered) > 0,
  );
  const lines = open.map((item) => ({
    item,
    quantity: item.fulfillment?.quantityUnfulfilled ?? item.quantityOrdered,
  }));

  if (order.fulfillment?.fulfilledBy === 'MERCHANT' && lines.length > 0) {
    const groups =
      lines.length >= 2 && rng.chance(0.4) ? [lines.slice(0, 1), lines.slice(1)] : [lines];
    order.packages ??= [];
    for (const group of groups) order.packages.push(buildPackage(rng, order, group, shipMs, nowMs));
  }

  for (const { item, quantity } of lines) markFulfilled(item, quantity);
}

function cancel(rng: Prng, order: WorldOrder): void {
  const reason = rng.pick(CANCEL_REASONS);
  const by = reason === 'BUYER_CANCELLED' ? 'BUYER' : 'MERCHANT';

  for (const item of order.orderItems) {
    item.cancellation = { cancellationExecution: { cancelledBy: by, cancelReason: reason } };
    if (by === 'BUYER')
      item.cancellation.cancellationRequest = { requester: 'BUYER', cancelReason: reason };
  }

  // Cancelled orders carry no charges (Amazon drops OrderTotal for them).
  delete order.proceeds;
  delete order.payment;
  for (const item of order.orderItems) delete item.proceeds;
}

/**
 * Moves an order to `status` at a plausible time not after `nowMs`: sets the fulfillment status,
 * item quantities, packages (MFN), cancellation details and `lastUpdatedTime`.
 */
export function applyStatus(
  rng: Prng,
  order: WorldOrder,
  status: FulfillmentStatus,
  nowMs: number,
): void {
  const createdMs = parseIso(order.createdTime);
  const fulfillment = order.fulfillment ?? { fulfillmentStatus: status };
  const eventMs = Math.min(
    nowMs,
    Math.max(createdMs + 30 * 60_000, parseIso(order.lastUpdatedTime)) + rng.int(1, 36) * HOUR_MS,
  );

  if (status === 'SHIPPED') ship(rng, order, eventMs, nowMs);
  if (status === 'CANCELLED') cancel(rng, order);

  if (status === 'PARTIALLY_SHIPPED') {
    const [first] = order.orderItems;
    if (first && order.fulfillment?.fulfilledBy === 'MERCHANT') {
      order.packages ??= [];
      order.packages.push(
        buildPackage(
          rng,
          order,
          [{ item: first, quantity: first.quantityOrdered }],
          eventMs,
          nowMs,
        ),
      );
      markFulfilled(first, first.quantityOrdered);
    }
  }

  fulfillment.fulfillmentStatus = status;
  order.fulfillment = fulfillment;
  order.lastUpdatedTime =
    status === 'PENDING' || status === 'PENDING_AVAILABILITY'
      ? order.createdTime
      : isoSeconds(eventMs);
}
