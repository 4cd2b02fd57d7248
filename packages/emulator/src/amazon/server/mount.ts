/**
 * Mounts every route module on the router. In `world` mode: EMU-API's areas (tokens, orders,
 * listings, definitions, catalog, feeds, notifications) and EMU-WORLD's areas (reports,
 * finances, FBA inventory, inbound). In `static` mode: Amazon's static sandbox examples.
 */
import { feedsArea } from '../feeds';
import { listingsArea } from '../listings';
import { notificationsArea } from '../notifications';
import { fbaInventoryRoutes } from '../fba-inventory';
import { financeRoutes } from '../finances';
import { inboundRoutes } from '../inbound';
import { createOrdersArea } from '../orders';
import { reportRoutes, tickReports } from '../reports';
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
  /** Let the world follow the emulator clock (new orders, status changes). */
  liveWorld?: boolean;
}

/** An area with periodic work besides its routes. */
export interface AreaWithTick {
  routes: RouteModule;
  tick?: (ctx: AmazonContext) => void;
  seed?: (ctx: AmazonContext) => void;
}

function worldAreas(options: MountOptions): AreaWithTick[] {
  return [
    { routes: tokenRoutes },
    createOrdersArea({ liveWorld: options.liveWorld ?? false }),
    listingsArea,
    feedsArea,
    notificationsArea,
    // EMU-WORLD's areas.
    { routes: reportRoutes, tick: tickReports },
    { routes: financeRoutes },
    { routes: fbaInventoryRoutes },
    { routes: inboundRoutes },
  ];
}

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

  const areas = worldAreas(options);
  for (const area of areas) {
    area.seed?.(ctx);
    router.add(area.routes(ctx));
  }
  return {
    tick() {
      for (const area of areas) area.tick?.(ctx);
    },
  };
}
