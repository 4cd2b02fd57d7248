/**
 * inventoryAdjustment: the `inventory` sublist (not `item`) moves `adjustQtyBy` at the line
 * location or `adjLocation`; at most 1,000 lines per adjustment (shared/reference/netsuite.md
 * §6.6; https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_0817101055.html).
 */
import type { Behaviour } from '../context';
import { NsError, invalidFieldValue, missingField } from '../errors';
import { movesFor } from './inventory';
import { linesOf, refId } from './lines';

/** Behaviour of inventoryAdjustment. */
export const inventoryAdjustmentBehaviour: Behaviour = {
  prepare(draft, ctx) {
    const lines = linesOf(draft.body, 'inventory');
    if (lines.length === 0) throw missingField('inventory', 'Adjustments');
    if (lines.length > ctx.features.adjustmentLineLimit) {
      throw new NsError(
        400,
        'USER_ERROR',
        `An inventory adjustment can have at most ${ctx.features.adjustmentLineLimit} lines; this one has ${lines.length}.`,
        { path: 'inventory.items' },
      );
    }

    lines.forEach((line, index) => {
      const path = `inventory.items[${index}]`;
      const item = ctx.store.get(refId(line.item) ?? 0);
      if (item?.type !== 'inventoryItem')
        throw invalidFieldValue(`${path}.item`, String(refId(line.item)), 'item');
      if (refId(line.location) === undefined && refId(draft.body.adjLocation) === undefined) {
        throw missingField(`${path}.location`, 'Location');
      }
      if (!Number.isFinite(Number(line.adjustQtyBy)) || Number(line.adjustQtyBy) === 0) {
        throw missingField(`${path}.adjustQtyBy`, 'Adjust Qty. By');
      }
    });
  },
  moves(record, ctx) {
    return linesOf(record.body, 'inventory').flatMap((line) => {
      const location = refId(line.location) ?? refId(record.body.adjLocation) ?? 0;
      return movesFor(ctx, refId(line.item) ?? 0, location, Number(line.adjustQtyBy));
    });
  },
};
