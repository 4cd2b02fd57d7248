/**
 * The demo's warehouse: ships a deterministic third of the imported, still unshipped MFN sales
 * orders in NetSuite (an item fulfillment with tracking numbers, as a warehouse would), so the
 * fulfillments flow has shipments to confirm on Amazon. Orders shipped on an earlier run are
 * left alone, so a second run ships nothing new.
 */
import type { RunningEmulators } from '@sellerbridge/emulator';
import { salesOrderExternalId } from '@sellerbridge/flows-starter';
import type { NetSuiteClient } from '@sellerbridge/netsuite-client';

/** Ships every third eligible order; returns how many were shipped now. */
export async function shipFromWarehouse(
  emulators: RunningEmulators,
  netsuite: NetSuiteClient,
): Promise<number> {
  const { inspect } = emulators.netsuite;
  const sellerId = emulators.amazon.credentials.sellingPartnerId;
  const fulfilledOrders = new Set(
    inspect.records('itemFulfillment').map((record) => record.createdFrom),
  );
  const candidates = emulators.world.orders
    .filter(
      (order) =>
        order.fulfillment?.fulfilledBy === 'MERCHANT' &&
        order.fulfillment.fulfillmentStatus === 'UNSHIPPED',
    )
    .map((order) =>
      inspect.findByExternalId('salesOrder', salesOrderExternalId(sellerId, order.orderId)),
    )
    .filter((record) => record !== undefined)
    .sort((a, b) => a.id - b.id)
    .filter((_, index) => index % 3 === 0);
  let shipped = 0;

  for (const salesOrder of candidates) {
    if (fulfilledOrders.has(salesOrder.id)) continue;

    // The client does not repeat a transform that may have reached NetSuite; a failed one is
    // left for the next demo run, which sees whether the fulfillment exists.
    const trackingNumber = `1ZDEMO${String(salesOrder.id).padStart(10, '0')}`;
    const done = await netsuite.records
      .transform('salesOrder', String(salesOrder.id), 'itemFulfillment', {
        shipStatus: { id: 'C' },
        shipMethod: { id: String(inspect.seeded.shipItems.standard) },
        package: { items: [{ packageTrackingNumber: trackingNumber }] },
      })
      .then(
        () => true,
        () => false,
      );
    if (done) shipped += 1;
  }

  return shipped;
}
