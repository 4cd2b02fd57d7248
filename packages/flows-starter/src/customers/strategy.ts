/**
 * Which NetSuite customer an Amazon order goes on (integration-apps §1.3, §1.5): one per order,
 * one per buyer email, one default, or n defaults spread deterministically by the order id.
 */
import type { AmazonOrder } from '../orders/amazon-order';
import { MissingSettingError } from '../orders/errors';
import type { MarketplaceMapping } from '../settings/common';
import type { CustomersSettings } from '../settings/flows';
import { buyerCustomerExternalId, orderCustomerExternalId } from '../support/ids';

/** The customer an order needs. */
export type CustomerChoice =
  | { kind: 'existing'; customerId: string }
  | { kind: 'create'; externalId: string; linkKey: string };

/**
 * Index into n default customers from the order id. Celigo's documented workaround takes
 * digits 17–19 of the order id mod n (docs.celigo.com …/15997384973979); the last five digits
 * spread as evenly and work for any id length. Ids without digits fall back to a char-code sum.
 */
export function defaultCustomerIndex(orderId: string, count: number): number {
  const digits = orderId.replace(/\D/g, '');
  const seed =
    digits.length > 0
      ? Number(digits.slice(-5))
      : [...orderId].reduce((sum, char) => sum + (char.codePointAt(0) ?? 0), 0);

  return seed % count;
}

/**
 * Chooses the customer of an order.
 * @throws MissingSettingError when a default strategy has no default customer.
 */
export function chooseCustomer(
  order: AmazonOrder,
  sellerId: string,
  settings: CustomersSettings,
  mapping: MarketplaceMapping,
): CustomerChoice {
  const defaults = mapping.customerIds ?? settings.defaultCustomerIds;

  if (settings.strategy === 'default' || settings.strategy === 'defaults') {
    if (defaults.length === 0) {
      throw new MissingSettingError(order.orderId, 'customers.defaultCustomerIds');
    }

    const index =
      settings.strategy === 'default' ? 0 : defaultCustomerIndex(order.orderId, defaults.length);

    return { kind: 'existing', customerId: defaults[index] as string };
  }

  const email = order.buyer?.buyerEmail?.trim();

  if (settings.strategy === 'perBuyer' && email) {
    const externalId = buyerCustomerExternalId(sellerId, email);

    return { kind: 'create', externalId, linkKey: externalId };
  }

  const externalId = orderCustomerExternalId(sellerId, order.orderId);

  return { kind: 'create', externalId, linkKey: externalId };
}
