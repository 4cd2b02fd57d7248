/**
 * Orders API v0 read operations: getOrders, getOrder, getOrderItems, getOrderAddress,
 * getOrderBuyerInfo. Personal data needs a restricted data token naming the resource and the
 * data element (https://developer-docs.amazon.com/sp-api/docs/tokens-api-use-case-guide).
 */
import type { WorldOrder } from '../../world/types';
import { AmazonApiError, invalidInput, notFound } from '../server/errors';
import { canonicalFilters, PageTokens } from '../server/page-token';
import { rdtAllows } from '../server/tokens-routes';
import type { AmazonContext, AmazonRequest, AmazonRoute } from '../server/types';
import { GENERIC_INVALID_INPUT, inWindow, parseDateWindow, TWO_MINUTES_MS } from './dates';
import type { OrderRepository } from './repository';
import { listParam } from '../server/params';
import {
  fromV0Status,
  type PiiGrant,
  toV0Address,
  toV0BuyerInfo,
  toV0Order,
  toV0OrderItem,
} from './v0-mapping';

const ORDERS_PATH = '/orders/v0/orders';

function grantFor(ctx: AmazonContext, req: AmazonRequest, path: string): PiiGrant {
  return {
    buyerInfo: rdtAllows(ctx, req, 'GET', path, 'buyerInfo'),
    shippingAddress: rdtAllows(ctx, req, 'GET', path, 'shippingAddress'),
  };
}

function requireOrder(repo: OrderRepository, orderId: string | undefined): WorldOrder {
  const order = repo.get(orderId ?? '');
  if (!order) notFound(`Order ${orderId} was not found.`, 'NotFound');
  return order;
}

function filterV0(ctx: AmazonContext, repo: OrderRepository, query: URLSearchParams): WorldOrder[] {
  const marketplaceIds = listParam(query, 'MarketplaceIds');
  if (marketplaceIds.length === 0)
    invalidInput(GENERIC_INVALID_INPUT, 'MarketplaceIds is required.');
  const orderIds = listParam(query, 'AmazonOrderIds');
  const window =
    orderIds.length > 0
      ? undefined
      : parseDateWindow(
          query,
          {
            createdAfter: 'CreatedAfter',
            createdBefore: 'CreatedBefore',
            lastUpdatedAfter: 'LastUpdatedAfter',
            lastUpdatedBefore: 'LastUpdatedBefore',
          },
          ctx.clock().getTime(),
        );
  const statuses = listParam(query, 'OrderStatuses').map((s) => {
    const mapped = fromV0Status(s);
    if (!mapped) invalidInput(GENERIC_INVALID_INPUT, `Invalid OrderStatuses value '${s}'.`);
    return mapped;
  });
  const channels = listParam(query, 'FulfillmentChannels');
  const sellerOrderId = query.get('SellerOrderId');

  return repo
    .all()
    .filter(
      (order) =>
        marketplaceIds.includes(order.salesChannel.marketplaceId ?? '') &&
        (window === undefined || inWindow(window, order)) &&
        (orderIds.length === 0 || orderIds.includes(order.orderId)) &&
        (statuses.length === 0 ||
          statuses.includes(order.fulfillment?.fulfillmentStatus ?? 'PENDING')) &&
        (channels.length === 0 ||
          channels.includes(order.fulfillment?.fulfilledBy === 'AMAZON' ? 'AFN' : 'MFN')) &&
        (sellerOrderId === null ||
          toV0Order(order, { buyerInfo: false, shippingAddress: false }).SellerOrderId ===
            sellerOrderId),
    );
}

/** The upper bound the search used, echoed as `CreatedBefore` or `LastUpdatedBefore` (model `OrdersList`). */
function effectiveBefore(ctx: AmazonContext, query: URLSearchParams): Record<string, string> {
  if (query.has('AmazonOrderIds')) return {};
  const field = query.has('LastUpdatedAfter') ? 'LastUpdatedBefore' : 'CreatedBefore';
  const given = query.get(field);
  const beforeMs = given ? Date.parse(given) : ctx.clock().getTime() - TWO_MINUTES_MS;
  return { [field]: new Date(beforeMs).toISOString().replace(/\.\d{3}Z$/, 'Z') };
}

function pageSizeOf(value: string | null): number {
  if (value === null) return 100;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 100)
    invalidInput(GENERIC_INVALID_INPUT, 'MaxResultsPerPage must be between 1 and 100.');
  return n;
}

/** Orders v0 read routes. */
export function ordersV0Routes(ctx: AmazonContext, repo: OrderRepository): AmazonRoute[] {
  const tokens = new PageTokens();
  return [
    {
      method: 'GET',
      path: ORDERS_PATH,
      operation: 'getOrders',
      handle(req) {
        // NextToken "doesn't affect any filters": the same filters must come with it (model).
        const token = req.query.get('NextToken');
        const state = token ? tokens.open(token) : undefined;
        if (
          token &&
          (!state ||
            state.filters !== canonicalFilters(req.query, ['NextToken', 'MaxResultsPerPage']))
        ) {
          invalidInput(GENERIC_INVALID_INPUT, 'Invalid NextToken.');
        }
        const offset = state?.offset ?? 0;
        const pageSize = pageSizeOf(req.query.get('MaxResultsPerPage'));
        const matching = filterV0(ctx, repo, req.query);

        const grant = grantFor(ctx, req, ORDERS_PATH);
        const payload: Record<string, unknown> = {
          Orders: matching.slice(offset, offset + pageSize).map((o) => toV0Order(o, grant)),
          ...effectiveBefore(ctx, req.query),
        };
        if (offset + pageSize < matching.length) {
          const filters = canonicalFilters(req.query, ['NextToken', 'MaxResultsPerPage']);
          payload.NextToken = tokens.issue({
            filters,
            offset: offset + pageSize,
            issuedAtMs: ctx.clock().getTime(),
          });
        }
        return { status: 200, body: { payload } };
      },
    },
    {
      method: 'GET',
      path: `${ORDERS_PATH}/{orderId}`,
      operation: 'getOrder',
      handle(req) {
        const order = requireOrder(repo, req.params.orderId);
        return {
          status: 200,
          body: {
            payload: toV0Order(order, grantFor(ctx, req, `${ORDERS_PATH}/${order.orderId}`)),
          },
        };
      },
    },
    {
      method: 'GET',
      path: `${ORDERS_PATH}/{orderId}/orderItems`,
      operation: 'getOrderItems',
      handle(req) {
        const order = requireOrder(repo, req.params.orderId);
        const grant = grantFor(ctx, req, `${ORDERS_PATH}/${order.orderId}/orderItems`);
        const OrderItems = order.orderItems.map((item) => toV0OrderItem(order, item, grant));
        return { status: 200, body: { payload: { AmazonOrderId: order.orderId, OrderItems } } };
      },
    },
    {
      method: 'GET',
      path: `${ORDERS_PATH}/{orderId}/orderItems/buyerInfo`,
      operation: 'getOrderItemsBuyerInfo',
      handle(req) {
        // Restricted: the whole operation needs an RDT for this path (model getOrderItemsBuyerInfo).
        const order = requireOrder(repo, req.params.orderId);
        if (!rdtAllows(ctx, req, 'GET', `${ORDERS_PATH}/${order.orderId}/orderItems/buyerInfo`)) {
          throw new AmazonApiError(403, [
            {
              code: 'Unauthorized',
              message: 'Access to requested resource is denied.',
              details: '',
            },
          ]);
        }
        const OrderItems = order.orderItems.map((item) => {
          const gift = item.fulfillment?.packing?.giftOption;
          return {
            OrderItemId: item.orderItemId,
            ...(gift
              ? { GiftMessageText: gift.giftMessage, GiftWrapLevel: gift.giftWrapLevel }
              : {}),
          };
        });
        return { status: 200, body: { payload: { AmazonOrderId: order.orderId, OrderItems } } };
      },
    },
    {
      method: 'GET',
      path: `${ORDERS_PATH}/{orderId}/address`,
      operation: 'getOrderAddress',
      handle(req) {
        const order = requireOrder(repo, req.params.orderId);
        const withPii = rdtAllows(ctx, req, 'GET', `${ORDERS_PATH}/${order.orderId}/address`);
        const payload: Record<string, unknown> = { AmazonOrderId: order.orderId };
        const address = toV0Address(order.recipient?.deliveryAddress, withPii);
        if (address) payload.ShippingAddress = address;
        if (withPii && order.buyer?.buyerCompanyName)
          payload.BuyerCompanyName = order.buyer.buyerCompanyName;
        return { status: 200, body: { payload } };
      },
    },
    {
      method: 'GET',
      path: `${ORDERS_PATH}/{orderId}/buyerInfo`,
      operation: 'getOrderBuyerInfo',
      handle(req) {
        const order = requireOrder(repo, req.params.orderId);
        const withPii = rdtAllows(ctx, req, 'GET', `${ORDERS_PATH}/${order.orderId}/buyerInfo`);
        const payload = withPii
          ? { AmazonOrderId: order.orderId, ...toV0BuyerInfo(order) }
          : { AmazonOrderId: order.orderId };
        return { status: 200, body: { payload } };
      },
    },
  ];
}
