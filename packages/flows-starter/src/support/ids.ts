/**
 * Deterministic NetSuite external ids. DESIGN §5: every created record carries an external id
 * made of letters, digits, `_` and `-` only, derived from the Amazon identifiers, so a retry or
 * a crash never creates a second record.
 */
import { createHash } from 'node:crypto';

const SAFE_CHAR = /[A-Za-z0-9-]/;

/**
 * Encodes a value into the external-id alphabet. Letters, digits and `-` are kept; every other
 * UTF-8 byte (including `_`) becomes `_HH`, so two different inputs never encode alike.
 */
export function toExternalIdPart(value: string): string {
  let encoded = '';

  for (const char of value) {
    if (SAFE_CHAR.test(char)) {
      encoded += char;
      continue;
    }

    for (const byte of Buffer.from(char, 'utf8')) {
      encoded += `_${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    }
  }

  return encoded;
}

/** External id of the sales order (or invoice / cash sale) of an Amazon order. */
export function salesOrderExternalId(
  sellerId: string,
  orderId: string,
  prefix = 'amzn-so',
): string {
  return `${prefix}-${toExternalIdPart(sellerId)}-${toExternalIdPart(orderId)}`;
}

/** External id of the customer created for one Amazon order. */
export function orderCustomerExternalId(sellerId: string, orderId: string): string {
  return `amzn-cust-${toExternalIdPart(sellerId)}-${toExternalIdPart(orderId)}`;
}

/**
 * External id of the customer of one buyer. The (anonymised) buyer email is hashed, never
 * written into the id, because external ids appear in logs and errors (DESIGN §5, PII rule).
 */
export function buyerCustomerExternalId(sellerId: string, buyerEmail: string): string {
  const digest = createHash('sha256').update(buyerEmail.trim().toLowerCase()).digest('hex');

  return `amzn-buyer-${toExternalIdPart(sellerId)}-${digest.slice(0, 32)}`;
}

/** Reference id of one package of a NetSuite item fulfillment sent to `confirmShipment`. */
export function packageReferenceId(fulfillmentId: string, packageIndex: number): string {
  return `${toExternalIdPart(fulfillmentId)}-${packageIndex + 1}`;
}
