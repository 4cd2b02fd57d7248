/**
 * Inventory movements: which (item, location) pairs a line moves, kits expanded into their
 * members, and the negative-stock check NetSuite applies unless negative inventory is allowed.
 */
import type { NsContext } from '../context';
import { NsError } from '../errors';
import type { InventoryMove } from '../records/store';
import { linesOf, quantityOf, refId } from './lines';

/** Moves of `quantity` × item at a location (kit → each member × its quantity). */
export function movesFor(
  ctx: NsContext,
  itemId: number,
  locationId: number,
  quantity: number,
): InventoryMove[] {
  const item = ctx.store.get(itemId);
  if (item?.type === 'inventoryItem') return [{ itemId, locationId, quantity }];
  if (item?.type !== 'kitItem') return [];

  return linesOf(item.body, 'member').flatMap((member) => {
    const memberId = refId(member.item);
    if (memberId === undefined) return [];
    return movesFor(ctx, memberId, locationId, quantity * quantityOf(member));
  });
}

/** Moves of every line of a sublist with a location, signed by `sign`. */
export function lineMoves(
  ctx: NsContext,
  body: Record<string, unknown>,
  sign: 1 | -1,
  defaultLocation: number | undefined,
): InventoryMove[] {
  return linesOf(body).flatMap((line) => {
    const itemId = refId(line.item);
    const locationId = refId(line.location) ?? defaultLocation;
    if (itemId === undefined || locationId === undefined) return [];

    return movesFor(ctx, itemId, locationId, sign * quantityOf(line, 0));
  });
}

/** Refuses a write that leaves an item below zero at a location. */
export function checkBalances(ctx: NsContext, moves: InventoryMove[]): void {
  if (ctx.features.allowNegativeInventory) return;

  for (const move of moves) {
    if (move.quantity >= 0) continue;

    const onHand = ctx.store.onHand(move.itemId, move.locationId);
    if (onHand < 0) {
      const item = ctx.store.get(move.itemId)?.refName ?? String(move.itemId);
      const location = ctx.store.get(move.locationId)?.refName ?? String(move.locationId);
      throw new NsError(
        400,
        'USER_ERROR',
        `Insufficient quantity on hand for item ${item} at location ${location}.`,
      );
    }
  }
}
