import { deriveAdjustments } from './adjustments';
import { deriveRefunds, deriveReturns, type WorldRefund } from './returns';
import { deriveSettlements } from './settlements';
import type { World, WorldAdjustment, WorldReturn, WorldSettlement } from './types';

interface DerivedCache {
  key: string;
  refunds: WorldRefund[];
  returns: WorldReturn[];
  settlements: WorldSettlement[];
}

const caches = new WeakMap<World, DerivedCache>();

/** Derived data is refreshed at most once per 5 world-minutes (a 100k world takes seconds). */
const REFRESH_MS = 5 * 60_000;

/**
 * Cache key of everything derived from a world: changes when orders are added or the clock
 * crosses a 5-minute boundary, so a living world is not re-derived on every tick.
 */
export function worldVersion(world: World): string {
  return `${Math.floor(Date.parse(world.now) / REFRESH_MS)}|${world.orders.length}`;
}

function derive(world: World): DerivedCache {
  const key = worldVersion(world);
  const cached = caches.get(world);
  if (cached?.key === key) return cached;

  const nowMs = Date.parse(world.now);
  const refunds = deriveRefunds(world.orders, nowMs);
  const fresh: DerivedCache = {
    key,
    refunds,
    returns: deriveReturns(world, refunds),
    settlements: deriveSettlements(world, refunds, world.adjustments),
  };
  caches.set(world, fresh);
  return fresh;
}

/** Refunded order lines up to the world's clock (source of Refund rows and financial events). */
export function refundsOf(world: World): WorldRefund[] {
  return derive(world).refunds;
}

/**
 * Makes `settlements` and `returns` lazy, enumerable properties: they are derived from the orders
 * on first read (a 100k-order world has ~600k settlement rows) and again after the clock moves.
 */
export function attachDerived(world: World): World {
  Object.defineProperty(world, 'settlements', {
    enumerable: true,
    configurable: true,
    get: (): WorldSettlement[] => derive(world).settlements,
  });
  Object.defineProperty(world, 'returns', {
    enumerable: true,
    configurable: true,
    get: (): WorldReturn[] => derive(world).returns,
  });
  return world;
}

/** Recomputes the clock-dependent adjustments after the clock moved. */
export function refreshAdjustments(world: World): WorldAdjustment[] {
  world.adjustments = deriveAdjustments(world);
  return world.adjustments;
}
