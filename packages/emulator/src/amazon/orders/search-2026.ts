/**
 * Orders API 2026-01-01: `searchOrders` and `getOrder`
 * (https://developer-docs.amazon.com/sp-api/reference/searchorders). No RDT: personal data comes
 * with `includedData=BUYER,RECIPIENT`.
 */
import type { WorldOrder, WorldOrderItem } from '../../world/types';
import { invalidInput, notFound } from '../server/errors';
import { canonicalFilters, PageTokens } from '../server/page-token';
import { listParam } from '../server/params';
import type { AmazonContext, AmazonRoute } from '../server/types';
import { type DateWindow, GENERIC_INVALID_INPUT, inWindow, parseDateWindow } from './dates';
import type { OrderRepository } from './repository';

/** `includedData` values and the fields they add (model `includedData` enum). */
const ORDER_DATASETS: Record<string, keyof WorldOrder | 'fulfillmentOrders'> = {
  BUYER: 'buyer',
  RECIPIENT: 'recipient',
  PROCEEDS: 'proceeds',
  FULFILLMENT: 'fulfillment',
  PACKAGES: 'packages',
  TAX: 'tax',
  PAYMENT: 'payment',
  FULFILLMENT_ORDERS: 'fulfillmentOrders',
};
const ITEM_DATASETS: Record<string, keyof WorldOrderItem | 'expense'> = {
  PROCEEDS: 'proceeds',
  EXPENSE: 'expense',
  PROMOTION: 'promotion',
  CANCELLATION: 'cancellation',
  FULFILLMENT: 'fulfillment',
  TAX: 'tax',
};
const ALL_DATASETS = new Set([...Object.keys(ORDER_DATASETS), ...Object.keys(ITEM_DATASETS)]);
const FULFILLMENT_STATUSES = new Set([
  'PENDING_AVAILABILITY',
  'PENDING',
  'UNSHIPPED',
  'PARTIALLY_SHIPPED',
  'SHIPPED',
  'CANCELLED',
  'UNFULFILLABLE',
]);
const FULFILLED_BY = new Set(['MERCHANT', 'AMAZON']);

/** Pagination tokens of searchOrders expire after 24 hours (model `paginationToken`). */
const PAGINATION_TOKEN_TTL_MS = 86_400_000;
/** Parameters that may change between pages (model `paginationToken`). */
const PAGE_EXEMPT = ['paginationToken', 'maxResultsPerPage', 'includedData'];

function checkEnum(name: string, values: string[], allowed: Set<string>): void {
  const bad = values.find((v) => !allowed.has(v));
  if (bad !== undefined) invalidInput(GENERIC_INVALID_INPUT, `Invalid value '${bad}' for ${name}.`);
}

/** The order as the 2026 API returns it for `includedData`. */
export function projectOrder(order: WorldOrder, included: string[]): Record<string, unknown> {
  const result: Record<string, unknown> = { ...order };
  for (const [dataset, field] of Object.entries(ORDER_DATASETS)) {
    if (!included.includes(dataset)) delete result[field];
  }
  result.orderItems = order.orderItems.map((item) => {
    const projected: Record<string, unknown> = { ...item };
    for (const [dataset, field] of Object.entries(ITEM_DATASETS)) {
      if (!included.includes(dataset)) delete projected[field];
    }
    return projected;
  });
  return result;
}

function parseMaxResults(value: string | null): number {
  if (value === null) return 100;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 100) {
    invalidInput(GENERIC_INVALID_INPUT, 'maxResultsPerPage must be between 1 and 100.');
  }
  return n;
}

function readOffset(ctx: AmazonContext, tokens: PageTokens, query: URLSearchParams): number {
  const token = query.get('paginationToken');
  if (!token) return 0;

  const state = tokens.open(token);
  if (!state) invalidInput(GENERIC_INVALID_INPUT, 'Invalid paginationToken.');
  if (state.filters !== canonicalFilters(query, PAGE_EXEMPT)) {
    invalidInput(
      GENERIC_INVALID_INPUT,
      'All parameters other than maxResultsPerPage and includedData must match the request that returned the paginationToken.',
    );
  }
  if (ctx.clock().getTime() - state.issuedAtMs > PAGINATION_TOKEN_TTL_MS) {
    invalidInput(GENERIC_INVALID_INPUT, 'The paginationToken has expired.');
  }
  return state.offset;
}

function filterOrders(
  ctx: AmazonContext,
  repo: OrderRepository,
  query: URLSearchParams,
): { matching: WorldOrder[]; window: DateWindow } {
  const window = parseDateWindow(
    query,
    {
      createdAfter: 'createdAfter',
      createdBefore: 'createdBefore',
      lastUpdatedAfter: 'lastUpdatedAfter',
      lastUpdatedBefore: 'lastUpdatedBefore',
    },
    ctx.clock().getTime(),
  );
  const statuses = listParam(query, 'fulfillmentStatuses');
  checkEnum('fulfillmentStatuses', statuses, FULFILLMENT_STATUSES);
  const fulfilledBy = listParam(query, 'fulfilledBy');
  checkEnum('fulfilledBy', fulfilledBy, FULFILLED_BY);
  const marketplaceIds = listParam(query, 'marketplaceIds');

  const matching = repo
    .all()
    .filter(
      (order) =>
        inWindow(window, order) &&
        (statuses.length === 0 || statuses.includes(order.fulfillment?.fulfillmentStatus ?? '')) &&
        (fulfilledBy.length === 0 || fulfilledBy.includes(order.fulfillment?.fulfilledBy ?? '')) &&
        (marketplaceIds.length === 0 ||
          marketplaceIds.includes(order.salesChannel.marketplaceId ?? '')),
    );
  if (window.field === 'lastUpdated') {
    const sorted = [...matching].sort(
      (a, b) =>
        a.lastUpdatedTime.localeCompare(b.lastUpdatedTime) || a.orderId.localeCompare(b.orderId),
    );
    return { matching: sorted, window };
  }
  return { matching, window };
}

/** searchOrders and getOrder over the repository. */
export function orders2026Routes(ctx: AmazonContext, repo: OrderRepository): AmazonRoute[] {
  const tokens = new PageTokens();
  return [
    {
      method: 'GET',
      path: '/orders/2026-01-01/orders',
      operation: 'searchOrders',
      handle(req) {
        const included = listParam(req.query, 'includedData');
        checkEnum('includedData', included, ALL_DATASETS);
        const pageSize = parseMaxResults(req.query.get('maxResultsPerPage'));
        const offset = readOffset(ctx, tokens, req.query);
        const { matching, window } = filterOrders(ctx, repo, req.query);

        const page = matching.slice(offset, offset + pageSize);
        const body: Record<string, unknown> = {
          orders: page.map((o) => projectOrder(o, included)),
        };
        if (offset + pageSize < matching.length) {
          const filters = canonicalFilters(req.query, PAGE_EXEMPT);
          body.pagination = {
            nextToken: tokens.issue({
              filters,
              offset: offset + pageSize,
              issuedAtMs: ctx.clock().getTime(),
            }),
          };
        }
        // The response names the effective upper bound of the window it searched.
        const beforeMs = window.beforeMs;
        const beforeField = window.field === 'created' ? 'createdBefore' : 'lastUpdatedBefore';
        body[beforeField] = new Date(beforeMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
        return { status: 200, body };
      },
    },
    {
      method: 'GET',
      path: '/orders/2026-01-01/orders/{orderId}',
      operation: 'getOrder',
      handle(req) {
        const included = listParam(req.query, 'includedData');
        checkEnum('includedData', included, ALL_DATASETS);
        const order = repo.get(req.params.orderId ?? '');
        if (!order) notFound(`Order ${req.params.orderId} was not found.`);
        return { status: 200, body: { order: projectOrder(order, included) } };
      },
    },
  ];
}
