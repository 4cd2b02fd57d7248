/** The orders area: 2026-01-01 search/get, v0 reads and confirmShipment over one repository. */
import type { AreaWithTick } from '../server/mount';
import type { AmazonContext } from '../server/types';
import { confirmShipmentRoute } from './confirm-shipment';
import { followClock } from './live';
import { OrderRepository } from './repository';
import { orders2026Routes } from './search-2026';
import { ordersV0Routes } from './v0-routes';

const repositories = new WeakMap<AmazonContext, OrderRepository>();

/** The repository of a context (created and seeded on first use). */
export function orderRepository(ctx: AmazonContext): OrderRepository {
  let repo = repositories.get(ctx);
  if (!repo) {
    repo = new OrderRepository(ctx);
    repo.seed();
    repositories.set(ctx, repo);
  }
  return repo;
}

/** Orders routes for the mount table; `liveWorld` lets the world follow the emulator clock. */
export function createOrdersArea(options: { liveWorld: boolean }): AreaWithTick {
  return {
    seed: (ctx) => void orderRepository(ctx),
    routes: (ctx) => {
      const repo = orderRepository(ctx);
      return [
        ...orders2026Routes(ctx, repo),
        ...ordersV0Routes(ctx, repo),
        confirmShipmentRoute(ctx, repo),
      ];
    },
    tick: options.liveWorld ? (ctx) => followClock(ctx, orderRepository(ctx)) : undefined,
  };
}
