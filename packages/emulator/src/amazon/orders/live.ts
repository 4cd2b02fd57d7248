/**
 * A living world: advances the seeded world (new orders, status steps) and carries its changes
 * into the emulator's orders, publishing ORDER_CHANGE for each, so a running sync sees orders
 * appear and move on.
 */
import { advanceWorld } from '../../world/advance';
import type { WorldChange } from '../../world/types';
import type { AmazonContext } from '../server/types';
import { orderChangePayload } from './confirm-shipment';
import type { OrderRepository } from './repository';

/** Applies world changes to the stored orders. */
export function applyWorldChanges(
  ctx: AmazonContext,
  repo: OrderRepository,
  changes: WorldChange[],
): void {
  for (const change of changes) {
    const fresh = ctx.world.orders.find((o) => o.orderId === change.orderId);
    if (!fresh) continue;

    const stored = repo.get(change.orderId);
    // A seller action (e.g. confirmShipment) may have moved the stored order already: keep it.
    if (
      change.type === 'ORDER_STATUS_CHANGED' &&
      stored?.fulfillment?.fulfillmentStatus !== change.from
    )
      continue;
    repo.save(structuredClone(fresh));
    const reason =
      change.type === 'ORDER_CREATED' ? 'Order created' : `Status changed to ${change.to}`;
    ctx.publish({
      type: 'ORDER_CHANGE',
      payload: orderChangePayload(fresh, ctx.world.seller.sellerId, reason, change.at),
    });
  }
}

/** Advances the world by `ms` of world time and applies the changes. */
export function advanceLiveWorld(
  ctx: AmazonContext,
  repo: OrderRepository,
  ms: number,
): WorldChange[] {
  const changes = advanceWorld(ctx.world, ms);
  applyWorldChanges(ctx, repo, changes);
  return changes;
}

/** Tick of a live world: moves the world up to the emulator clock. */
export function followClock(ctx: AmazonContext, repo: OrderRepository): void {
  const behindMs = ctx.clock().getTime() - Date.parse(ctx.world.now);
  if (behindMs > 0) advanceLiveWorld(ctx, repo, behindMs);
}
