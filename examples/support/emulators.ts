/**
 * Emulator wiring shared by the examples: starts both emulators on loopback over one seeded world
 * and gives the client options that point the real SP-API and NetSuite clients at them. Only
 * loopback traffic: every URL below is the emulator's own `http://127.0.0.1:<port>`.
 */
import { startEmulators, type RunningEmulators } from '@sellerbridge/emulator';
import type { createNetSuiteClient } from '@sellerbridge/netsuite-client';
import type { CreateSpApiClientOptions } from '@sellerbridge/sp-api-client';

/** The US marketplace id (Amazon's `ATVPDKIKX0DER`). */
export const US_MARKETPLACE_ID = 'ATVPDKIKX0DER';

/**
 * The emulators' clock runs this many times faster than real time for usage-plan rates, report
 * and feed processing, so an example finishes in seconds instead of the hours Amazon's default
 * `searchOrders` plan (1 request per 180 s) would take.
 */
export const TIME_SCALE = 1000;

/** What the examples build the world from; printed so a test can rebuild the same world. */
export interface WorldSpec {
  seed: number;
  orders: number;
  /** The world's frozen "now" (ISO-8601 UTC). */
  startTime: string;
}

/** Options of {@link startDemoEmulators}. */
export interface DemoEmulatorOptions {
  /** @default 7 */
  seed?: number;
  /** Number of generated orders (50..100,000). @default 60 */
  orders?: number;
}

/**
 * Starts the Amazon and NetSuite emulators in-process on 127.0.0.1 (ephemeral ports), state in
 * memory. The world's "now" is ten minutes ago, so its orders lie in the past of the real clock
 * (Amazon refuses order windows ending less than two minutes before now).
 */
export async function startDemoEmulators(
  options: DemoEmulatorOptions = {},
): Promise<{ emulators: RunningEmulators; world: WorldSpec }> {
  const world: WorldSpec = {
    seed: options.seed ?? 7,
    orders: options.orders ?? 60,
    startTime: new Date(Date.now() - 10 * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
  };
  const emulators = await startEmulators({ worldOptions: world, timeScale: TIME_SCALE });

  return { emulators, world };
}

/**
 * Default usage plans (rate per second, burst) of the operations the Starter flows call, from
 * Amazon's models; multiplied by {@link TIME_SCALE} like the emulator's, bursts unchanged.
 */
const USAGE_PLANS: Record<string, [ratePerSecond: number, burst: number]> = {
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

function scaledUsagePlans(): Record<string, { ratePerSecond: number; burst: number }> {
  return Object.fromEntries(
    Object.entries(USAGE_PLANS).map(([operation, [ratePerSecond, burst]]) => [
      operation,
      { ratePerSecond: ratePerSecond * TIME_SCALE, burst },
    ]),
  );
}

/** `createSpApiClient` options for the Amazon emulator (LWA, SP-API) and its test credentials. */
export function amazonClientOptions(emulators: RunningEmulators): CreateSpApiClientOptions {
  const { url, lwaUrl, credentials } = emulators.amazon;
  const poll = { initialDelayMs: 20, maxDelayMs: 200 };

  return {
    region: 'na',
    baseUrl: url,
    lwaUrl,
    credentials: {
      clientId: credentials.clientId,
      clientSecret: credentials.clientSecret,
      refreshToken: credentials.refreshToken,
    },
    sellingPartnerId: credentials.sellingPartnerId,
    marketplaceIds: [US_MARKETPLACE_ID],
    reports: { poll },
    feeds: { poll },
    retry: { baseDelayMs: 20, maxDelayMs: 500, maxAttempts: 8 },
    rateLimits: { overrides: scaledUsagePlans() },
  } as CreateSpApiClientOptions;
}

/** `createNetSuiteClient` options for the NetSuite emulator and its TBA test credentials. */
export function netsuiteClientOptions(
  emulators: RunningEmulators,
): Parameters<typeof createNetSuiteClient>[0] {
  const { accountId, url, credentials } = emulators.netsuite;

  return {
    accountId,
    baseUrl: url,
    auth: { type: 'tba', ...credentials.tba },
    retry: { baseDelayMs: 20, maxDelayMs: 500, maxAttempts: 8 },
  };
}
