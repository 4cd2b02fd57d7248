import { generateCatalog } from './catalog';
import { attachDerived, refreshAdjustments } from './derived';
import { generateInbound } from './inbound';
import { MARKETPLACES } from './marketplaces';
import { generateOrders, indexCatalog } from './orders';
import { createPrng } from './prng';
import { loadSandboxOrders } from './sandbox';
import { parseIso } from './time';
import type { ResolvedWorldOptions, World, WorldOptions } from './types';

/** Default frozen "now" of a world. */
export const DEFAULT_WORLD_START = '2026-11-30T12:00:00Z';
const MIN_ORDERS = 50;
const MAX_ORDERS = 100_000;

/**
 * Applies defaults and validates world options.
 *
 * @throws RangeError naming the option when it is out of range.
 */
export function resolveWorldOptions(options: WorldOptions = {}): ResolvedWorldOptions {
  const resolved: ResolvedWorldOptions = {
    seed: options.seed ?? 1,
    orders: options.orders ?? 200,
    marketplaces: options.marketplaces ?? ['US'],
    sandboxExamplesDir: options.sandboxExamplesDir ?? '',
    startTime: options.startTime ?? DEFAULT_WORLD_START,
    ...(options.openShare === undefined ? {} : { openShare: options.openShare }),
  };

  if (
    !Number.isInteger(resolved.orders) ||
    resolved.orders < MIN_ORDERS ||
    resolved.orders > MAX_ORDERS
  ) {
    throw new RangeError(
      `worldOptions.orders must be an integer in ${MIN_ORDERS}..${MAX_ORDERS}, got ${resolved.orders}`,
    );
  }

  if (!Number.isInteger(resolved.seed))
    throw new RangeError(`worldOptions.seed must be an integer, got ${resolved.seed}`);
  if (resolved.marketplaces.length === 0)
    throw new RangeError('worldOptions.marketplaces must not be empty');
  for (const code of resolved.marketplaces) {
    if (!(code in MARKETPLACES))
      throw new RangeError(`worldOptions.marketplaces: unknown marketplace '${code}'`);
  }

  const share = resolved.openShare;
  if (share !== undefined && !(share >= 0 && share <= 1))
    throw new RangeError(`worldOptions.openShare must be within 0..1, got ${share}`);

  parseIso(resolved.startTime, 'worldOptions.startTime');
  return resolved;
}

/**
 * Creates a deterministic seller world: the same options always give the same world.
 *
 * @throws RangeError when an option is out of range.
 * @example
 * const world = createWorld({ seed: 7, orders: 1_000, marketplaces: ['US', 'DE'] });
 */
export function createWorld(options: WorldOptions = {}): World {
  const resolved = resolveWorldOptions(options);
  const rng = createPrng(resolved.seed);
  const nowMs = parseIso(resolved.startTime);
  const marketplaces = [...new Set(resolved.marketplaces)].map((code) => MARKETPLACES[code]);

  const catalog = generateCatalog(rng, marketplaces, resolved.orders);
  const orders = generateOrders(
    rng,
    indexCatalog(catalog),
    marketplaces,
    resolved.orders,
    nowMs,
    undefined,
    { openShare: resolved.openShare },
  );

  if (resolved.sandboxExamplesDir) {
    const ids = new Set(marketplaces.map((market) => market.id));
    orders.push(...loadSandboxOrders(resolved.sandboxExamplesDir, ids));
    orders.sort((a, b) =>
      a.createdTime < b.createdTime ? -1 : a.createdTime > b.createdTime ? 1 : 0,
    );
  }

  const world: World = {
    options: resolved,
    now: new Date(nowMs).toISOString(),
    seller: { sellerId: 'A2SELLERBRIDGE1', name: 'SellerBridge Demo Store', marketplaces },
    catalog,
    orders,
    settlements: [],
    returns: [],
    adjustments: [],
    inboundShipments: generateInbound(rng, catalog, marketplaces, nowMs),
  };

  refreshAdjustments(world);
  return attachDerived(world);
}
