/**
 * NetSuite ship method / carrier → Amazon `carrierCode` (ordersV0 `PackageDetail`; carrier code
 * mandatory since 2021-04-05, unknown carriers go as `Other` with `carrierName`,
 * integration-apps §1.9).
 */

/** Amazon carrier code and, for `Other`, the carrier's name. */
export interface AmazonCarrier {
  carrierCode: string;
  carrierName?: string;
}

/**
 * Well-known carriers recognised in a ship method name, in match order (more specific first).
 * Codes as Amazon lists them in its carrier code list
 * (https://developer-docs.amazon.com/sp-api/docs/carrier-codes).
 */
const KNOWN_CARRIERS: ReadonlyArray<[RegExp, string]> = [
  [/\bamazon\s*shipping\b/i, 'Amazon Shipping'],
  [/\bups\s*mail\s*innovations\b/i, 'UPS Mail Innovations'],
  [/\busps\b|\bpostal\s*service\b/i, 'USPS'],
  [/\bups\b/i, 'UPS'],
  [/\bfed\s*ex\b|\bfedex\b/i, 'FedEx'],
  [/\bdhl\s*e-?commerce\b/i, 'DHL eCommerce'],
  [/\bdhl\b/i, 'DHL'],
  [/\bontrac\b/i, 'OnTrac'],
  [/\blasership\b/i, 'LaserShip'],
  [/\bcanada\s*post\b/i, 'Canada Post'],
  [/\broyal\s*mail\b/i, 'Royal Mail'],
  [/\bdeutsche\s*post\b/i, 'Deutsche Post'],
  [/\bhermes\b|\bevri\b/i, 'Hermes'],
  [/\bdpd\b/i, 'DPD'],
  [/\bgls\b/i, 'GLS'],
];

/**
 * Maps a carrier or ship method name: the explicit mapping (case-insensitive) first, then a
 * recognised carrier, else `Other` + the name (Amazon requires `carrierName` with `Other`).
 */
export function mapCarrier(
  name: string | undefined,
  mapping: Readonly<Record<string, string>>,
): AmazonCarrier {
  const trimmed = (name ?? '').trim();
  const explicit = Object.entries(mapping).find(
    ([key]) => key.trim().toLowerCase() === trimmed.toLowerCase(),
  );

  if (explicit) {
    return explicit[1] === 'Other'
      ? { carrierCode: 'Other', carrierName: trimmed || 'Other' }
      : { carrierCode: explicit[1] };
  }

  const known = KNOWN_CARRIERS.find(([pattern]) => pattern.test(trimmed));

  if (known) {
    return { carrierCode: known[1] };
  }

  return { carrierCode: 'Other', carrierName: trimmed || 'Other' };
}
