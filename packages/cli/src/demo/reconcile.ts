/**
 * The demo's reconciliation: what the emulated Amazon says must be true of NetSuite after the
 * Starter flows ran, computed independently of the flows (integer cents from Amazon's own
 * proceeds; NetSuite read through the emulator's inspection API, not through our client).
 */
import type { RunningEmulators, WorldOrder } from '@sellerbridge/emulator';
import type { Integration } from '@sellerbridge/flows-core';
import { salesOrderExternalId } from '@sellerbridge/flows-starter';

/** One check of the reconciliation. */
export interface ReconciliationCheck {
  name: string;
  passed: boolean;
  /** What was compared, e.g. "152 orders exactly once, 9 held as error records". */
  detail: string;
  /** Up to five examples of what differs. */
  problems: string[];
}

const IMPORTABLE = new Set(['UNSHIPPED', 'PARTIALLY_SHIPPED', 'SHIPPED']);
const TRANSACTION_TYPES = ['salesOrder', 'invoice', 'cashSale'];

/** Runs every check. */
export async function reconcile(
  emulators: RunningEmulators,
  integration: Integration,
  syncStart: string,
): Promise<ReconciliationCheck[]> {
  const openErrors = await integration.errors.list({
    status: 'open',
    limit: Number.MAX_SAFE_INTEGER,
  });
  const heldOrderIds = new Set(openErrors.map((error) => error.traceKey));
  // Orders last updated before the first sync's start date are out of scope, as for a seller.
  const inScope = (order: WorldOrder): boolean => order.lastUpdatedTime >= syncStart;

  return [
    checkOrders(
      emulators,
      'MFN orders in NetSuite exactly once, totals to the cent',
      mfnOrders(emulators).filter(inScope),
      heldOrderIds,
    ),
    checkOrders(
      emulators,
      'FBA orders in NetSuite exactly once, totals to the cent',
      fbaOrders(emulators).filter(inScope),
      heldOrderIds,
    ),
    checkQuantities(emulators),
    checkPrices(emulators),
  ];
}

function mfnOrders(emulators: RunningEmulators): WorldOrder[] {
  return emulators.world.orders.filter(
    (order) =>
      order.fulfillment?.fulfilledBy === 'MERCHANT' &&
      IMPORTABLE.has(order.fulfillment.fulfillmentStatus) &&
      isPriced(order),
  );
}

function fbaOrders(emulators: RunningEmulators): WorldOrder[] {
  return emulators.world.orders.filter(
    (order) =>
      order.fulfillment?.fulfilledBy === 'AMAZON' &&
      order.fulfillment.fulfillmentStatus === 'SHIPPED' &&
      isPriced(order),
  );
}

function isPriced(order: WorldOrder): boolean {
  return order.orderItems.every(
    (item) => item.quantityOrdered === 0 || item.proceeds !== undefined,
  );
}

function checkOrders(
  emulators: RunningEmulators,
  name: string,
  orders: WorldOrder[],
  heldOrderIds: Set<string>,
): ReconciliationCheck {
  const sellerId = emulators.amazon.credentials.sellingPartnerId;
  const { inspect } = emulators.netsuite;
  const problems: string[] = [];
  let once = 0;
  let held = 0;

  for (const order of orders) {
    const externalId = salesOrderExternalId(sellerId, order.orderId);
    const copies = TRANSACTION_TYPES.flatMap((type) => {
      const record = inspect.findByExternalId(type, externalId);
      return record ? Array.from({ length: inspect.count(type, externalId) }, () => record) : [];
    });

    if (copies.length === 0 && heldOrderIds.has(order.orderId)) held += 1;
    else if (copies.length === 0)
      problems.push(`${order.orderId}: not in NetSuite and no open error record`);
    else if (copies.length > 1)
      problems.push(`${order.orderId}: ${copies.length} records in NetSuite`);
    else if (cents(copies[0]!.body.total) !== amazonTotalCents(order)) {
      problems.push(
        `${order.orderId}: NetSuite total ${String(copies[0]!.body.total)} ≠ Amazon ${formatCents(amazonTotalCents(order))}`,
      );
    } else once += 1;
  }

  return {
    name,
    passed: problems.length === 0,
    detail: `${once} of ${orders.length} exactly once with equal totals, ${held} held as open error records`,
    problems: problems.slice(0, 5),
  };
}

function checkQuantities(emulators: RunningEmulators): ReconciliationCheck {
  const warehouse = emulators.netsuite.inspect.seeded.locations.warehouse;
  const items = emulators.world.catalog.filter(
    (item) => item.channels.includes('MFN') && item.inNetSuite && item.kind === 'inventory',
  );
  const problems: string[] = [];

  for (const item of items) {
    const available = emulators.netsuite.inspect
      .inventory({ item: item.sku, locationId: warehouse })
      .reduce((sum, row) => sum + Math.max(0, row.available), 0);
    const listed = emulators.amazon.inspect.listing(item.sku)?.quantity;
    if (listed !== available)
      problems.push(`${item.sku}: Amazon ${String(listed)} ≠ NetSuite ${available}`);
  }

  return {
    name: 'Amazon MFN quantities equal NetSuite availability',
    passed: problems.length === 0,
    detail: `${items.length - problems.length} of ${items.length} SKUs equal`,
    problems: problems.slice(0, 5),
  };
}

function checkPrices(emulators: RunningEmulators): ReconciliationCheck {
  const items = emulators.world.catalog.filter(
    (item) =>
      item.channels.includes('MFN') && item.inNetSuite && item.netsuite.priceLevel2 !== undefined,
  );
  const problems: string[] = [];

  for (const item of items) {
    const listed = emulators.amazon.inspect.listing(item.sku)?.price;
    if (listed === undefined || cents(listed) !== cents(item.netsuite.priceLevel2)) {
      problems.push(
        `${item.sku}: Amazon ${String(listed)} ≠ NetSuite ${String(item.netsuite.priceLevel2)}`,
      );
    }
  }

  return {
    name: 'Amazon prices equal the NetSuite Amazon price level',
    passed: problems.length === 0,
    detail: `${items.length - problems.length} of ${items.length} SKUs equal`,
    problems: problems.slice(0, 5),
  };
}

/** Amazon's total of an order in cents: the sum of every item's proceeds breakdowns. */
function amazonTotalCents(order: WorldOrder): number {
  return order.orderItems.reduce(
    (sum, item) =>
      sum +
      (item.proceeds?.breakdowns ?? []).reduce(
        (inner, entry) => inner + cents(entry.subtotal.amount),
        0,
      ),
    0,
  );
}

/** Cents of a decimal string, without floating-point arithmetic. */
function cents(amount: unknown): number {
  const text = String(amount ?? '0').trim();
  const negative = text.startsWith('-');
  const [whole = '0', fraction = ''] = text.replace('-', '').split('.');
  const value = Number(whole) * 100 + Number(`${fraction}00`.slice(0, 2));

  return negative ? -value : value;
}

function formatCents(value: number): string {
  const sign = value < 0 ? '-' : '';
  const absolute = Math.abs(value);

  return `${sign}${Math.floor(absolute / 100)}.${String(absolute % 100).padStart(2, '0')}`;
}
