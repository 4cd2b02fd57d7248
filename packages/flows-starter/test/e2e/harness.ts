/**
 * End-to-end harness: both emulators over real sockets on one world, the real SP-API and
 * NetSuite clients pointed at them, the SQLite store, and the Starter plugin configured for the
 * seeded NetSuite account. Only loopback traffic.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import {
  startEmulators,
  type RunningEmulators,
  type StartEmulatorsOptions,
} from '@sellerbridge/emulator';
import { createIntegration, type Integration } from '@sellerbridge/flows-core';
import type { Logger } from '@sellerbridge/http-core';
import { createNetSuiteClient, type NetSuiteClient } from '@sellerbridge/netsuite-client';
import { createSpApiClient, type SpApiClient } from '@sellerbridge/sp-api-client';
import { createSqliteStore } from '@sellerbridge/store-sqlite';

import { starter, type StarterOptions } from '../../src/index';

/** US marketplace id. */
export const US = 'ATVPDKIKX0DER';

/** Items the harness adds to the seeded account (the world seeds no discount / gift-wrap / tax line items). */
export interface SetupRefs {
  discountItemId: string;
  giftWrapItemId: string;
  taxItemId: string;
}

/** A started environment. */
export interface Environment {
  emulators: RunningEmulators;
  amazon: SpApiClient;
  netsuite: NetSuiteClient;
  refs: SetupRefs;
  dir: string;
  /** Starter options matching the seeded account. */
  options: StarterOptions;
  /** A fresh integration over the SQLite file of this environment. */
  integration(overrides?: StarterOptions): Integration;
  close(): Promise<void>;
}

/** Options of {@link startEnvironment}. */
export interface EnvironmentOptions {
  orders?: number;
  seed?: number;
  timeScale?: number;
  faults?: StartEmulatorsOptions['faults'];
  /** Logger of the clients and the integration (silent by default). */
  logger?: Logger;
  /** Ten minutes before now by default, so the world's orders are in the past of the real clock. */
  worldStart?: string;
}

function createClients(
  emulators: RunningEmulators,
  timeScale: number,
  logger?: Logger,
): { amazon: SpApiClient; netsuite: NetSuiteClient } {
  const { amazon: amazonEmulator, netsuite: netsuiteEmulator } = emulators;
  const amazon = createSpApiClient({
    region: 'na',
    baseUrl: amazonEmulator.url,
    lwaUrl: amazonEmulator.lwaUrl,
    credentials: {
      clientId: amazonEmulator.credentials.clientId,
      clientSecret: amazonEmulator.credentials.clientSecret,
      refreshToken: amazonEmulator.credentials.refreshToken,
    },
    sellingPartnerId: amazonEmulator.credentials.sellingPartnerId,
    marketplaceIds: [US],
    logger,
    reports: { poll: { initialDelayMs: 20, maxDelayMs: 200 } },
    feeds: { poll: { initialDelayMs: 20, maxDelayMs: 200 } },
    retry: { baseDelayMs: 20, maxDelayMs: 500, maxAttempts: 8 },
    rateLimits: { overrides: scaledPlans(timeScale) },
  } as Parameters<typeof createSpApiClient>[0]);
  const { tba } = netsuiteEmulator.credentials;
  const netsuite = createNetSuiteClient({
    accountId: netsuiteEmulator.accountId,
    baseUrl: netsuiteEmulator.url,
    auth: { type: 'tba', ...tba },
    logger,
    retry: { baseDelayMs: 20, maxDelayMs: 500, maxAttempts: 8 },
  });

  return { amazon, netsuite };
}

/** The usage plans the flows use, multiplied like the emulator's (bursts unchanged). */
function scaledPlans(timeScale: number): Record<string, { ratePerSecond: number; burst: number }> {
  const plans: Record<string, [number, number]> = {
    searchOrders: [0.0056, 20],
    getOrder: [0.5, 30],
    confirmShipment: [2, 10],
    createReport: [0.0167, 15],
    getReport: [2, 15],
    getReportDocument: [0.0167, 15],
    patchListingsItem: [5, 5],
    getListingsItem: [5, 5],
    searchListingsItems: [5, 5],
    createFeedDocument: [0.5, 15],
    createFeed: [0.0083, 15],
    getFeed: [2, 15],
    getFeedDocument: [0.0222, 10],
  };

  return Object.fromEntries(
    Object.entries(plans).map(([operation, [rate, burst]]) => [
      operation,
      { ratePerSecond: rate * timeScale, burst },
    ]),
  );
}

async function setupAccount(
  netsuite: NetSuiteClient,
  emulators: RunningEmulators,
): Promise<SetupRefs> {
  const { seeded } = emulators.netsuite.inspect;
  const create = (type: string, body: Record<string, unknown>) =>
    createSafely(netsuite, type, body);
  const discountItemId = await create('discountItem', {
    itemId: 'Amazon Promotion',
    externalId: 'sb-discount',
  });
  const giftWrapItemId = await create('otherChargeSaleItem', {
    itemId: 'Amazon Gift Wrap',
    externalId: 'sb-giftwrap',
  });
  const taxItemId = await create('otherChargeSaleItem', {
    itemId: 'Amazon Tax',
    externalId: 'sb-tax',
  });

  // Item aliases (integration-apps §1.6): the seeded item names are numbers, not the SKUs.
  for (const [sku, id] of Object.entries(seeded.items)) {
    await createAlias(netsuite, sku, String(id));
  }

  return { discountItemId, giftWrapItemId, taxItemId };
}

/**
 * Creates a record with an external id, again after a transient failure (setup runs under the
 * injected faults too); an existing record with that external id is the answer.
 */
export async function createSafely(
  netsuite: NetSuiteClient,
  type: string,
  body: Record<string, unknown>,
): Promise<string> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return (await netsuite.records.create(type, body)).id;
    } catch (error) {
      const { existingId, code } = error as { existingId?: string; code?: string };

      if (existingId !== undefined) return existingId;
      if (!['NETWORK', 'SERVER', 'THROTTLED'].includes(code ?? '') || attempt >= 6) throw error;
    }
  }
}

/** Adds an item alias (SKU → item); the external id makes the create safe to retry. */
export async function createAlias(
  netsuite: NetSuiteClient,
  sku: string,
  itemId: string,
): Promise<void> {
  const externalId = `sb-alias-${Buffer.from(sku).toString('hex')}`;

  await createSafely(netsuite, 'customrecord_sb_alias', {
    name: sku,
    externalId,
    custrecord_sb_sku: sku,
    custrecord_sb_item: itemId,
    isInactive: false,
  });
}

function starterOptions(emulators: RunningEmulators, refs: SetupRefs): StarterOptions {
  const { seeded } = emulators.netsuite.inspect;

  return {
    sellerId: emulators.amazon.credentials.sellingPartnerId,
    marketplaceIds: [US],
    timeZone: 'America/Los_Angeles',
    marketplaces: {
      [US]: {
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
      startDate: new Date(Date.parse(emulators.world.now) - 120 * 86_400_000).toISOString(),
      shipMethods: {
        STANDARD: String(seeded.shipItems.standard),
        EXPEDITED: String(seeded.shipItems.expedited),
      },
      defaultShipMethodId: String(seeded.shipItems.standard),
      discountItemId: refs.discountItemId,
      giftWrapItemId: refs.giftWrapItemId,
      tax: { taxItemId: refs.taxItemId },
      reportLagMs: 0,
    },
    customers: { strategy: 'default', defaultCustomerIds: [String(seeded.customers.US)] },
    inventory: { locationIds: [String(seeded.locations.warehouse)], feedThreshold: 1000 },
    pricing: { feedThreshold: 1000 },
    polling: { initialDelayMs: 20, maxDelayMs: 200 },
  };
}

/** Starts emulators, clients, the account setup and a SQLite store directory. */
export async function startEnvironment(options: EnvironmentOptions = {}): Promise<Environment> {
  const timeScale = options.timeScale ?? 1000;
  const worldStart =
    options.worldStart ??
    new Date(Date.now() - 10 * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const emulators = await startEmulators({
    worldOptions: { orders: options.orders ?? 120, seed: options.seed ?? 3, startTime: worldStart },
    timeScale,
    faults: options.faults,
  });
  const { amazon, netsuite } = createClients(emulators, timeScale, options.logger);
  const refs = await setupAccount(netsuite, emulators);
  const dir = mkdtempSync(join(tmpdir(), 'sb-starter-e2e-'));
  const options_ = starterOptions(emulators, refs);

  return {
    emulators,
    amazon,
    netsuite,
    refs,
    dir,
    options: options_,
    integration: (overrides = {}) =>
      createIntegration({
        id: 'starter-e2e',
        amazon,
        netsuite,
        store: createSqliteStore({ file: join(dir, 'state.db') }),
        plugins: [starter({ ...options_, ...overrides })],
        encryptionKey: 'a'.repeat(64),
        logger: options.logger,
      }),
    close: async () => {
      await amazon.close();
      await netsuite.close();
      await emulators.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
