/**
 * FNV-1a hash of a string: lets derived facts (refunds, fees, returns) depend only on an order's
 * id, so they stay stable however often and in whatever order they are derived.
 */
export function hashString(value: string, salt = 0): number {
  let hash = (0x811c9dc5 ^ salt) >>> 0;
  for (let i = 0; i < value.length; i += 1) {
    hash ^= value.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }

  return hash;
}

/** Fulfillment centres per marketplace (real Amazon FC codes). */
export const FULFILLMENT_CENTERS: Record<string, readonly string[]> = {
  ATVPDKIKX0DER: ['PHX7', 'ONT8', 'BFI4', 'SDF8'],
  A1PA6795UKMFR9: ['LEJ1', 'FRA7', 'MUC3'],
};

/** A fulfillment centre of the marketplace chosen by hash. */
export function fulfillmentCenterFor(marketplaceId: string, key: string): string {
  const centers = FULFILLMENT_CENTERS[marketplaceId] ?? ['PHX7'];
  return centers[hashString(key, 7) % centers.length] ?? 'PHX7';
}
