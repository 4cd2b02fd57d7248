/** Builders of Orders API 2026-01-01 orders for the unit tests. */
import type { AmazonOrder, AmazonOrderItem } from '../../src/orders/amazon-order';

const usd = (amount: string) => ({ amount, currencyCode: 'USD' });

/** An order item with optional breakdowns. */
export function makeItem(
  overrides: Partial<AmazonOrderItem> & {
    sku?: string;
    unitPrice?: string;
    breakdowns?: NonNullable<AmazonOrderItem['proceeds']>['breakdowns'];
  } = {},
): AmazonOrderItem {
  const { sku = 'SKU-1', unitPrice = '19.99', breakdowns, ...rest } = overrides;

  return {
    orderItemId: 'OI-1',
    quantityOrdered: 1,
    product: { sellerSku: sku, price: { unitPrice: usd(unitPrice) } },
    proceeds: breakdowns ? { breakdowns } : undefined,
    ...rest,
  };
}

/** An unshipped MFN order in the US marketplace. */
export function makeOrder(overrides: Partial<AmazonOrder> = {}): AmazonOrder {
  return {
    orderId: '113-1234567-1234567',
    createdTime: '2026-11-01T03:00:00Z',
    lastUpdatedTime: '2026-11-01T04:00:00Z',
    salesChannel: { channelName: 'AMAZON', marketplaceId: 'ATVPDKIKX0DER' },
    buyer: { buyerName: 'Zoë Ångström', buyerEmail: 'abc123@marketplace.amazon.com' },
    recipient: {
      deliveryAddress: {
        name: 'Zoë Ångström',
        addressLine1: '1 Main St',
        city: 'Seattle',
        stateOrRegion: 'WA',
        postalCode: '98101',
        countryCode: 'US',
      },
    },
    fulfillment: {
      fulfillmentStatus: 'UNSHIPPED',
      fulfilledBy: 'MERCHANT',
      fulfillmentServiceLevel: 'STANDARD',
    },
    orderItems: [makeItem()],
    ...overrides,
  };
}

export { usd };
