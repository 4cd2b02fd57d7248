/**
 * The one-time account setup a real integrator does by hand in NetSuite, done here against the
 * emulator: the items the demo's orders need but the seeded account lacks (discount, gift wrap,
 * tax), an item alias per Amazon SKU, and the Starter settings built from the seeded internal ids.
 * Every create carries an external id, so running it twice creates nothing new.
 */
import type { RunningEmulators } from '@sellerbridge/emulator';
import type { StarterOptions } from '@sellerbridge/flows-starter';
import type { NetSuiteClient } from '@sellerbridge/netsuite-client';

import { US_MARKETPLACE_ID } from './emulators';

/** Internal ids of the items {@link prepareAccount} makes sure exist. */
export interface DemoItems {
  discountItemId: string;
  giftWrapItemId: string;
  taxItemId: string;
}

const TRANSIENT_CODES = new Set(['NETWORK', 'SERVER', 'THROTTLED']);
const MAX_CREATE_ATTEMPTS = 6;

/**
 * Creates a record with an external id, or returns the id of the record that already has it
 * (the NetSuite client's `ConflictError.existingId`). Transient failures are tried again.
 */
export async function createIdempotently(
  netsuite: NetSuiteClient,
  type: string,
  body: Record<string, unknown> & { externalId: string },
): Promise<string> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return (await netsuite.records.create(type, body)).id;
    } catch (error) {
      const { existingId, code } = error as { existingId?: string; code?: string };
      if (existingId !== undefined) return existingId;

      const transient = TRANSIENT_CODES.has(code ?? '');
      if (!transient || attempt >= MAX_CREATE_ATTEMPTS) throw error;
    }
  }
}

/**
 * Maps an Amazon SKU to a NetSuite item through an alias custom record (integration-apps §1.6):
 * the emulator's seeded item names are numbers, not the SKUs.
 */
async function createAlias(netsuite: NetSuiteClient, sku: string, itemId: string): Promise<void> {
  await createIdempotently(netsuite, 'customrecord_sb_alias', {
    name: sku,
    externalId: `sb-alias-${Buffer.from(sku).toString('hex')}`,
    custrecord_sb_sku: sku,
    custrecord_sb_item: itemId,
    isInactive: false,
  });
}

async function createDemoItems(netsuite: NetSuiteClient): Promise<DemoItems> {
  const discountItemId = await createIdempotently(netsuite, 'discountItem', {
    itemId: 'Amazon Promotion',
    externalId: 'sb-discount',
  });
  const giftWrapItemId = await createIdempotently(netsuite, 'otherChargeSaleItem', {
    itemId: 'Amazon Gift Wrap',
    externalId: 'sb-giftwrap',
  });
  const taxItemId = await createIdempotently(netsuite, 'otherChargeSaleItem', {
    itemId: 'Amazon Tax',
    externalId: 'sb-tax',
  });

  return { discountItemId, giftWrapItemId, taxItemId };
}

/** Starter settings for the emulator's seeded NetSuite account (ids from `inspect.seeded`). */
export function starterSettings(emulators: RunningEmulators, items: DemoItems): StarterOptions {
  const { seeded } = emulators.netsuite.inspect;
  const lookbackMs = 120 * 86_400_000;

  return {
    sellerId: emulators.amazon.credentials.sellingPartnerId,
    marketplaceIds: [US_MARKETPLACE_ID],
    marketplaces: {
      [US_MARKETPLACE_ID]: {
        subsidiaryId: String(seeded.subsidiary),
        locationId: String(seeded.locations.warehouse),
        fbaLocationId: String(seeded.locations.fba),
        currencyId: String(seeded.currencies.USD),
      },
    },
    items: {
      by: 'alias',
      alias: {
        recordType: 'customrecord_sb_alias',
        skuField: 'custrecord_sb_sku',
        itemField: 'custrecord_sb_item',
      },
    },
    orders: {
      startDate: new Date(Date.parse(emulators.world.now) - lookbackMs).toISOString(),
      shipMethods: {
        STANDARD: String(seeded.shipItems.standard),
        EXPEDITED: String(seeded.shipItems.expedited),
      },
      defaultShipMethodId: String(seeded.shipItems.standard),
      discountItemId: items.discountItemId,
      giftWrapItemId: items.giftWrapItemId,
      tax: { taxItemId: items.taxItemId },
      // The emulator's reports are complete at once; Amazon's lag by up to 30 minutes.
      reportLagMs: 0,
    },
    customers: { strategy: 'default', defaultCustomerIds: [String(seeded.customers.US)] },
    inventory: { locationIds: [String(seeded.locations.warehouse)] },
    polling: { initialDelayMs: 20, maxDelayMs: 200 },
  };
}

/**
 * Prepares the emulated NetSuite account for the Starter flows and returns their settings.
 * Idempotent (external ids), so it is safe on every start.
 */
export async function prepareAccount(
  netsuite: NetSuiteClient,
  emulators: RunningEmulators,
): Promise<StarterOptions> {
  const items = await createDemoItems(netsuite);

  for (const [sku, itemId] of Object.entries(emulators.netsuite.inspect.seeded.items)) {
    await createAlias(netsuite, sku, String(itemId));
  }

  return starterSettings(emulators, items);
}

/** A sales order as the NetSuite emulator stores it, reduced to what the examples print. */
export interface ImportedSalesOrder {
  id: number;
  externalId: string;
  amazonOrderId: string;
  total: string;
}

/** Every sales order in the NetSuite emulator (its inspect API), oldest first. */
export function salesOrdersInNetSuite(emulators: RunningEmulators): ImportedSalesOrder[] {
  return emulators.netsuite.inspect.records('salesOrder').map((record) => ({
    id: record.id,
    externalId: record.externalId ?? '',
    amazonOrderId: String(record.body.otherRefNum ?? ''),
    total: String(record.body.total ?? ''),
  }));
}
