/**
 * Starter order import benchmarks (issue 8). The emulators run in a child process; this process
 * runs `mfn-orders` with the real clients and the SQLite store over loopback.
 *
 * 1. 10,000 MFN orders through the API (default customer): Amazon calls per 100 orders (LWA not
 *    counted) ≤ 1.1, NetSuite requests per order ≤ 1.3, wall time ≤ 1.15 × B where
 *    B = max(T_amazon, T_netsuite), T_amazon = max(0, pages − burst) ÷ (k × searchOrders rate),
 *    T_netsuite = NetSuite requests × mean emulator latency ÷ (k × client concurrency).
 * 2. A 20,000-order history backfill through the all-orders report, bounded the same way with
 *    the report's usage plans and processing time (queue 10 s + processing 30 s, ÷ k).
 *
 * Run alone: `node --import tsx bench/flows-starter.bench.ts` (STARTER_BENCH_ORDERS and
 * STARTER_BENCH_BACKFILL scale the two runs; STARTER_BENCH_ONLY=api|backfill runs one of them;
 * STARTER_BENCH_CONCURRENCY sets `orders.concurrency`, default the plugin's 4).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';

import { createWorld, type WorldOrder } from '@sellerbridge/emulator';
import { createIntegration } from '@sellerbridge/flows-core';
import { starter } from '@sellerbridge/flows-starter';
import { createNetSuiteClient } from '@sellerbridge/netsuite-client';
import { createSpApiClient } from '@sellerbridge/sp-api-client';
import { createSqliteStore } from '@sellerbridge/store-sqlite';

type BenchRow = {
  benchmark: string;
  metric: string;
  value: number;
  unit: string;
  target: string;
  pass: boolean;
};

/** searchOrders usage plan (orders_2026-01-01.json): 0.0056 requests/s, burst 20. */
const SEARCH_RATE = 0.0056;
const SEARCH_BURST = 20;
/** Emulator NetSuite latency range (ms, before the time scale) and its mean. */
const LATENCY: [number, number] = [50, 150];
const MEAN_LATENCY_MS = 100;
/** The NetSuite client's default concurrency (standard tier 5 less one). */
const CONCURRENCY = 4;
/** Report queue + processing in the emulator (amazon/reports/lifecycle.ts), before the time scale. */
const REPORT_MS = 40_000;
const US = 'ATVPDKIKX0DER';
/** Target of the API run's bound B, in seconds. */
const TARGET_B_S = Number(process.env.STARTER_BENCH_TARGET_B_S ?? 240);
const DAY_MS = 86_400_000;
/** `orders.concurrency` of the runs; unset = the plugin's default. */
const ORDER_CONCURRENCY =
  process.env.STARTER_BENCH_CONCURRENCY === undefined
    ? undefined
    : Number(process.env.STARTER_BENCH_CONCURRENCY);

interface Ready {
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

async function startChild(options: object): Promise<{ child: ChildProcess; ready: Ready }> {
  const script = join(
    import.meta.dirname,
    '..',
    'packages',
    'flows-starter',
    'scripts',
    'bench-emulators.ts',
  );
  const child = spawn(process.execPath, ['--import', 'tsx', script, JSON.stringify(options)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const first = await new Promise<string>((resolve, reject) => {
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`emulator process exited with ${code}`)));
  });

  return { child, ready: JSON.parse(first) as Ready };
}

function isMfnCandidate(order: WorldOrder): boolean {
  return order.fulfillment?.fulfilledBy === 'MERCHANT';
}

async function importOrders(
  label: string,
  worldOrders: number,
  viaReport: boolean,
): Promise<BenchRow[]> {
  const worldStart = new Date(Date.now() - 10 * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const worldOptions = { orders: worldOrders, seed: 21, startTime: worldStart };
  const world = createWorld(worldOptions);
  const mfn = world.orders
    .filter(isMfnCandidate)
    .filter((order) =>
      ['UNSHIPPED', 'PARTIALLY_SHIPPED', 'SHIPPED', 'CANCELLED'].includes(
        order.fulfillment?.fulfillmentStatus ?? '',
      ),
    );
  const open = mfn.filter((order) =>
    ['UNSHIPPED', 'PARTIALLY_SHIPPED'].includes(order.fulfillment?.fulfillmentStatus ?? ''),
  );
  const pagesApi = Math.ceil(mfn.length / 100) + 1;
  const pagesOpen = Math.ceil(open.length / 100);
  // k so that B (the Amazon term of the API run) is about TARGET_B_S, never under 60 s, which
  // leaves each page's handling time to overlap the wait for the next searchOrders token.
  const k = viaReport ? 20 : Math.max(1, (pagesApi - SEARCH_BURST) / (SEARCH_RATE * TARGET_B_S));
  const { child, ready } = await startChild({
    worldOptions,
    timeScale: k,
    netsuite: { latencyMs: { read: LATENCY, write: LATENCY } },
  });
  const dir = mkdtempSync(join(tmpdir(), 'sb-starter-bench-'));
  let amazonCalls = 0;
  let netsuiteRequests = 0;
  let throttled = 0;
  let counting = false;

  try {
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
      rateLimits: {
        overrides: {
          searchOrders: { ratePerSecond: SEARCH_RATE * k * 0.97, burst: SEARCH_BURST },
          createReport: { ratePerSecond: 0.0167 * k, burst: 15 },
          getReport: { ratePerSecond: 2 * k, burst: 15 },
          getReportDocument: { ratePerSecond: 0.0167 * k, burst: 15 },
        },
      },
      // A hair under the emulator's rate, so the two buckets' clocks never disagree into a 429.
      retry: { maxDelayMs: 3_000 },
      onEvent: (event) => {
        if (counting && event.type === 'request') amazonCalls += 1;
        if (counting && event.type === 'response' && event.status === 429) throttled += 1;
      },
    } as Parameters<typeof createSpApiClient>[0]);
    const netsuite = createNetSuiteClient({
      accountId: ready.netsuite.accountId,
      baseUrl: ready.netsuite.url,
      auth: { type: 'tba', ...ready.netsuite.tba },
      maxConcurrency: CONCURRENCY,
      onRequest: () => {
        if (counting) netsuiteRequests += 1;
      },
    });
    const { seeded } = ready.netsuite;

    for (const [sku, id] of Object.entries(seeded.items)) {
      await netsuite.records.create('customrecord_sb_alias', {
        name: sku,
        externalId: `sb-alias-${Buffer.from(sku).toString('hex')}`,
        custrecord_sb_sku: sku,
        custrecord_sb_item: String(id),
      });
    }

    const discount = (
      await netsuite.records.create('discountItem', {
        itemId: 'Amazon Promotion',
        externalId: 'sb-discount',
      })
    ).id;
    const giftWrap = (
      await netsuite.records.create('otherChargeSaleItem', {
        itemId: 'Amazon Gift Wrap',
        externalId: 'sb-giftwrap',
      })
    ).id;
    const tax = (
      await netsuite.records.create('otherChargeSaleItem', {
        itemId: 'Amazon Tax',
        externalId: 'sb-tax',
      })
    ).id;
    const integration = createIntegration({
      id: 'starter-bench',
      amazon,
      netsuite,
      store: createSqliteStore({ file: join(dir, 'state.db') }),
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
            startDate: new Date(Date.parse(world.now) - 3_650 * DAY_MS).toISOString(),
            useReportBackfill: viaReport,
            maxWindowMs: 3_650 * DAY_MS,
            reportLagMs: 0,
            defaultShipMethodId: String(seeded.shipItems.standard),
            shipMethods: { STANDARD: String(seeded.shipItems.standard) },
            discountItemId: discount,
            giftWrapItemId: giftWrap,
            tax: { taxItemId: tax },
            ...(ORDER_CONCURRENCY === undefined ? {} : { concurrency: ORDER_CONCURRENCY }),
          },
          customers: { strategy: 'default', defaultCustomerIds: [String(seeded.customers.US)] },
          polling: { initialDelayMs: 50, maxDelayMs: 500 },
        }),
      ],
    });

    counting = true;
    const startedMs = performance.now();
    const startedCpu = process.cpuUsage();
    const summary = await integration.run('mfn-orders');
    const wallS = (performance.now() - startedMs) / 1000;
    const cpu = process.cpuUsage(startedCpu);
    const cpuS = (cpu.user + cpu.system) / 1e6;
    counting = false;
    await integration.close();
    await amazon.close();
    await netsuite.close();

    const imported = summary.created;
    const tNetSuite = (netsuiteRequests * MEAN_LATENCY_MS) / 1000 / (k * CONCURRENCY);
    const tAmazon = viaReport
      ? REPORT_MS / 1000 / k + Math.max(0, pagesOpen - SEARCH_BURST) / (k * SEARCH_RATE)
      : Math.max(0, pagesApi - SEARCH_BURST) / (k * SEARCH_RATE);
    const bound = Math.max(tAmazon, tNetSuite);
    const name = `flows-starter ${label}`;
    const rows: BenchRow[] = [
      {
        benchmark: name,
        metric: `orders imported (${summary.read} read, k=${k.toFixed(1)})`,
        value: imported,
        unit: 'orders',
        target: 'informational',
        pass: true,
      },
      {
        benchmark: name,
        metric: 'NetSuite requests per order',
        value: round(netsuiteRequests / Math.max(1, imported)),
        unit: 'requests',
        target: '≤ 1.3',
        pass: netsuiteRequests / Math.max(1, imported) <= 1.3,
      },
      {
        benchmark: name,
        metric: `wall time (bound B = ${bound.toFixed(1)} s)`,
        value: round(wallS),
        unit: 's',
        target: `≤ ${(1.15 * bound).toFixed(1)} s`,
        pass: wallS <= 1.15 * bound,
      },
      {
        benchmark: name,
        metric: 'CPU time of the flows process (emulators excluded)',
        value: round(cpuS),
        unit: 's',
        target: 'informational',
        pass: true,
      },
    ];

    if (!viaReport) {
      // Per 100 MFN orders Amazon returned and the flow handled (imported, held or cancelled).
      const perHundred = (amazonCalls / Math.max(1, summary.read)) * 100;
      rows.splice(1, 0, {
        benchmark: name,
        metric: `Amazon calls per 100 orders (${amazonCalls} calls, ${throttled} answered 429)`,
        value: round(perHundred),
        unit: 'calls',
        target: '≤ 1.1',
        pass: perHundred <= 1.1,
      });
    }

    return rows;
  } finally {
    child.stdin?.end();
    rmSync(dir, { recursive: true, force: true });
  }
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** Runs both benchmarks. */
export default async function run(): Promise<BenchRow[]> {
  const orders = Number(process.env.STARTER_BENCH_ORDERS ?? 20_000);
  const backfill = Number(process.env.STARTER_BENCH_BACKFILL ?? 20_000);
  const only = process.env.STARTER_BENCH_ONLY;
  const rows: BenchRow[] = [];

  if (only !== 'backfill')
    rows.push(...(await importOrders('10k MFN orders via API', orders, false)));
  if (only !== 'api') rows.push(...(await importOrders('report backfill', backfill, true)));

  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  run().then(
    (rows) => console.table(rows),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
