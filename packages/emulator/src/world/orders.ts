import { formatCents } from './money';
import { ORDER_ID_PREFIX } from './marketplaces';
import { buildOrderItem, sumBreakdownCents, type LineContext } from './order-items';
import { generatePerson } from './people';
import type { Prng } from './prng';
import type {
  CatalogItem,
  FulfillmentStatus,
  WorldMarketplace,
  WorldOrder,
  WorldOrderItem,
} from './types';
import { applyStatus } from './order-status';
import { isoSeconds } from './time';

const DAY_MS = 86_400_000;
/** How far back the generated order history reaches. */
const HISTORY_DAYS = 90;

/** Status mix: shipped dominates, every status of the model appears. */
const STATUS_WEIGHTS: ReadonlyArray<[FulfillmentStatus | 'PREORDER', number]> = [
  ['SHIPPED', 70],
  ['CANCELLED', 7],
  ['UNSHIPPED', 10],
  ['PENDING', 6],
  ['PARTIALLY_SHIPPED', 4],
  ['PREORDER', 2],
  ['UNFULFILLABLE', 1],
];
const WEIGHT_TOTAL = STATUS_WEIGHTS.reduce((sum, [, weight]) => sum + weight, 0);

const PROMOTIONS = ['PROMO-BF2026', 'Coupon 10% off', 'PLM-0815'];
const GIFT_MESSAGES = ['Happy birthday!', 'Frohe Weihnachten ♥', 'With love — M.'];

/** Catalog slices per marketplace and channel, built once per world. */
export interface CatalogIndex {
  sellable(marketplaceId: string, channel: 'MFN' | 'FBA'): CatalogItem[];
  extras(marketplaceId: string): CatalogItem[];
}

/** Indexes the catalog by marketplace and channel. */
export function indexCatalog(catalog: readonly CatalogItem[]): CatalogIndex {
  const sellable = new Map<string, CatalogItem[]>();
  const extras = new Map<string, CatalogItem[]>();

  for (const item of catalog) {
    if (item.kind === 'nonInventory') {
      extras.set(item.marketplaceId, [...(extras.get(item.marketplaceId) ?? []), item]);
      continue;
    }

    for (const channel of item.channels) {
      const key = `${item.marketplaceId}|${channel}`;
      const list = sellable.get(key) ?? [];
      list.push(item);
      sellable.set(key, list);
    }
  }

  return {
    sellable: (id, channel) => sellable.get(`${id}|${channel}`) ?? [],
    extras: (id) => extras.get(id) ?? [],
  };
}

const CLOSED = new Set<string>(['SHIPPED', 'CANCELLED']);
const CLOSED_WEIGHTS = STATUS_WEIGHTS.filter(([status]) => CLOSED.has(status));
const OPEN_WEIGHTS = STATUS_WEIGHTS.filter(([status]) => !CLOSED.has(status));

/** A status from the default mix, or open with probability `openShare` when it is set. */
function pickStatus(rng: Prng, openShare: number | undefined): FulfillmentStatus | 'PREORDER' {
  if (openShare === undefined) return pickWeighted(rng, STATUS_WEIGHTS);

  return pickWeighted(rng, rng.chance(openShare) ? OPEN_WEIGHTS : CLOSED_WEIGHTS);
}

function pickWeighted(
  rng: Prng,
  weights: ReadonlyArray<[FulfillmentStatus | 'PREORDER', number]>,
): FulfillmentStatus | 'PREORDER' {
  const total =
    weights === STATUS_WEIGHTS ? WEIGHT_TOTAL : weights.reduce((sum, [, w]) => sum + w, 0);
  let roll = rng.int(1, total);
  for (const [status, weight] of weights) {
    roll -= weight;
    if (roll <= 0) return status;
  }

  return 'SHIPPED';
}

/** Open orders are recent; closed ones spread over the whole history. */
function createdMsFor(rng: Prng, status: FulfillmentStatus | 'PREORDER', nowMs: number): number {
  const isOpen = status !== 'SHIPPED' && status !== 'CANCELLED';
  const spanMs = isOpen ? 3 * DAY_MS : HISTORY_DAYS * DAY_MS;
  return nowMs - rng.int(10 * 60_000, spanMs);
}

/** Generates an Amazon 3-7-7 order id. */
export function orderIdFor(rng: Prng, market: WorldMarketplace): string {
  return `${rng.pick(ORDER_ID_PREFIX[market.code])}-${rng.digits(7)}-${rng.digits(7)}`;
}

/** Everything random about one order, decided before its items are built. */
interface OrderDraft {
  market: WorldMarketplace;
  status: FulfillmentStatus | 'PREORDER';
  channel: 'MFN' | 'FBA';
  createdMs: number;
  isPrime: boolean;
  isBusiness: boolean;
}

function buildItems(
  rng: Prng,
  index: CatalogIndex,
  draft: OrderDraft,
  taxBp: number,
): WorldOrderItem[] {
  const pool = index.sellable(draft.market.id, draft.channel);
  const lineCount =
    draft.status === 'PARTIALLY_SHIPPED' ? rng.int(2, 3) : rng.chance(0.2) ? rng.int(2, 4) : 1;
  const ctx: LineContext = {
    currency: draft.market.currency,
    taxBp,
    isPriced: draft.status !== 'PENDING',
    isBusiness: draft.isBusiness,
    chargesShipping: draft.channel === 'MFN' && !draft.isPrime,
    isMarketplaceFacilitator: draft.market.code === 'US',
  };

  const items: WorldOrderItem[] = [];
  for (let i = 0; i < lineCount; i += 1) {
    const lineCtx: LineContext = { ...ctx };
    if (rng.chance(0.08)) lineCtx.promotionId = rng.pick(PROMOTIONS);
    if (rng.chance(0.04)) lineCtx.giftMessage = rng.pick(GIFT_MESSAGES);
    const quantity = rng.chance(0.85) ? 1 : rng.int(2, 5);
    items.push(buildOrderItem(rng, rng.pick(pool), quantity, lineCtx));
  }

  const extras = index.extras(draft.market.id);
  if (draft.channel === 'MFN' && extras.length > 0 && rng.chance(0.03)) {
    items.push(buildOrderItem(rng, rng.pick(extras), 1, { ...ctx, chargesShipping: false }));
  }

  return items;
}

function buildOrder(rng: Prng, index: CatalogIndex, draft: OrderDraft, nowMs: number): WorldOrder {
  const person = generatePerson(rng, draft.market.code, draft.isBusiness);
  const createdTime = isoSeconds(draft.createdMs);
  const items = buildItems(rng, index, draft, person.taxBp);
  const programs: string[] = [];
  if (draft.isPrime) programs.push('PRIME');
  if (draft.isBusiness) programs.push('AMAZON_BUSINESS');
  if (draft.status === 'PREORDER') programs.push('PREORDER');

  const order: WorldOrder = {
    orderId: orderIdFor(rng, draft.market),
    createdTime,
    lastUpdatedTime: createdTime,
    salesChannel: {
      channelName: 'AMAZON',
      marketplaceId: draft.market.id,
      marketplaceName: draft.market.name,
    },
    buyer: { buyerName: person.name },
    recipient: { deliveryAddress: person.address },
    fulfillment: {
      fulfillmentStatus: 'PENDING',
      fulfilledBy: draft.channel === 'FBA' ? 'AMAZON' : 'MERCHANT',
      fulfillmentServiceLevel: draft.isPrime ? 'SECOND_DAY' : 'STANDARD',
      shipByWindow: {
        earliestDateTime: createdTime,
        latestDateTime: isoSeconds(draft.createdMs + 2 * DAY_MS),
      },
      deliverByWindow: {
        earliestDateTime: isoSeconds(draft.createdMs + 3 * DAY_MS),
        latestDateTime: isoSeconds(draft.createdMs + 7 * DAY_MS),
      },
    },
    orderItems: items,
  };

  if (programs.length > 0) order.programs = programs;
  if (draft.channel === 'MFN' && order.buyer) {
    order.buyer.buyerEmail = `${rng.digits(12)}@marketplace.amazon.${draft.market.code === 'US' ? 'com' : 'de'}`;
  }

  if (person.companyName && order.buyer) {
    order.buyer.buyerCompanyName = person.companyName;
    if (rng.chance(0.5)) order.buyer.buyerPurchaseOrderNumber = `PO-${rng.digits(6)}`;
  }

  if (draft.status !== 'PENDING') addOrderProceeds(order, draft.market.currency);
  applyStatus(
    rng,
    order,
    draft.status === 'PREORDER' ? 'PENDING_AVAILABILITY' : draft.status,
    nowMs,
  );
  return order;
}

/** Aggregates item proceeds into the order's `proceeds` (grand total and per-type breakdown). */
export function addOrderProceeds(order: WorldOrder, currencyCode: string): void {
  const byType = new Map<string, number>();
  for (const item of order.orderItems) {
    for (const row of item.proceeds?.breakdowns ?? []) {
      byType.set(row.type, (byType.get(row.type) ?? 0) + sumBreakdownCents([row]));
    }
  }

  const breakdowns = [...byType].map(([type, cents]) => ({
    type,
    subtotal: { amount: formatCents(cents), currencyCode },
  }));
  const grand = sumBreakdownCents(breakdowns);
  order.proceeds = { grandTotal: { amount: formatCents(grand), currencyCode }, breakdowns };
  order.payment = {
    paymentExecutions: [
      { paymentMethod: 'CARD', paymentAmount: { amount: formatCents(grand), currencyCode } },
    ],
  };
}

/**
 * Generates `count` orders, oldest first, spread over the enabled marketplaces; `fresh` places
 * them all in `(fromMs, nowMs]` with one status (new orders of a running world).
 */
export function generateOrders(
  rng: Prng,
  index: CatalogIndex,
  marketplaces: readonly WorldMarketplace[],
  count: number,
  nowMs: number,
  fresh?: { status: FulfillmentStatus; fromMs: number },
  mix: { openShare?: number } = {},
): WorldOrder[] {
  const orders: WorldOrder[] = [];

  const drafts: OrderDraft[] = [];
  for (let i = 0; i < count; i += 1) {
    const market = marketplaces.length > 1 && rng.chance(0.3) ? marketplaces[1]! : marketplaces[0]!;
    const status = fresh ? fresh.status : pickStatus(rng, mix.openShare);
    const hasFba = index.sellable(market.id, 'FBA').length > 0;
    const channel = hasFba && status !== 'PARTIALLY_SHIPPED' && rng.chance(0.45) ? 'FBA' : 'MFN';
    const draft: OrderDraft = {
      market,
      status,
      channel,
      createdMs: fresh ? rng.int(fresh.fromMs + 1, nowMs) : createdMsFor(rng, status, nowMs),
      isPrime: channel === 'FBA' ? rng.chance(0.7) : rng.chance(0.1),
      isBusiness: rng.chance(0.06),
    };
    drafts.push(draft);
  }

  // Sorting the small drafts numerically is far cheaper than sorting built orders by string.
  drafts.sort((a, b) => a.createdMs - b.createdMs);
  for (const draft of drafts) orders.push(buildOrder(rng, index, draft, nowMs));
  return orders;
}
