/**
 * SP-API client CPU overhead (issue 3): 10,000 `getOrder` calls answered with a ~2 KB JSON body
 * by a loopback server in a child process, rate limits off. The client process's CPU time
 * (`process.cpuUsage`, user + system) must stay within 1.3× that of plain got making the same
 * requests (same URL and token header) and parsing the same JSON. Both run with the same
 * concurrency; each side is measured ROUNDS times after a warm-up and the best round counts
 * (the machine is shared, so the minimum is the least disturbed figure).
 *
 * Run alone: `node --import tsx bench/sp-api-cpu.bench.ts` (SP_API_BENCH_CALLS scales it).
 */
import { spawn } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import got from 'got';
import { createSpApiClient } from '@sellerbridge/sp-api-client';

type BenchRow = {
  benchmark: string;
  metric: string;
  value: number;
  unit: string;
  target: string;
  pass: boolean;
};

const CALLS = Number(process.env.SP_API_BENCH_CALLS ?? 10_000);
const CONCURRENCY = 16;
const ROUNDS = 3;
const ORDER_ID = '902-1845936-5435065';

// The loopback server (child process): LWA token endpoint and a ~2 KB getOrder answer.
const SERVER_SOURCE = `
const http = require('node:http');
const item = (n) => ({ orderItemId: 'item-' + n, quantityOrdered: 1, product: { asin: 'B0' + n + 'ABCDEFG', sellerSku: 'SKU-' + n, title: 'Product title number ' + n + ' with some words' }, proceeds: { proceedsTotal: { amount: '19.99', currencyCode: 'USD' } } });
const order = { order: { orderId: '${ORDER_ID}', createdTime: '2025-01-01T10:00:00Z', lastUpdatedTime: '2025-01-02T10:00:00Z', programs: ['PRIME'], salesChannel: { channelName: 'AMAZON', marketplaceId: 'ATVPDKIKX0DER', marketplaceName: 'Amazon.com' }, fulfillment: { fulfillmentStatus: 'SHIPPED', fulfilledBy: 'MERCHANT', fulfillmentServiceLevel: 'STANDARD' }, proceeds: { grandTotal: { amount: '119.94', currencyCode: 'USD' } }, orderItems: [1, 2, 3, 4, 5, 6, 7].map(item) } };
const body = JSON.stringify(order);
const server = http.createServer((req, res) => {
  if (req.method === 'POST') { req.resume(); res.setHeader('content-type', 'application/json'); return res.end(JSON.stringify({ access_token: 'Atza|bench', expires_in: 3600 })); }
  res.setHeader('content-type', 'application/json');
  res.setHeader('x-amzn-requestid', 'bench-request');
  res.end(body);
});
server.keepAliveTimeout = 60000;
server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port, bytes: Buffer.byteLength(body) }));
process.on('disconnect', () => process.exit(0));
`;

async function startServer(): Promise<{ url: string; bytes: number; stop: () => void }> {
  const child = spawn(process.execPath, ['-e', SERVER_SOURCE], {
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const { port, bytes } = await new Promise<{ port: number; bytes: number }>((resolve) =>
    child.once('message', resolve as never),
  );

  return { url: `http://127.0.0.1:${port}`, bytes, stop: () => child.kill() };
}

async function runPool(total: number, task: () => Promise<unknown>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < total) {
      next += 1;
      await task();
    }
  };

  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
}

async function cpuMsOf(total: number, task: () => Promise<unknown>): Promise<number> {
  const before = process.cpuUsage();

  await runPool(total, task);
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

/** Measures client and plain got; returns the best CPU ms of each. */
async function measure(url: string): Promise<{ clientMs: number; gotMs: number }> {
  const client = createSpApiClient({
    region: 'na',
    baseUrl: url,
    lwaUrl: `${url}/auth/o2/token`,
    credentials: { clientId: 'bench', clientSecret: 'bench', refreshToken: 'bench' },
    rateLimits: { enabled: false },
  });
  const plain = got.extend({
    retry: { limit: 0 },
    headers: { 'x-amz-access-token': 'Atza|bench', accept: 'application/json' },
  });
  const orderUrl = `${url}/orders/2026-01-01/orders/${ORDER_ID}`;
  const viaClient = () => client.orders.getOrder(ORDER_ID);
  const viaGot = async () => JSON.parse(await plain(orderUrl).text()) as unknown;
  let clientMs = Number.POSITIVE_INFINITY;
  let gotMs = Number.POSITIVE_INFINITY;

  await cpuMsOf(1_000, viaClient);
  await cpuMsOf(1_000, viaGot);
  for (let round = 0; round < ROUNDS; round += 1) {
    gotMs = Math.min(gotMs, await cpuMsOf(CALLS, viaGot));
    clientMs = Math.min(clientMs, await cpuMsOf(CALLS, viaClient));
  }

  await client.close();
  return { clientMs, gotMs };
}

/** The benchmark entry point (see bench/run.ts). */
export default async function run(): Promise<BenchRow[]> {
  const server = await startServer();

  try {
    const { clientMs, gotMs } = await measure(server.url);
    const ratio = clientMs / gotMs;
    const name = `sp-api-client getOrder ×${CALLS} (${server.bytes} B JSON, limits off)`;

    return [
      {
        benchmark: name,
        metric: 'client CPU',
        value: Math.round(clientMs),
        unit: 'ms',
        target: '—',
        pass: true,
      },
      {
        benchmark: name,
        metric: 'plain got + JSON.parse CPU',
        value: Math.round(gotMs),
        unit: 'ms',
        target: '—',
        pass: true,
      },
      {
        benchmark: name,
        metric: 'CPU ratio client / got',
        value: Number(ratio.toFixed(2)),
        unit: '×',
        target: '≤ 1.3',
        pass: ratio <= 1.3,
      },
    ];
  } finally {
    server.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) console.table(await run());
