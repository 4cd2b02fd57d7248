/**
 * The demo's environment: both emulators in process on loopback over one seeded world (state
 * files under the demo folder), the real clients pointed at them, the demo NetSuite account's
 * extra items, and Starter settings that match the seeded account.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Logger } from '@sellerbridge/http-core';
import {
  startEmulators,
  type RunningEmulators,
  type StartEmulatorsOptions,
} from '@sellerbridge/emulator';
import type { StarterOptions } from '@sellerbridge/flows-starter';
import { createNetSuiteClient, type NetSuiteClient } from '@sellerbridge/netsuite-client';
import { createSpApiClient, OPERATIONS, type SpApiClient } from '@sellerbridge/sp-api-client';
import { seededStarterOptions, US_MARKETPLACE } from './seeded-settings';
import type { DemoState } from './state';

export { US_MARKETPLACE } from './seeded-settings';

/** Options of {@link startDemoEnvironment}. */
export interface DemoEnvironmentOptions {
  dir: string;
  state: DemoState;
  /** Emulator time scale: usage-plan rates × k, latencies ÷ k. */
  timeScale: number;
  /** Share of requests that fail with 429 / 5xx / resets, 0..1. */
  faultRate: number;
  logger: Logger;
}

/** A running demo environment. */
export interface DemoEnvironment {
  emulators: RunningEmulators;
  amazon: SpApiClient;
  netsuite: NetSuiteClient;
  starterOptions: StarterOptions;
  sandboxExamples: boolean;
  close(): Promise<void>;
}

/** Starts emulators, clients and the account setup. */
export async function startDemoEnvironment(
  options: DemoEnvironmentOptions,
): Promise<DemoEnvironment> {
  const examplesDir = findSandboxExamples();
  const emulators = await startEmulators({
    worldOptions: {
      seed: options.state.seed,
      orders: options.state.orders,
      startTime: options.state.worldStart,
      ...(examplesDir ? { sandboxExamplesDir: examplesDir } : {}),
    },
    timeScale: options.timeScale,
    dir: join(options.dir, 'emulator'),
    faults: faultOptions(options.faultRate),
  });

  try {
    const { amazon, netsuite } = createDemoClients(emulators, options);
    const refs = await setUpDemoAccount(netsuite);

    return {
      emulators,
      amazon,
      netsuite,
      starterOptions: demoStarterOptions(emulators, refs),
      sandboxExamples: examplesDir !== undefined,
      close: async () => {
        await Promise.all([amazon.close(), netsuite.close()]);
        await emulators.close();
      },
    };
  } catch (error) {
    await emulators.close();
    throw error;
  }
}

/**
 * Amazon's static sandbox examples live in the vendor data folder of this repository's workspace
 * (`SELLERBRIDGE_SHARED`, or `../shared` beside the checkout); a clone without it runs the demo
 * on the generated world alone.
 */
function findSandboxExamples(): string | undefined {
  const candidates = [process.env.SELLERBRIDGE_SHARED, resolve(process.cwd(), '..', 'shared')];

  return candidates
    .filter((dir): dir is string => Boolean(dir))
    .map((dir) => join(dir, 'amazon', 'samples', 'sandbox-static-examples'))
    .find((dir) => existsSync(dir));
}

/** Spreads a total fault share over 429s, 5xx and resets on both sides, as the e2e tests do. */
function faultOptions(rate: number): StartEmulatorsOptions['faults'] {
  if (rate <= 0) return undefined;

  return {
    amazon: {
      throttleRate: rate * 0.4,
      internalErrorRate: rate * 0.2,
      serviceUnavailableRate: rate * 0.1,
      resetRate: rate * 0.3,
    },
    netsuite: {
      rates: {
        '429': rate * 0.3,
        '500': rate * 0.2,
        reset: rate * 0.2,
        resetAfterCommit: rate * 0.3,
      },
    },
  };
}

function createDemoClients(emulators: RunningEmulators, options: DemoEnvironmentOptions) {
  const { amazon: amazonEmulator, netsuite: netsuiteEmulator } = emulators;
  const retry = { baseDelayMs: 50, maxDelayMs: 1000, maxAttempts: 8 };
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
    marketplaceIds: [US_MARKETPLACE],
    reports: { poll: { initialDelayMs: 50, maxDelayMs: 500 } },
    feeds: { poll: { initialDelayMs: 50, maxDelayMs: 500 } },
    retry,
    rateLimits: { overrides: scaledUsagePlans(options.timeScale) },
    logger: options.logger,
  } as Parameters<typeof createSpApiClient>[0]);
  const netsuite = createNetSuiteClient({
    accountId: netsuiteEmulator.accountId,
    baseUrl: netsuiteEmulator.url,
    auth: { type: 'tba', ...netsuiteEmulator.credentials.tba },
    retry,
    logger: options.logger,
  });

  return { amazon, netsuite };
}

/** Amazon's published usage plans multiplied like the emulator's (bursts unchanged; DESIGN §6). */
function scaledUsagePlans(
  timeScale: number,
): Record<string, { ratePerSecond: number; burst: number }> {
  const plans: Record<string, { ratePerSecond: number; burst: number }> = {};

  for (const [operation, spec] of Object.entries(OPERATIONS)) {
    if (spec.ratePerSecond === null || spec.burst === null) continue;
    plans[operation] = { ratePerSecond: spec.ratePerSecond * timeScale, burst: spec.burst };
  }
  return plans;
}

interface DemoRefs {
  discountItemId: string;
  giftWrapItemId: string;
  taxItemId: string;
}

/** The three line items the order flows need and the seeded account lacks; safe to repeat. */
async function setUpDemoAccount(netsuite: NetSuiteClient): Promise<DemoRefs> {
  return {
    discountItemId: await createOnce(netsuite, 'discountItem', {
      itemId: 'Amazon Promotion',
      externalId: 'sb-demo-discount',
    }),
    giftWrapItemId: await createOnce(netsuite, 'otherChargeSaleItem', {
      itemId: 'Amazon Gift Wrap',
      externalId: 'sb-demo-giftwrap',
    }),
    taxItemId: await createOnce(netsuite, 'otherChargeSaleItem', {
      itemId: 'Amazon Tax',
      externalId: 'sb-demo-tax',
    }),
  };
}

async function createOnce(
  netsuite: NetSuiteClient,
  type: string,
  body: Record<string, unknown> & { externalId: string },
): Promise<string> {
  const existing = await netsuite.records
    .getByExternalId(type, body.externalId)
    .catch((error: unknown) => {
      if ((error as { code?: string }).code === 'NOT_FOUND') return undefined;
      throw error;
    });
  if (existing) return String((existing as { id: string | number }).id);

  try {
    return (await netsuite.records.create(type, body)).id;
  } catch (error) {
    const existingId = (error as { existingId?: string }).existingId;
    if (existingId !== undefined) return existingId;
    throw error;
  }
}

// Amazon's sandbox examples carry placeholder dates from 1970; a first sync never reaches back
// there, so the demo's history starts a day before the earliest order of this century.
const EARLIEST_SYNC_START = Date.parse('2000-01-01T00:00:00Z');

/** The first sync's start date: a day before the oldest order the demo should import. */
export function demoHistoryStart(emulators: RunningEmulators): string {
  const created = emulators.world.orders
    .map((order) => Date.parse(order.createdTime))
    .filter((time) => time >= EARLIEST_SYNC_START);

  return new Date(Math.min(...created) - 86_400_000).toISOString();
}

function demoStarterOptions(emulators: RunningEmulators, refs: DemoRefs): StarterOptions {
  // The price level is added by the demo session; a config from these options keeps its own.
  const { pricing: _pricing, ...seeded } = seededStarterOptions(emulators.netsuite.inspect.seeded);

  return {
    ...seeded,
    sellerId: emulators.amazon.credentials.sellingPartnerId,
    timeZone: 'America/Los_Angeles',
    items: { by: 'itemName' },
    orders: {
      ...seeded.orders,
      startDate: demoHistoryStart(emulators),
      discountItemId: refs.discountItemId,
      giftWrapItemId: refs.giftWrapItemId,
      tax: { taxItemId: refs.taxItemId },
      reportLagMs: 0,
    },
    polling: { initialDelayMs: 50, maxDelayMs: 500 },
  };
}
