/**
 * Orders v0 `confirmShipment` (`POST /orders/v0/orders/{orderId}/shipmentConfirmation`, 204):
 * validates the package against the order, records it in the order's `packages`, updates item
 * quantities and status, and publishes ORDER_CHANGE
 * (https://developer-docs.amazon.com/sp-api/docs/orders-api-v0-reference#confirmshipment).
 */
import type { WorldOrder, WorldOrderPackage } from '../../world/types';
import type { ConfirmedShipment } from '../inspect';
import { invalidInput, notFound } from '../server/errors';
import type { AmazonContext, AmazonRoute } from '../server/types';
import type { OrderRepository } from './repository';
import { toV0Order } from './v0-mapping';

interface PackageDetail {
  packageReferenceId?: unknown;
  carrierCode?: unknown;
  carrierName?: unknown;
  shippingMethod?: unknown;
  trackingNumber?: unknown;
  shipDate?: unknown;
  orderItems?: Array<{ orderItemId?: unknown; quantity?: unknown }>;
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;
const CONFIRMABLE = new Set(['UNSHIPPED', 'PARTIALLY_SHIPPED', 'SHIPPED']);

function requireString(value: unknown, name: string): string {
  if (typeof value !== 'string' || value.trim() === '')
    invalidInput(`Missing request parameter: ${name}.`);
  return value;
}

function validateItems(
  order: WorldOrder,
  detail: PackageDetail,
  replacing: WorldOrderPackage | undefined,
) {
  if (!Array.isArray(detail.orderItems) || detail.orderItems.length === 0) {
    invalidInput('Missing request parameter: packageDetail.orderItems.');
  }
  return detail.orderItems.map((line) => {
    const orderItemId = requireString(line.orderItemId, 'packageDetail.orderItems.orderItemId');
    const item = order.orderItems.find((i) => i.orderItemId === orderItemId);
    if (!item) invalidInput(`Invalid orderItemId ${orderItemId} for order ${order.orderId}.`);

    const quantity = line.quantity;
    const previously =
      replacing?.packageItems?.find((p) => p.orderItemId === orderItemId)?.quantity ?? 0;
    const open = (item.fulfillment?.quantityUnfulfilled ?? item.quantityOrdered) + previously;
    if (typeof quantity !== 'number' || !Number.isInteger(quantity) || quantity < 1) {
      invalidInput(`Invalid quantity for orderItemId ${orderItemId}: must be a positive integer.`);
    }
    if (quantity > open) {
      invalidInput(
        `Quantity ${quantity} for orderItemId ${orderItemId} exceeds the unshipped quantity ${open}.`,
      );
    }
    return { orderItemId, quantity };
  });
}

function validateRequest(order: WorldOrder, body: unknown) {
  const request = (body ?? {}) as { marketplaceId?: unknown; packageDetail?: PackageDetail };
  const marketplaceId = requireString(request.marketplaceId, 'marketplaceId');
  if (marketplaceId !== order.salesChannel.marketplaceId)
    invalidInput(`Invalid marketplaceId ${marketplaceId} for order ${order.orderId}.`);
  const detail = request.packageDetail;
  if (!detail || typeof detail !== 'object')
    invalidInput('Missing request parameter: packageDetail.');

  const packageReferenceId = requireString(
    detail.packageReferenceId,
    'packageDetail.packageReferenceId',
  );
  const carrierCode = requireString(detail.carrierCode, 'packageDetail.carrierCode');
  // carrierName is required when carrierCode is "Other" (model PackageDetail.carrierName).
  if (carrierCode === 'Other') requireString(detail.carrierName, 'packageDetail.carrierName');
  const trackingNumber = requireString(detail.trackingNumber, 'packageDetail.trackingNumber');
  const shipDate = requireString(detail.shipDate, 'packageDetail.shipDate');
  if (!ISO_DATE_TIME.test(shipDate) || Number.isNaN(Date.parse(shipDate))) {
    invalidInput(
      'Invalid Input',
      `packageDetail.shipDate '${shipDate}' is not an ISO 8601 date-time.`,
      'Invalid Input',
    );
  }

  const replacing = order.packages?.find((p) => p.packageReferenceId === packageReferenceId);
  const items = validateItems(order, detail, replacing);
  return {
    marketplaceId,
    detail,
    packageReferenceId,
    carrierCode,
    trackingNumber,
    shipDate,
    items,
    replacing,
  };
}

function applyPackage(
  order: WorldOrder,
  pkg: WorldOrderPackage,
  replacing: WorldOrderPackage | undefined,
  nowIso: string,
): void {
  for (const item of order.orderItems) {
    const before =
      replacing?.packageItems?.find((p) => p.orderItemId === item.orderItemId)?.quantity ?? 0;
    const after = pkg.packageItems?.find((p) => p.orderItemId === item.orderItemId)?.quantity ?? 0;
    const fulfilled = (item.fulfillment?.quantityFulfilled ?? 0) - before + after;
    item.fulfillment = {
      ...item.fulfillment,
      quantityFulfilled: fulfilled,
      quantityUnfulfilled: item.quantityOrdered - fulfilled,
    };
  }
  order.packages = [...(order.packages ?? []).filter((p) => p !== replacing), pkg];

  const allShipped = order.orderItems.every((i) => (i.fulfillment?.quantityUnfulfilled ?? 0) === 0);
  if (order.fulfillment)
    order.fulfillment.fulfillmentStatus = allShipped ? 'SHIPPED' : 'PARTIALLY_SHIPPED';
  order.lastUpdatedTime = nowIso;
}

/** ORDER_CHANGE payload (schemas/notifications/OrderChangeNotification.json). */
export function orderChangePayload(
  order: WorldOrder,
  sellerId: string,
  reason: string,
  nowIso: string,
): unknown {
  const v0 = toV0Order(order, { buyerInfo: false, shippingAddress: false });
  return {
    OrderChangeNotification: {
      NotificationLevel: 'OrderLevel',
      SellerId: sellerId,
      AmazonOrderId: order.orderId,
      OrderChangeType: 'OrderStatusChange',
      OrderChangeTrigger: { TimeOfOrderChange: nowIso, ChangeReason: reason },
      Summary: {
        MarketplaceId: v0.MarketplaceId,
        OrderStatus: v0.OrderStatus,
        PurchaseDate: v0.PurchaseDate,
        FulfillmentType: v0.FulfillmentChannel,
        OrderType: v0.OrderType,
        NumberOfItemsShipped: v0.NumberOfItemsShipped,
        NumberOfItemsUnshipped: v0.NumberOfItemsUnshipped,
        // Required by OrderChangeNotification.json (string or null); the postal code is
        // buyer-adjacent data the world does not expose here, and no supply source is modelled.
        DestinationPostalCode: null,
        OrderItems: order.orderItems.map((item) => ({
          OrderItemId: item.orderItemId,
          SellerSKU: item.product.sellerSku,
          SupplySourceId: null,
          Quantity: item.quantityOrdered,
          QuantityShipped: item.fulfillment?.quantityFulfilled ?? 0,
        })),
      },
    },
  };
}

/** The confirmShipment route. */
export function confirmShipmentRoute(ctx: AmazonContext, repo: OrderRepository): AmazonRoute {
  return {
    method: 'POST',
    path: '/orders/v0/orders/{orderId}/shipmentConfirmation',
    operation: 'confirmShipment',
    handle(req) {
      const order = repo.get(req.params.orderId ?? '');
      if (!order) notFound(`Order ${req.params.orderId} was not found.`);
      if (order.fulfillment?.fulfilledBy === 'AMAZON')
        invalidInput(
          `Order ${order.orderId} is fulfilled by Amazon and cannot be confirmed by the seller.`,
        );
      if (!CONFIRMABLE.has(order.fulfillment?.fulfillmentStatus ?? '')) {
        invalidInput(
          `Order ${order.orderId} in status ${order.fulfillment?.fulfillmentStatus} cannot be confirmed.`,
        );
      }

      const v = validateRequest(order, req.body);
      const nowIso = ctx.clock().toISOString();
      const pkg: WorldOrderPackage = {
        packageReferenceId: v.packageReferenceId,
        createdTime: nowIso,
        packageStatus: { status: 'SHIPPED' },
        carrier: v.carrierCode === 'Other' ? String(v.detail.carrierName) : v.carrierCode,
        shipTime: new Date(v.shipDate).toISOString(),
        shippingService:
          typeof v.detail.shippingMethod === 'string' ? v.detail.shippingMethod : undefined,
        trackingNumber: v.trackingNumber,
        packageItems: v.items,
      };
      applyPackage(order, pkg, v.replacing, nowIso);
      repo.save(order);

      const record: ConfirmedShipment = {
        orderId: order.orderId,
        marketplaceId: v.marketplaceId,
        packageReferenceId: v.packageReferenceId,
        carrierCode: v.carrierCode,
        carrierName: typeof v.detail.carrierName === 'string' ? v.detail.carrierName : undefined,
        shippingMethod: pkg.shippingService,
        trackingNumber: v.trackingNumber,
        shipDate: v.shipDate,
        items: v.items,
        receivedAt: nowIso,
      };
      ctx.store.put(
        'shipmentConfirmation',
        `${order.orderId}|${v.packageReferenceId}|${nowIso}`,
        record,
      );
      ctx.publish({
        type: 'ORDER_CHANGE',
        payload: orderChangePayload(order, req.sellerId, 'Shipment confirmed', nowIso),
      });
      return { status: 204 };
    },
  };
}
