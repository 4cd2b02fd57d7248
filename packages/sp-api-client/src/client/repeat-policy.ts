/**
 * Which operations may be sent again after a failure that leaves open whether Amazon processed
 * the first attempt (a 5xx, a reset after connecting, a timeout). Style guideline 9: a write is
 * either safe to repeat or not repeated. Reads (GET) always are; every write of the generated
 * table has an entry here (a test checks it), and a write without one is not repeated.
 *
 * "Harmless" means a repeat cannot duplicate a side effect: it sets the same state again,
 * creates something nobody uses (an orphaned report or upload URL), or is refused by Amazon
 * because the first attempt already took effect — the caller then sees an error where it would
 * otherwise have seen the 5xx or the reset.
 */
import type { OperationSpec } from '../generated/operations';

/** True when a repeat is harmless; a function decides from the request body. */
type RepeatRule = boolean | ((body: unknown) => boolean);

// Feed types whose messages only set state (put/patch/delete of a listing by SKU), so a feed
// processed twice leaves the same listings. Feed types that create things (removal orders,
// inbound shipments) are not listed: their repeat would create them twice.
const STATE_SETTING_FEED_TYPES: ReadonlySet<string> = new Set(['JSON_LISTINGS_FEED']);

function isStateSettingFeed(body: unknown): boolean {
  const feedType = (body as { feedType?: unknown } | undefined)?.feedType;

  return typeof feedType === 'string' && STATE_SETTING_FEED_TYPES.has(feedType);
}

/** Writes by operation key: may they be repeated after a possible delivery? */
export const REPEAT_AFTER_POSSIBLE_DELIVERY: Readonly<Record<string, RepeatRule>> = {
  // Orders v0. The package is keyed by packageReferenceId and the call also edits an already
  // confirmed package (reference §2.10), so a repeat never adds a second package; when Amazon
  // refuses it, the fulfillments flow finds the package on the order and counts it as done.
  confirmShipment: true,
  // Sets the shipment status (ReadyForPickup, PickedUp, RefusedPickup): state, not an event.
  updateShipmentStatus: true,
  // Approves or rejects the regulated-order verification: state.
  updateVerificationStatus: true,

  // Reports. A second report is an orphan nobody reads (one report of the quota).
  createReport: true,
  // Cancelling a cancelled report is refused (only IN_QUEUE reports can be cancelled): no effect.
  cancelReport: true,
  // Amazon replaces a schedule with the same report type and marketplaces (reports model).
  createReportSchedule: true,
  cancelReportSchedule: true,

  // Feeds. An upload URL is an orphan when unused; a listings feed twice sets the same state.
  createFeedDocument: true,
  createFeed: isStateSettingFeed,
  cancelFeed: true,

  // Listings Items: PUT/PATCH/DELETE set the item's state by SKU.
  putListingsItem: true,
  patchListingsItem: true,
  deleteListingsItem: true,

  // FBA Inventory sandbox-only writes. addInventory adds a quantity: a repeat adds it twice
  // (its idempotency-token header is not sent by this client).
  createInventoryItem: true,
  deleteInventoryItem: true,
  addInventory: false,

  // Fulfillment Inbound 2024-03-20. A new plan is a second plan.
  createInboundPlan: false,
  // These set state of an existing plan or shipment (names, addresses, tracking, cancellation,
  // packing and prep details) or generate options whose latest set is the one used.
  cancelInboundPlan: true,
  updateInboundPlanName: true,
  setPackingInformation: true,
  generatePackingOptions: true,
  generatePlacementOptions: true,
  generateShipmentContentUpdatePreviews: true,
  generateDeliveryWindowOptions: true,
  generateSelfShipAppointmentSlots: true,
  generateTransportationOptions: true,
  updateShipmentName: true,
  cancelSelfShipAppointment: true,
  updateShipmentSourceAddress: true,
  updateShipmentTrackingDetails: true,
  updateItemComplianceDetails: true,
  setPrepDetails: true,
  // Label documents are generated on request; a second set is unused.
  createMarketplaceItemLabels: true,
  // Confirmations commit to fees, carriers and appointments; the models do not say what a
  // second confirmation does, so they are not repeated.
  confirmPackingOption: false,
  confirmPlacementOption: false,
  confirmShipmentContentUpdatePreview: false,
  confirmDeliveryWindowOptions: false,
  confirmTransportationOptions: false,
  scheduleSelfShipAppointment: false,

  // Tokens: a second RDT is simply not used.
  createRestrictedDataToken: true,

  // Notifications. A second subscription or destination is refused with 409 or created twice
  // (the model does not say which); a test notification is sent again.
  createSubscription: false,
  createDestination: false,
  sendTestNotification: false,
  deleteSubscriptionById: true,
  deleteDestination: true,
};

/**
 * True when the operation may be sent again although the previous attempt may have reached
 * Amazon.
 */
export function isRepeatableAfterPossibleDelivery(
  operation: string,
  spec: OperationSpec,
  body: unknown,
): boolean {
  if (spec.method === 'GET') return true;

  const rule = REPEAT_AFTER_POSSIBLE_DELIVERY[operation] ?? false;
  return typeof rule === 'function' ? rule(body) : rule;
}
