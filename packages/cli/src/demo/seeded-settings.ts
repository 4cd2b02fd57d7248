/**
 * Starter settings for the NetSuite ids the emulator seeds (subsidiary, locations, currency, ship
 * items, default customer, Amazon price level): the part of a config that points the Starter
 * flows at an emulated account. `sellerbridge emulate` prints it; the demo builds on it.
 */
import type { RunningEmulators } from '@sellerbridge/emulator';
import type { StarterOptions } from '@sellerbridge/flows-starter';

/** The US marketplace. */
export const US_MARKETPLACE = 'ATVPDKIKX0DER';

type SeededRefs = RunningEmulators['netsuite']['inspect']['seeded'];

/** The Starter settings naming the emulator's seeded records. */
export function seededStarterOptions(seeded: SeededRefs) {
  return {
    marketplaceIds: [US_MARKETPLACE],
    marketplaces: {
      [US_MARKETPLACE]: {
        subsidiaryId: String(seeded.subsidiary),
        locationId: String(seeded.locations.warehouse),
        fbaLocationId: String(seeded.locations.fba),
        currencyId: String(seeded.currencies.USD),
      },
    },
    orders: {
      shipMethods: {
        STANDARD: String(seeded.shipItems.standard),
        EXPEDITED: String(seeded.shipItems.expedited),
      },
      defaultShipMethodId: String(seeded.shipItems.standard),
    },
    customers: { strategy: 'default', defaultCustomerIds: [String(seeded.customers.US)] },
    inventory: { locationIds: [String(seeded.locations.warehouse)] },
    pricing: { priceLevelId: String(seeded.priceLevels.amazon) },
  } satisfies StarterOptions;
}
