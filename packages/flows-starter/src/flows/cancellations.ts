/**
 * MFN cancellations through the decision table (orders/cancellation.ts): close the lines of a
 * pending sales order once, report a shipped or billed one.
 */
import type { HandleResult } from '@sellerbridge/flows-core';

import type { AmazonOrder } from '../orders/amazon-order';
import { decideCancellation, toStatusLetter } from '../orders/cancellation';
import { CancelledAfterFulfilmentError } from '../orders/errors';
import type { StarterContext } from './context';

/** Link source key of an Amazon order. */
export function orderSourceKey(orderId: string): string {
  return `amazon-order:${orderId}`;
}

type SalesOrderLine = {
  line?: unknown;
  quantityFulfilled?: unknown;
  quantityBilled?: unknown;
  isClosed?: unknown;
};

const positive = (value: unknown): boolean => Number(value ?? 0) > 0;

/**
 * Applies a cancelled Amazon order to its sales order.
 * @throws CancelledAfterFulfilmentError when the sales order is fulfilled or billed.
 */
export async function handleCancellation(
  ctx: StarterContext,
  order: AmazonOrder,
): Promise<HandleResult> {
  const sourceKey = orderSourceKey(order.orderId);
  const link = ctx.settings.orders.handleCancellations
    ? await ctx.links.get('salesOrder', sourceKey)
    : undefined;

  if (!link) {
    return { outcome: 'skipped', note: 'cancelled; no sales order to close' };
  }

  if (await ctx.links.get('salesOrderCancellation', sourceKey)) {
    return {
      outcome: 'skipped',
      netsuiteId: link.netsuiteId,
      note: 'cancellation already applied',
    };
  }

  const record = (await ctx.netsuite.records.get('salesOrder', link.netsuiteId, {
    expandSubResources: true,
    signal: ctx.signal,
  })) as Record<string, unknown>;
  const lines = ((record.item as { items?: SalesOrderLine[] } | undefined)?.items ??
    []) as SalesOrderLine[];
  const decision = decideCancellation({
    status: record.status,
    anyLineFulfilledOrBilled: lines.some(
      (line) => positive(line.quantityFulfilled) || positive(line.quantityBilled),
    ),
  });

  if (decision.decision === 'error') {
    throw new CancelledAfterFulfilmentError(
      order.orderId,
      link.netsuiteId,
      toStatusLetter(record.status) ?? 'unknown',
    );
  }

  if (decision.decision !== 'closeLines') {
    return { outcome: 'skipped', netsuiteId: link.netsuiteId, note: decision.reason };
  }

  await ctx.links.createOnce({
    sourceKey,
    recordType: 'salesOrderCancellation',
    externalId: `${link.externalId}-cancel`,
    summary: `close the lines of sales order ${link.netsuiteId} (cancelled on Amazon)`,
    create: async () => {
      const closed = lines
        .filter((line) => line.isClosed !== true)
        .map((line) => ({ line: Number(line.line), isClosed: true }));
      await ctx.netsuite.records.update(
        'salesOrder',
        link.netsuiteId,
        { item: { items: closed } },
        { signal: ctx.signal },
      );

      return link.netsuiteId;
    },
  });

  return {
    outcome: 'updated',
    netsuiteId: link.netsuiteId,
    note: 'lines closed (cancelled on Amazon)',
  };
}
