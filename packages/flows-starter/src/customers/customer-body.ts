/**
 * NetSuite customer body from an Amazon buyer and recipient (netsuite.md §6.2). Names and
 * addresses keep their non-ASCII characters; a withheld name becomes the placeholder.
 */
import type { AmazonOrder } from '../orders/amazon-order';
import { toNetSuiteAddress } from '../orders/sales-order';
import type { MarketplaceMapping } from '../settings/common';
import type { CustomersSettings } from '../settings/flows';

/** NetSuite's limit on first and last names (32 characters each). */
const NAME_MAX_CHARS = 32;

/** Splits a full name into first and last name; one word goes to the last name. */
export function splitName(fullName: string): { firstName: string; lastName: string } {
  const words = [...fullName.trim().split(/\s+/u)].filter(Boolean);
  const lastName = words.length > 1 ? words.slice(1).join(' ') : (words[0] ?? '');
  const firstName = words.length > 1 ? (words[0] as string) : '';

  return { firstName: truncate(firstName), lastName: truncate(lastName) };
}

function truncate(text: string): string {
  return [...text].slice(0, NAME_MAX_CHARS).join('');
}

/** Builds the customer record of an order's buyer. */
export function buildCustomerBody(
  order: AmazonOrder,
  externalId: string,
  settings: CustomersSettings,
  mapping: MarketplaceMapping,
): Record<string, unknown> {
  const address = order.recipient?.deliveryAddress;
  const fullName =
    order.buyer?.buyerName?.trim() || address?.name?.trim() || settings.placeholderName;
  const company = order.buyer?.buyerCompanyName?.trim() || address?.companyName?.trim();
  const isPerson = settings.isPerson && !company;
  const names = isPerson ? splitName(fullName) : undefined;
  const netSuiteAddress = toNetSuiteAddress(address);

  const body: Record<string, unknown> = {
    externalId,
    isPerson,
    ...(names
      ? { firstName: names.firstName || names.lastName, lastName: names.lastName }
      : { companyName: company || fullName }),
    email: order.buyer?.buyerEmail || undefined,
    phone: address?.phone || undefined,
    subsidiary: mapping.subsidiaryId ? { id: mapping.subsidiaryId } : undefined,
    currency: mapping.currencyId ? { id: mapping.currencyId } : undefined,
    priceLevel: mapping.priceLevelId ? { id: mapping.priceLevelId } : undefined,
    addressBook: netSuiteAddress
      ? {
          items: [
            { defaultBilling: true, defaultShipping: true, addressBookAddress: netSuiteAddress },
          ],
        }
      : undefined,
  };

  return Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined));
}
