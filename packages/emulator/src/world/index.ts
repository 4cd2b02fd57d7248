/** Public surface of the world generator, re-exported by the package entry point. */
export { advanceWorld } from './advance';
export { createWorld, resolveWorldOptions, DEFAULT_WORLD_START } from './create';
export { MARKETPLACES, marketplaceById } from './marketplaces';
export { formatCents, parseCents } from './money';
export type {
  CatalogItem,
  CatalogNetSuite,
  CurrencyCode,
  FulfillmentStatus,
  MarketplaceCode,
  Money,
  ResolvedWorldOptions,
  SettlementLine,
  World,
  WorldAdjustment,
  WorldChange,
  WorldInbound,
  WorldInboundItem,
  WorldMarketplace,
  WorldOptions,
  WorldOrder,
  WorldOrderItem,
  WorldOrderPackage,
  WorldReturn,
  WorldSeller,
  WorldSettlement,
} from './types';
