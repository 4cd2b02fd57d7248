/**
 * NetSuite item fulfillment → Amazon `confirmShipment` package details (ordersV0
 * `ConfirmShipmentRequest`: one package per call, `orderItems` with Amazon's order item ids).
 */
import { mapCarrier } from './carrier';
import { packageReferenceId } from '../support/ids';

/** A shipped item fulfillment as the flow reads it. */
export interface ShippedFulfillment {
  id: string;
  amazonOrderId: string;
  /** ISO instant or `YYYY-MM-DD` of shipment. */
  shipDate: string;
  shipMethodName?: string;
  lines: ReadonlyArray<{ itemId: string; quantity: number }>;
  trackingNumbers: readonly string[];
}

/** An Amazon order item with its NetSuite item and the units not yet confirmed. */
export interface ShippableItem {
  orderItemId: string;
  itemId: string;
  remaining: number;
}

/** One `confirmShipment` call. */
export interface ShipmentConfirmation {
  packageReferenceId: string;
  body: {
    marketplaceId: string;
    packageDetail: {
      packageReferenceId: string;
      carrierCode: string;
      carrierName?: string;
      shippingMethod?: string;
      trackingNumber: string;
      shipDate: string;
      orderItems: Array<{ orderItemId: string; quantity: number }>;
    };
  };
}

/** A fulfillment line that matches no unshipped Amazon order item. */
export class UnmatchedFulfillmentLineError extends Error {
  readonly retryable = false;

  constructor(
    readonly fulfillmentId: string,
    readonly itemId: string,
    readonly quantity: number,
  ) {
    super(
      `item fulfillment ${fulfillmentId}: ${quantity} unit(s) of NetSuite item ${itemId} match no unshipped Amazon order item`,
    );
    this.name = 'UnmatchedFulfillmentLineError';
  }
}

/** A fulfillment without a tracking number while they are required. */
export class MissingTrackingError extends Error {
  readonly retryable = false;

  constructor(readonly fulfillmentId: string) {
    super(
      `item fulfillment ${fulfillmentId} has no tracking number (settings fulfillments.allowMissingTracking is off)`,
    );
    this.name = 'MissingTrackingError';
  }
}

/** Assigns fulfillment units to Amazon order items, greedily in order item order. */
export function matchOrderItems(
  fulfillment: ShippedFulfillment,
  items: readonly ShippableItem[],
): Array<{ orderItemId: string; quantity: number }> {
  const remaining = new Map(items.map((item) => [item.orderItemId, item.remaining]));
  const assigned = new Map<string, number>();

  for (const line of fulfillment.lines) {
    let left = line.quantity;

    for (const item of items.filter((candidate) => candidate.itemId === line.itemId)) {
      const take = Math.min(left, remaining.get(item.orderItemId) ?? 0);

      if (take <= 0) continue;

      remaining.set(item.orderItemId, (remaining.get(item.orderItemId) ?? 0) - take);
      assigned.set(item.orderItemId, (assigned.get(item.orderItemId) ?? 0) + take);
      left -= take;
    }

    if (left > 0) {
      throw new UnmatchedFulfillmentLineError(fulfillment.id, line.itemId, left);
    }
  }

  return [...assigned].map(([orderItemId, quantity]) => ({ orderItemId, quantity }));
}

/**
 * The ISO instant Amazon wants as `shipDate`: a NetSuite date (`YYYY-MM-DD`) becomes noon UTC of
 * that day; a missing or unreadable date becomes now.
 */
export function toShipInstant(shipDate: string, nowIso: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(shipDate)) return `${shipDate}T12:00:00Z`;

  const millis = Date.parse(shipDate);

  return Number.isNaN(millis) ? nowIso : new Date(millis).toISOString();
}

/** Splits units over packages: contiguous slices, every package at least one unit. */
function splitUnits(
  units: Array<{ orderItemId: string; quantity: number }>,
  packageCount: number,
): Array<Array<{ orderItemId: string; quantity: number }>> {
  const flat = units.flatMap((unit) =>
    Array.from({ length: unit.quantity }, () => unit.orderItemId),
  );
  const count = Math.max(1, Math.min(packageCount, flat.length));
  const perPackage = Math.ceil(flat.length / count);
  const packages: Array<Array<{ orderItemId: string; quantity: number }>> = [];

  for (let start = 0; start < flat.length; start += perPackage) {
    const counts = new Map<string, number>();

    for (const orderItemId of flat.slice(start, start + perPackage))
      counts.set(orderItemId, (counts.get(orderItemId) ?? 0) + 1);

    packages.push([...counts].map(([orderItemId, quantity]) => ({ orderItemId, quantity })));
  }

  return packages;
}

/**
 * Builds one confirmation per tracking number (a fulfillment without tracking gives one
 * package with an empty number when allowed). The package reference id is derived from the
 * fulfillment id, so a repeat names the same package.
 * @throws UnmatchedFulfillmentLineError, MissingTrackingError
 */
export function buildShipmentConfirmations(
  fulfillment: ShippedFulfillment,
  items: readonly ShippableItem[],
  options: {
    marketplaceId: string;
    carriers: Readonly<Record<string, string>>;
    allowMissingTracking: boolean;
    /** Fallback ship date when the fulfillment has none. */
    nowIso: string;
  },
): ShipmentConfirmation[] {
  const trackingNumbers = [
    ...new Set(fulfillment.trackingNumbers.map((number) => number.trim()).filter(Boolean)),
  ];

  if (trackingNumbers.length === 0 && !options.allowMissingTracking) {
    throw new MissingTrackingError(fulfillment.id);
  }

  const carrier = mapCarrier(fulfillment.shipMethodName, options.carriers);
  const slices = splitUnits(
    matchOrderItems(fulfillment, items),
    Math.max(1, trackingNumbers.length),
  );
  const shipDate = toShipInstant(fulfillment.shipDate, options.nowIso);

  return slices.map((orderItems, index) => {
    const reference = packageReferenceId(fulfillment.id, index);

    return {
      packageReferenceId: reference,
      body: {
        marketplaceId: options.marketplaceId,
        packageDetail: {
          packageReferenceId: reference,
          ...carrier,
          shippingMethod: fulfillment.shipMethodName,
          trackingNumber: trackingNumbers[index] ?? '',
          shipDate,
          orderItems,
        },
      },
    };
  });
}
