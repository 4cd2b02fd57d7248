/**
 * Amazon order → NetSuite transaction body (sales order, invoice or cash sale). Field names are
 * the REST record names (netsuite.md §6.1, §6.3).
 */
import type { AmazonAddress, AmazonOrder } from './amazon-order';
import type { ItemAmounts } from './amounts';
import { expectedOrderTotal, orderCurrency, readItemAmounts } from './amounts';
import { MissingItemError, MissingSettingError, UnmappedShipMethodError } from './errors';
import type { TransactionLine } from './lines';
import { buildTransactionLines, cartDiscount } from './lines';
import type { MarketplaceMapping } from '../settings/common';
import type { StarterSettings } from '../settings/index';
import { toDateInTimeZone } from '../support/dates';
import { salesOrderExternalId } from '../support/ids';
import { formatAmount, sumAmounts } from '../support/money';

/** Inputs of {@link buildTransactionBody}. */
export interface TransactionInput {
  order: AmazonOrder;
  settings: StarterSettings;
  sellerId: string;
  customerId: string;
  itemIdBySku: ReadonlyMap<string, string>;
  channel: 'MFN' | 'FBA';
}

/** The body to POST and what the record must add up to. */
export interface TransactionDraft {
  externalId: string;
  body: Record<string, unknown>;
  lines: TransactionLine[];
  /** Expected record total (decimal string in the order currency). */
  total: string;
  currency: string;
}

type Ref = { id: string };

const ref = (id: string | undefined): Ref | undefined => (id === undefined ? undefined : { id });

/** JSON number of a decimal string; exact as text for ≤ 15 significant digits. */
const toJsonNumber = (decimal: string): number => Number(decimal);

/** Mapping of the order's marketplace (empty when none is configured). */
export function marketplaceMappingOf(
  order: AmazonOrder,
  settings: StarterSettings,
): MarketplaceMapping {
  return settings.marketplaces[order.salesChannel.marketplaceId ?? ''] ?? {};
}

function resolveShipMethod(order: AmazonOrder, settings: StarterSettings): string | undefined {
  const { shipMethods, defaultShipMethodId } = settings.orders;
  const level = order.fulfillment?.fulfillmentServiceLevel ?? '';
  const entries = Object.entries(shipMethods);

  if (entries.length === 0 && defaultShipMethodId === undefined) {
    return undefined;
  }

  const match = entries.find(([name]) => name.toLowerCase() === level.toLowerCase());

  if (match) {
    return match[1];
  }

  if (defaultShipMethodId === undefined) {
    throw new UnmappedShipMethodError(order.orderId, level || '(none)');
  }

  return defaultShipMethodId;
}

/** NetSuite address subrecord of an Amazon delivery address (non-ASCII kept as is). */
export function toNetSuiteAddress(
  address: AmazonAddress | undefined,
): Record<string, unknown> | undefined {
  if (!address || !address.countryCode) {
    return undefined;
  }

  const body: Record<string, unknown> = {
    addressee: address.name ?? address.companyName,
    attention: address.name && address.companyName ? address.companyName : undefined,
    addr1: address.addressLine1,
    addr2: address.addressLine2,
    addr3: address.addressLine3,
    city: address.city,
    state: address.stateOrRegion,
    zip: address.postalCode,
    country: { id: address.countryCode },
    addrPhone: address.phone,
  };

  return Object.fromEntries(
    Object.entries(body).filter(([, value]) => value !== undefined && value !== ''),
  );
}

function toLineBody(
  line: TransactionLine,
  locationId: string | undefined,
  priceLevelId: string | undefined,
): Record<string, unknown> {
  const isItem = line.kind === 'item';

  return compact({
    item: { id: line.itemId },
    quantity: line.quantity,
    rate: line.rate === undefined ? undefined : toJsonNumber(line.rate),
    amount: toJsonNumber(line.amount),
    // No level: the rate alone makes NetSuite price the line as Custom (netsuite.md §6.1).
    price: isItem && priceLevelId !== undefined ? { id: priceLevelId } : undefined,
    location: isItem ? ref(locationId) : undefined,
    description: line.description,
  });
}

/** The body without its undefined fields (a plain loop: this runs for every line of every order). */
function compact(body: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};

  for (const key of Object.keys(body)) {
    if (body[key] !== undefined) out[key] = body[key];
  }

  return out;
}

function checkItems(
  order: AmazonOrder,
  items: readonly ItemAmounts[],
  itemIdBySku: ReadonlyMap<string, string>,
): void {
  const missing = [
    ...new Set(items.map((item) => item.sku).filter((sku) => !itemIdBySku.has(sku))),
  ];

  if (missing.length > 0) {
    throw new MissingItemError(order.orderId, missing);
  }
}

/**
 * Builds the transaction of an Amazon order.
 * @throws MissingItemError, UnmappedShipMethodError, MissingSettingError, InvalidOrderError
 */
export function buildTransactionBody(input: TransactionInput): TransactionDraft {
  const { order, settings, channel } = input;
  const mapping = marketplaceMappingOf(order, settings);
  const currency = orderCurrency(order);
  const items = order.orderItems
    .filter((item) => item.quantityOrdered > 0)
    .map((item) => readItemAmounts(order, item));

  checkItems(order, items, input.itemIdBySku);

  const shipMethodId = channel === 'MFN' ? resolveShipMethod(order, settings) : undefined;
  const lines = buildTransactionLines(items, {
    orderId: order.orderId,
    currency,
    itemIdBySku: input.itemIdBySku,
    settings: settings.orders,
  });
  const locationId =
    channel === 'FBA' ? (mapping.fbaLocationId ?? mapping.locationId) : mapping.locationId;

  if (channel === 'FBA' && locationId === undefined) {
    throw new MissingSettingError(
      order.orderId,
      `marketplaces.${order.salesChannel.marketplaceId ?? '?'}.fbaLocationId`,
    );
  }

  const shipping = sumAmounts(items.map((item) => item.shipping));
  const discount = cartDiscount(items, settings.orders);
  const includeTax = settings.orders.tax.mode === 'amazon';
  const externalId = salesOrderExternalId(
    input.sellerId,
    order.orderId,
    settings.orders.externalIdPrefix,
  );

  const body = compact({
    externalId,
    otherRefNum: order.orderId,
    tranDate: toDateInTimeZone(
      order.createdTime,
      settings.timeZone,
      `order ${order.orderId} createdTime`,
    ),
    entity: { id: input.customerId },
    subsidiary: ref(mapping.subsidiaryId),
    location: ref(locationId),
    currency: ref(mapping.currencyId),
    department: ref(mapping.departmentId ?? settings.orders.departmentId),
    class: ref(mapping.classId ?? settings.orders.classId),
    memo: `Amazon ${channel} order ${order.orderId}`,
    shipMethod: ref(shipMethodId),
    shippingCost:
      settings.orders.shippingAs === 'body' && shipping.gt(0)
        ? toJsonNumber(formatAmount(shipping, currency))
        : undefined,
    shippingAddress: toNetSuiteAddress(order.recipient?.deliveryAddress),
    discountItem: discount.gt(0) ? { id: requireCartDiscountItem(order, settings) } : undefined,
    discountRate: discount.gt(0)
      ? toJsonNumber(formatAmount(discount.negated(), currency))
      : undefined,
    undepFunds:
      input.settings.orders.fbaRecordType === 'cashSale' &&
      channel === 'FBA' &&
      !settings.orders.cashSaleAccountId
        ? true
        : undefined,
    account:
      channel === 'FBA' && settings.orders.fbaRecordType === 'cashSale'
        ? ref(settings.orders.cashSaleAccountId)
        : undefined,
    item: { items: lines.map((line) => toLineBody(line, locationId, mapping.priceLevelId)) },
    ...taxTotalField(items, settings, currency),
  });

  const total = formatAmount(expectedOrderTotal(items, includeTax), currency);

  return { externalId, body, lines, total, currency };
}

function requireCartDiscountItem(order: AmazonOrder, settings: StarterSettings): string {
  if (settings.orders.discountItemId === undefined) {
    throw new MissingSettingError(order.orderId, 'orders.discountItemId');
  }

  return settings.orders.discountItemId;
}

function taxTotalField(
  items: readonly ItemAmounts[],
  settings: StarterSettings,
  currency: string,
): Record<string, unknown> {
  const field = settings.orders.tax.amazonTaxTotalField;

  if (settings.orders.tax.mode !== 'netsuite' || field === undefined) {
    return {};
  }

  const tax = sumAmounts(
    items.map((item) => item.itemTax.plus(item.shippingTax).plus(item.giftWrapTax)),
  );

  return { [field]: toJsonNumber(formatAmount(tax, currency)) };
}
