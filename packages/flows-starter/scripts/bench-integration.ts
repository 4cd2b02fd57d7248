/**
 * The flows side of `bench/flows-starter.bench.ts`: the real SP-API and NetSuite clients pointed
 * at the emulators' child process (with the calls and requests counted), the NetSuite records
 * the orders need, and the Starter integration on a SQLite store.
 */
import { join } from 'node:path';

import { createIntegration } from '@sellerbridge/flows-core';
import { starter } from '@sellerbridge/flows-starter';
import { createNetSuiteClient } from '@sellerbridge/netsuite-client';
import { createSpApiClient } from '@sellerbridge/sp-api-client';
import { createSqliteStore } from '@sellerbridge/store-sqlite';

import { NETSUITE_CONCURRENCY, REPORT_PLANS, SEARCH_ORDERS } from './bench-plan';

const US = 'ATVPDKIKX0DER';
const DAY_MS = 86_400_000;

/** What `bench-emulators.ts` prints once both emulators listen. */
export interface Ready {
  amazon: {
    url: string;
    lwaUrl: string;
    credentials: {
      clientId: string;
      clientSecret: string;
      refreshToken: string;
      sellingPartnerId: string;
    };
  };
  netsuite: {
    url: string;
    accountId: string;
    tba: { consumerKey: string; consumerSecret: string; tokenId: string; tokenSecret: string };
    seeded: {
      subsidiary: number;
      currencies: Record<string, number>;
      locations: { warehouse: number; fba: number };
      shipItems: { standard: number };
      customers: Record<string, number>;
      items: Record<string, number>;
    };
  };
}

/** What the run counted while `mfn-orders` ran. */
export interface Counters {
  counting: boolean;
  amazonCalls: number;
  throttled: number;
  /** First attempts per SP-API operation (the calls the usage plans pace). */
  callsByOperation: Record<string, number>;
  netsuiteRequests: number;
}

export function createClients(ready: Ready, k: number, counters: Counters) {
  const amazon = createSpApiClient({
    region: 'na',
    baseUrl: ready.amazon.url,
    lwaUrl: ready.amazon.lwaUrl,
    credentials: {
      clientId: ready.amazon.credentials.clientId,
      clientSecret: ready.amazon.credentials.clientSecret,
      refreshToken: ready.amazon.credentials.refreshToken,
    },
    sellingPartnerId: ready.amazon.credentials.sellingPartnerId,
    marketplaceIds: [US],
    reports: { poll: { initialDelayMs: 50, maxDelayMs: 500 } },
    // searchOrders a hair under the emulator's rate, so the two buckets' clocks never disagree
    // into a 429; the report operations at their plans × k.
    rateLimits: {
      overrides: {
        searchOrders: {
          ratePerSecond: SEARCH_ORDERS.rate * k * 0.97,
          burst: SEARCH_ORDERS.burst,
        },
        ...Object.fromEntries(
          Object.entries(REPORT_PLANS).map(([operation, plan]) => [
            operation,
            { ratePerSecond: plan.rate * k, burst: plan.burst },
          ]),
        ),
      },
    },
    retry: { maxDelayMs: 3_000 },
    onEvent: (event) => {
      if (!counters.counting) return;
      if (event.type === 'response' && event.status === 429) counters.throttled += 1;
      if (event.type !== 'request') return;

      counters.amazonCalls += 1;
      if (event.attempt === 1)
        counters.callsByOperation[event.operation] =
          (counters.callsByOperation[event.operation] ?? 0) + 1;
    },
  } as Parameters<typeof createSpApiClient>[0]);
  const netsuite = createNetSuiteClient({
    accountId: ready.netsuite.accountId,
    baseUrl: ready.netsuite.url,
    auth: { type: 'tba', ...ready.netsuite.tba },
    maxConcurrency: NETSUITE_CONCURRENCY,
    onRequest: () => {
      if (counters.counting) counters.netsuiteRequests += 1;
    },
  });

  return { amazon, netsuite };
}

export type Clients = ReturnType<typeof createClients>;

/** Item aliases and the discount, gift-wrap and tax items the orders need (not counted). */
export async function seedNetSuite(
  netsuite: Clients['netsuite'],
  seeded: Ready['netsuite']['seeded'],
) {
  for (const [sku, id] of Object.entries(seeded.items)) {
    await netsuite.records.create('customrecord_sb_alias', {
      name: sku,
      externalId: `sb-alias-${Buffer.from(sku).toString('hex')}`,
      custrecord_sb_sku: sku,
      custrecord_sb_item: String(id),
    });
  }

  const create = async (type: string, itemId: string, externalId: string) =>
    (await netsuite.records.create(type, { itemId, externalId })).id;

  return {
    discount: await create('discountItem', 'Amazon Promotion', 'sb-discount'),
    giftWrap: await create('otherChargeSaleItem', 'Amazon Gift Wrap', 'sb-giftwrap'),
    tax: await create('otherChargeSaleItem', 'Amazon Tax', 'sb-tax'),
  };
}

/** The Starter integration of the runs (default customer, item aliases). */
export function createBenchIntegration(
  ready: Ready,
  clients: Clients,
  items: Awaited<ReturnType<typeof seedNetSuite>>,
  options: { worldNow: string; viaReport: boolean; dir: string; concurrency?: number },
) {
  const { seeded } = ready.netsuite;

  return createIntegration({
    id: 'starter-bench',
    amazon: clients.amazon,
    netsuite: clients.netsuite,
    store: createSqliteStore({ file: join(options.dir, 'state.db') }),
    plugins: [
      starter({
        sellerId: ready.amazon.credentials.sellingPartnerId,
        marketplaceIds: [US],
        marketplaces: {
          [US]: {
            subsidiaryId: String(seeded.subsidiary),
            locationId: String(seeded.locations.warehouse),
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
          startDate: new Date(Date.parse(options.worldNow) - 3_650 * DAY_MS).toISOString(),
          useReportBackfill: options.viaReport,
          maxWindowMs: 3_650 * DAY_MS,
          reportLagMs: 0,
          defaultShipMethodId: String(seeded.shipItems.standard),
          shipMethods: { STANDARD: String(seeded.shipItems.standard) },
          discountItemId: items.discount,
          giftWrapItemId: items.giftWrap,
          tax: { taxItemId: items.tax },
          ...(options.concurrency === undefined ? {} : { concurrency: options.concurrency }),
        },
        customers: { strategy: 'default', defaultCustomerIds: [String(seeded.customers.US)] },
        polling: { initialDelayMs: 50, maxDelayMs: 500 },
      }),
    ],
  });
}
