import type { World, WorldMarketplace, WorldOrder } from '../../../world/types';

/** What a report generator reads. */
export interface ReportInput {
  world: World;
  /** Current orders (the store's, which reflect confirmed shipments), oldest first. */
  orders: readonly WorldOrder[];
  marketplaces: readonly WorldMarketplace[];
  startMs: number;
  endMs: number;
  options: Record<string, string>;
}

/** Flat-file text, or null when there is no data (Amazon then cancels the report). */
export type ReportGenerator = (input: ReportInput) => string | null;
