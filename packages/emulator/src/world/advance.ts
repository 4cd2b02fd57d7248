import { marketplaceById } from './marketplaces';
import { priceOrderItem, type LineContext } from './order-items';
import { applyStatus } from './order-status';
import { addOrderProceeds, generateOrders, indexCatalog } from './orders';
import { taxBpFor } from './people';
import { createPrng } from './prng';
import { parseIso } from './time';
import type { FulfillmentStatus, World, WorldChange, WorldOrder } from './types';

/** A busy demo store: about one new order every 15 world minutes. */
const NEW_ORDER_EVERY_MS = 15 * 60_000;
/** Open orders move one step forward after this much world time. */
const STEP_AFTER_MS = 2 * 3_600_000;

/** Next status of an open order, per Amazon's order lifecycle. */
const NEXT_STATUS: Partial<Record<FulfillmentStatus, FulfillmentStatus>> = {
  PENDING: 'UNSHIPPED',
  PENDING_AVAILABILITY: 'UNSHIPPED',
  UNSHIPPED: 'SHIPPED',
  PARTIALLY_SHIPPED: 'SHIPPED',
};

/** Pending orders get their prices once payment is authorised. */
function priceOrder(world: World, order: WorldOrder): void {
  const market = marketplaceById(order.salesChannel.marketplaceId ?? '');
  if (!market) return;

  const programs = order.programs ?? [];
  for (const line of order.orderItems) {
    const item = world.catalog.find(
      (c) => c.sku === line.product.sellerSku && c.marketplaceId === market.id,
    );
    if (!item) continue;

    const ctx: LineContext = {
      currency: market.currency,
      taxBp: taxBpFor(order.recipient?.deliveryAddress),
      isPriced: true,
      isBusiness: programs.includes('AMAZON_BUSINESS'),
      chargesShipping: order.fulfillment?.fulfilledBy === 'MERCHANT' && !programs.includes('PRIME'),
      isMarketplaceFacilitator: market.code === 'US',
    };
    const promotionId = line.promotion?.breakdowns?.[0]?.promotionId;
    const giftMessage = line.fulfillment?.packing?.giftOption?.giftMessage;
    if (promotionId) ctx.promotionId = promotionId;
    if (giftMessage) ctx.giftMessage = giftMessage;
    priceOrderItem(line, item, ctx);
  }

  addOrderProceeds(order, market.currency);
}

function progressOrders(world: World, nowMs: number, changes: WorldChange[]): void {
  const rng = createPrng(world.options.seed ^ Math.floor(nowMs / 1000));

  for (const order of world.orders) {
    const from = order.fulfillment?.fulfillmentStatus;
    const to = from ? NEXT_STATUS[from] : undefined;
    if (!from || !to || nowMs - parseIso(order.lastUpdatedTime) < STEP_AFTER_MS) continue;

    if (from === 'PENDING') priceOrder(world, order);
    if (from === 'PENDING_AVAILABILITY') {
      order.programs = order.programs?.filter((program) => program !== 'PREORDER');
    }

    applyStatus(rng, order, to, nowMs);
    changes.push({
      type: 'ORDER_STATUS_CHANGED',
      orderId: order.orderId,
      at: order.lastUpdatedTime,
      from,
      to,
    });
  }
}

/**
 * Moves the world's clock forward by `ms`: open orders progress (pending → unshipped → shipped)
 * and new pending orders arrive. Deterministic for a given seed and sequence of calls.
 *
 * @throws RangeError when `ms` is negative.
 */
export function advanceWorld(world: World, ms: number): WorldChange[] {
  if (!(ms >= 0)) throw new RangeError(`advanceWorld: ms must be >= 0, got ${ms}`);

  const fromMs = parseIso(world.now);
  const toMs = fromMs + ms;
  const changes: WorldChange[] = [];
  progressOrders(world, toMs, changes);

  const count = Math.floor(toMs / NEW_ORDER_EVERY_MS) - Math.floor(fromMs / NEW_ORDER_EVERY_MS);
  if (count > 0) {
    const rng = createPrng(world.options.seed * 31 + Math.floor(toMs / 1000));
    const index = indexCatalog(world.catalog);
    const fresh = generateOrders(rng, index, world.seller.marketplaces, count, toMs, {
      status: 'PENDING',
      fromMs,
    });
    for (const order of fresh) {
      world.orders.push(order);
      changes.push({ type: 'ORDER_CREATED', orderId: order.orderId, at: order.createdTime });
    }
  }

  world.now = new Date(toMs).toISOString();
  return changes;
}
