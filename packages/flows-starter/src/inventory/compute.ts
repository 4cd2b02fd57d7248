/**
 * Quantity to offer on Amazon per MFN SKU: available at the chosen locations (a kit from its
 * components per location), minus the safety stock, times the allocation percentage, floored
 * at 0 (integration-apps §1.10; Sellercloud-style safety quantity and channel %).
 */
import Decimal from 'decimal.js';

import type { InventorySettings } from '../settings/flows';

/** A SKU to push: a plain item, or a kit made of component items. */
export interface InventorySku {
  sku: string;
  itemId: string;
  components?: ReadonlyArray<{ itemId: string; quantity: number }>;
}

/** Available quantity per item id, per location id. */
export type Availability = ReadonlyMap<string, ReadonlyMap<string, number>>;

/** One quantity to send. */
export interface QuantityUpdate {
  sku: string;
  quantity: number;
}

function availableAt(availability: Availability, itemId: string, locationId: string): number {
  return Math.max(0, Math.floor(availability.get(itemId)?.get(locationId) ?? 0));
}

function locationsOf(
  availability: Availability,
  itemIds: readonly string[],
  chosen: readonly string[],
): string[] {
  if (chosen.length > 0) {
    return [...chosen];
  }

  const all = new Set<string>();

  for (const itemId of itemIds) {
    for (const locationId of availability.get(itemId)?.keys() ?? []) all.add(locationId);
  }

  return [...all];
}

/**
 * Units available for one SKU. A kit's units per location are the fewest complete kits its
 * components make there (Celigo's "Calculate Kit Inventory per Location"), summed.
 */
export function availableUnits(
  sku: InventorySku,
  availability: Availability,
  locationIds: readonly string[],
): number {
  const components = sku.components ?? [];

  if (components.length === 0) {
    return locationsOf(availability, [sku.itemId], locationIds).reduce(
      (sum, locationId) => sum + availableAt(availability, sku.itemId, locationId),
      0,
    );
  }

  const locations = locationsOf(
    availability,
    components.map((component) => component.itemId),
    locationIds,
  );

  return locations.reduce((sum, locationId) => {
    const kits = Math.min(
      ...components.map((component) =>
        Math.floor(
          availableAt(availability, component.itemId, locationId) / Math.max(1, component.quantity),
        ),
      ),
    );

    return sum + kits;
  }, 0);
}

/** Applies the safety stock and allocation percentage; never negative. */
export function offeredQuantity(
  available: number,
  settings: Pick<InventorySettings, 'safetyStock' | 'allocationPercent'>,
): number {
  const afterSafety = Math.max(0, available - settings.safetyStock);

  return new Decimal(afterSafety)
    .times(settings.allocationPercent)
    .dividedBy(100)
    .floor()
    .toNumber();
}

/**
 * Computes the quantities and keeps only those that differ from the last pushed value
 * (`lastPushed` holds what Amazon last accepted, by SKU).
 */
export function computeQuantityUpdates(
  skus: readonly InventorySku[],
  availability: Availability,
  settings: Pick<InventorySettings, 'safetyStock' | 'allocationPercent' | 'locationIds'>,
  lastPushed: ReadonlyMap<string, number>,
): QuantityUpdate[] {
  return skus
    .map((sku) => ({
      sku: sku.sku,
      quantity: offeredQuantity(availableUnits(sku, availability, settings.locationIds), settings),
    }))
    .filter((update) => lastPushed.get(update.sku) !== update.quantity);
}
