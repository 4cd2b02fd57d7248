/**
 * Mounts every route module on the router. In `world` mode: EMU-API's areas (tokens, orders,
 * listings, definitions, catalog, feeds, notifications) and EMU-WORLD's areas (reports,
 * finances, FBA inventory, inbound). In `static` mode: Amazon's static sandbox examples.
 */
import { feedsArea } from '../feeds';
import { listingsArea } from '../listings';
import { notificationsArea } from '../notifications';
import { ordersArea } from '../orders';
import { staticSandboxRoutes } from './static-sandbox';
import { tokenRoutes } from './tokens-routes';
import type { Router } from './router';
import type { AmazonContext, RouteModule } from './types';

/** Mounted areas plus their periodic work. */
export interface MountedAreas {
  /** Advances lifecycles (feed processing) and publishes due notifications. */
  tick(): void;
}

/** Options of {@link mountRoutes}. */
export interface MountOptions {
  mode: 'world' | 'static';
  staticExamplesDir?: string;
}

/** An area with periodic work besides its routes. */
export interface AreaWithTick {
  routes: RouteModule;
  tick?: (ctx: AmazonContext) => void;
  seed?: (ctx: AmazonContext) => void;
}

const WORLD_AREAS: AreaWithTick[] = [
  { routes: tokenRoutes },
  ordersArea,
  listingsArea,
  feedsArea,
  notificationsArea,
];

/** Mounts the areas of `mode` and returns their tick. */
export function mountRoutes(
  ctx: AmazonContext,
  router: Router,
  options: MountOptions,
): MountedAreas {
  if (options.mode === 'static') {
    if (!options.staticExamplesDir)
      throw new Error("mode 'static' needs staticExamplesDir (a folder of sandbox example files)");
    router.add(staticSandboxRoutes(options.staticExamplesDir));
    return { tick() {} };
  }

  for (const area of WORLD_AREAS) {
    area.seed?.(ctx);
    router.add(area.routes(ctx));
  }
  return {
    tick() {
      for (const area of WORLD_AREAS) area.tick?.(ctx);
    },
  };
}
