/**
 * Small helpers over stored transaction lines (`body.<sublist>.items`).
 */
import type { NsStore, StoredRecord } from '../records/store';

/** A stored sublist line. */
export type Line = Record<string, unknown>;

/** The lines of a sublist (empty when absent). */
export function linesOf(body: Record<string, unknown>, sublist = 'item'): Line[] {
  const value = body[sublist] as { items?: unknown } | undefined;
  return Array.isArray(value?.items) ? (value.items as Line[]) : [];
}

/** Sets the lines of a sublist. */
export function setLines(body: Record<string, unknown>, lines: Line[], sublist = 'item'): void {
  body[sublist] = { items: lines };
}

/** The numeric id of a stored reference `{ id }`, or undefined. */
export function refId(value: unknown): number | undefined {
  if (typeof value !== 'object' || value === null) return undefined;

  const id = Number((value as { id?: unknown }).id);
  return Number.isInteger(id) && id > 0 ? id : undefined;
}

/** A stored `{ id }` reference. */
export function ref(id: number): { id: string } {
  return { id: String(id) };
}

/** Quantity of a line as a number (default 1 on sales lines, NetSuite's form default). */
export function quantityOf(line: Line, fallback = 1): number {
  const value = Number(line.quantity ?? fallback);
  return Number.isFinite(value) ? value : fallback;
}

/** Item types that carry stock and take part in fulfilment. */
export function isFulfillable(store: NsStore, itemId: number | undefined): boolean {
  if (itemId === undefined) return false;

  const type = store.get(itemId)?.type;
  return type === 'inventoryItem' || type === 'kitItem';
}

/** Sum of line quantities of `children` of the given types, per order line. */
export function quantitiesByOrderLine(
  children: StoredRecord[],
  types: string[],
  excludeId?: number,
): Map<number, number> {
  const sums = new Map<number, number>();
  for (const child of children) {
    if (!types.includes(child.type) || child.id === excludeId) continue;

    for (const line of linesOf(child.body)) {
      const orderLine = Number(line.orderLine);
      sums.set(orderLine, (sums.get(orderLine) ?? 0) + quantityOf(line, 0));
    }
  }

  return sums;
}
