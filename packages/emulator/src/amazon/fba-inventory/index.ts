/** FBA Inventory v1 area of the emulator. */
export { fbaInventoryRoutes, INVENTORY_TOKEN_TTL_MS } from './routes';
export { inventorySummaries } from './summaries';
export type { InventorySummary } from './summaries';
