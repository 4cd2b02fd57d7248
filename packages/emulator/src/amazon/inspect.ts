/**
 * Inspection API for tests: what the emulator received and holds (confirmed shipments, listing
 * quantities and prices, feeds, notifications, request counts) plus test controls (queued
 * faults, authorization codes).
 */
import type { RequestStats } from './server/dispatch';
import type { FaultInjector, QueuedFault } from './server/faults';
import { type AmazonCredentials, createAuthorizationCode } from './server/lwa';
import type { AmazonContext } from './server/types';
import type { NotificationHub } from './notifications/hub';
import { orderRepository } from './orders';
import { advanceLiveWorld } from './orders/live';
import type { WorldChange } from '../world/types';

/** A shipment confirmation as received by confirmShipment. */
export interface ConfirmedShipment {
  orderId: string;
  marketplaceId: string;
  packageReferenceId: string;
  carrierCode: string;
  carrierName?: string;
  shippingMethod?: string;
  trackingNumber: string;
  shipDate: string;
  items: Array<{ orderItemId: string; quantity: number }>;
  receivedAt: string;
}

/** Current state of one listing. */
export interface ListingState {
  sku: string;
  marketplaceId: string;
  productType: string;
  /** MFN quantity (`fulfillment_availability` DEFAULT channel), if set. */
  quantity?: number;
  /** Our price (`purchasable_offer`), decimal string, if set. */
  price?: string;
  currency?: string;
}

/** Counters of one operation. */
export interface OperationCount {
  received: number;
  throttled: number;
}

/** Test-facing view of a running Amazon emulator. */
export interface AmazonInspector {
  confirmedShipments(): ConfirmedShipment[];
  listings(): ListingState[];
  listing(sku: string): ListingState | undefined;
  feeds(): Array<Record<string, unknown>>;
  notifications(): Array<Record<string, unknown>>;
  requestCounts(): Record<string, OperationCount>;
  /** Queues `times` one-shot faults for the next matching requests. */
  injectFault(fault: QueuedFault, times?: number): void;
  /** A fresh single-use `spapi_oauth_code` for the authorization_code grant. */
  createAuthorizationCode(): string;
  /** Moves the world forward by `ms` of world time (new orders, status steps, ORDER_CHANGE). */
  advanceWorld(ms: number): WorldChange[];
}

/** Dependencies of {@link createAmazonInspector}. */
export interface InspectorDeps {
  ctx: AmazonContext;
  stats: RequestStats;
  faults: FaultInjector;
  credentials: AmazonCredentials;
  hub: NotificationHub;
  isWorldMode: boolean;
}

/** Builds the inspector over the emulator's store and counters. */
export function createAmazonInspector(deps: InspectorDeps): AmazonInspector {
  const { ctx } = deps;
  const listings = () => ctx.store.list<{ state: ListingState }>('listing').map((l) => l.state);
  return {
    confirmedShipments: () => ctx.store.list<ConfirmedShipment>('shipmentConfirmation'),
    listings,
    listing: (sku) => listings().find((l) => l.sku === sku),
    feeds: () => ctx.store.list<Record<string, unknown>>('feed'),
    notifications: () => deps.hub.published(),
    requestCounts() {
      const operations = new Set([...deps.stats.received.keys(), ...deps.stats.throttled.keys()]);
      return Object.fromEntries(
        [...operations].map((op) => [
          op,
          {
            received: deps.stats.received.get(op) ?? 0,
            throttled: deps.stats.throttled.get(op) ?? 0,
          },
        ]),
      );
    },
    injectFault: (fault, times = 1) => deps.faults.enqueue(fault, times),
    createAuthorizationCode: () =>
      createAuthorizationCode({
        store: ctx.store,
        clock: ctx.clock,
        credentials: deps.credentials,
      }),
    advanceWorld(ms) {
      if (!deps.isWorldMode) throw new Error('advanceWorld needs the emulator in world mode');
      return advanceLiveWorld(ctx, orderRepository(ctx), ms);
    },
  };
}
