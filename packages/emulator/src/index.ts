/**
 * @sellerbridge/emulator: faithful local Amazon SP-API (LWA, SQS) and NetSuite servers over a
 * seeded, consistent seller world.
 */
export { startAmazonEmulator } from './amazon/server/emulator';
export type { AmazonEmulatorOptions, RunningAmazonEmulator } from './amazon/server/emulator';
export type { AmazonCredentials } from './amazon/server/lwa';
export type { FaultKind, FaultOptions, QueuedFault } from './amazon/server/faults';
export type { EmulatorLogger } from './amazon/server/http-server';
export type {
  AmazonInspector,
  ConfirmedShipment,
  ListingState,
  OperationCount,
} from './amazon/inspect';
export type {
  AmazonContext,
  AmazonEventType,
  AmazonRequest,
  AmazonResponse,
  AmazonRoute,
  AmazonStore,
  RouteModule,
  StoredDocument,
} from './amazon/server/types';
export { startEmulators } from './start';
export type { RunningEmulators, StartEmulatorsOptions } from './start';
export { advanceWorld, createWorld, DEFAULT_WORLD_START } from './world';
export type { CatalogItem, World, WorldChange, WorldOptions, WorldOrder } from './world';
