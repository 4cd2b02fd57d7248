import { createHash } from 'node:crypto';

import { worldVersion } from '../../world/derived';
import { marketplaceById } from '../../world/marketplaces';
import type { SettlementLine, World, WorldSettlement } from '../../world/types';

/** One financial transaction: settlement lines Amazon posts together (one order shipment, one fee...). */
export interface FinanceTransaction {
  transactionId: string;
  groupId: string;
  settlement: WorldSettlement;
  postedMs: number;
  lines: SettlementLine[];
  totalCents: number;
}

/** Everything finances serve, derived once per world clock. */
export interface FinanceView {
  groups: WorldSettlement[];
  groupIdOf: Map<string, string>;
  transactions: FinanceTransaction[];
}

const cache = new WeakMap<World, { key: string; view: FinanceView }>();

/**
 * Financial event group id of a settlement. Amazon's ids are opaque base64 strings distinct from
 * the settlement id; the emulator derives one deterministically so both APIs agree.
 */
export function groupIdFor(settlementId: string): string {
  return createHash('sha256').update(`feg|${settlementId}`).digest('base64url').slice(0, 43);
}

function transactionKey(line: SettlementLine): string {
  if (line.orderId)
    return `${line.transactionType}|${line.orderId}|${line.adjustmentId}|${line.postedDate}`;
  return `${line.transactionType}|${line.amountType}|${line.amountDescription}|${line.sku}|${line.postedDate}`;
}

function buildView(world: World): FinanceView {
  const groups = world.settlements;
  const groupIdOf = new Map(groups.map((s) => [s.settlementId, groupIdFor(s.settlementId)]));
  const transactions: FinanceTransaction[] = [];

  for (const settlement of groups) {
    const byKey = new Map<string, FinanceTransaction>();
    for (const line of settlement.lines) {
      const key = transactionKey(line);
      let tx = byKey.get(key);
      if (!tx) {
        tx = {
          transactionId: createHash('sha1')
            .update(`${settlement.settlementId}|${key}`)
            .digest('hex')
            .slice(0, 32),
          groupId: groupIdOf.get(settlement.settlementId) ?? '',
          settlement,
          postedMs: line.postedMs,
          lines: [],
          totalCents: 0,
        };
        byKey.set(key, tx);
        transactions.push(tx);
      }

      tx.lines.push(line);
      tx.totalCents += line.amountCents;
    }
  }

  transactions.sort(
    (a, b) => a.postedMs - b.postedMs || a.transactionId.localeCompare(b.transactionId),
  );
  return { groups, groupIdOf, transactions };
}

/** The finance view of the world at its current clock (cached until the clock or orders change). */
export function financeView(world: World): FinanceView {
  const key = worldVersion(world);
  const hit = cache.get(world);
  if (hit?.key === key) return hit.view;

  const view = buildView(world);
  cache.set(world, { key, view });
  return view;
}

/** Amount as the finances APIs write it: a JSON number with two decimals. */
export function toAmount(cents: number): number {
  return Number((cents / 100).toFixed(2));
}

/** Marketplace of a settlement. */
export function marketplaceOf(settlement: WorldSettlement): {
  id: string;
  name: string;
  currency: string;
} {
  const market = marketplaceById(settlement.marketplaceId);
  return { id: settlement.marketplaceId, name: market?.name ?? '', currency: settlement.currency };
}
