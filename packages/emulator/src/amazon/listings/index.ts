/** The listings area: Listings Items, Product Type Definitions and Catalog Items. */
import type { AreaWithTick } from '../server/mount';
import { catalogRoutes } from './catalog-routes';
import { definitionsRoutes } from './definitions-routes';
import { listingsItemRoutes } from './items-routes';
import { seedListings } from './records';

/** Listings routes for the mount table. */
export const listingsArea: AreaWithTick = {
  seed: seedListings,
  routes: (ctx) => [...listingsItemRoutes(ctx), ...definitionsRoutes(ctx), ...catalogRoutes(ctx)],
};
