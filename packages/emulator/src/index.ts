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
export { startNetSuiteEmulator } from './netsuite/start';
export type { NetSuiteEmulatorOptions, RunningNetSuiteEmulator } from './netsuite/start';
export type { InspectedRecord, InventoryRow, NetSuiteInspector } from './netsuite/inspect';
export type { SeededRefs } from './netsuite/seed';
export type { AccountFeatures } from './netsuite/context';
export type { TbaCredentials } from './netsuite/auth/tba';
export type {
  FaultKind as NetSuiteFaultKind,
  NetSuiteFaultOptions,
} from './netsuite/server/faults';
export type { GovernanceStats, LatencyOptions } from './netsuite/server/governance';
export { DUPLICATE_EXTERNAL_ID } from './netsuite/errors';
export { startEmulators } from './start';
export type { RunningEmulators, StartEmulatorsOptions } from './start';
export { advanceWorld, createWorld, DEFAULT_WORLD_START } from './world';
export type { CatalogItem, World, WorldChange, WorldOptions, WorldOrder } from './world';
