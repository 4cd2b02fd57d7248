/**
 * NetSuite client benchmarks (issue 4), loopback only, each role in its own process:
 * 1. CPU: 10,000 record GETs of a ~2 KB salesOrder body from a server child process. Our client
 *    (TBA signing, limiter, retry loop, zod parsing) vs plain got doing the same requests with the
 *    same signing (oauth-1.0a HMAC-SHA256), both with 4 requests in flight. Target: our client's
 *    CPU time ≤ 1.3× plain got's.
 * 2. Concurrency: 1,000 calls against a limit of 5, server with a fixed 20 ms latency. The server
 *    records when each request arrives and is answered; target: exactly 5 in flight for ≥ 95% of
 *    the time between the first request and the last response. Each round also runs a baseline:
 *    plain got with the same signing behind a minimal 5-slot semaphore, against its own fresh
 *    server. Between a response leaving the server and the next request arriving there is always
 *    one client turnaround (read the response, free the slot, sign, write the next request); 95%
 *    at 20 ms allows 5 × turnaround ≤ 5% × (20 ms + turnaround), i.e. about 0.2 ms. The baseline
 *    shows what the machine allows at the moment of the run, so a miss can be attributed.
 *
 * Run alone: `node --import tsx bench/netsuite-client.bench.ts` (NS_BENCH_GETS scales part 1).
 */
import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { fileURLToPath, pathToFileURL } from 'node:url';

import got from 'got';
import OAuth from 'oauth-1.0a';

import { createLimiterRegistry } from '@sellerbridge/http-core';
import { createNetSuiteClient } from '@sellerbridge/netsuite-client';

import { serve } from './support/netsuite-bench-server';

type BenchRow = {
  benchmark: string;
  metric: string;
  value: number;
  unit: string;
  target: string;
  pass: boolean;
};
type ConsumerResult = { cpuMs: number; elapsedMs: number; requests: number };
type ConsumerKind = 'ours' | 'plain';

const SELF = fileURLToPath(import.meta.url);
const GETS = Number(process.env.NS_BENCH_GETS ?? 10_000);
const WARMUP_GETS = Math.min(1000, GETS);
const IN_FLIGHT = 4;
const ROUNDS = Number(process.env.NS_BENCH_ROUNDS ?? 2);
const CONCURRENCY_ROUNDS = Number(process.env.NS_BENCH_CONCURRENCY_ROUNDS ?? 3);
const CALLS = 1000;
const LIMIT = 5;
const LATENCY_MS = 20;
const CREDENTIALS = {
  consumerKey: 'bench-consumer-key',
  consumerSecret: 'bench-consumer-secret',
  tokenId: 'bench-token-id',
  tokenSecret: 'bench-token-secret',
};

/** Runs `count` calls with `inFlight` workers. */
async function runWorkers(
  count: number,
  inFlight: number,
  call: (index: number) => Promise<unknown>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) await call(next++);
  };

  await Promise.all(Array.from({ length: inFlight }, worker));
}

/** Consumer role: our client or plain got; prints CPU time of the measured phase. */
async function consume(kind: ConsumerKind, baseUrl: string): Promise<void> {
  const get = kind === 'plain' ? createPlainGet(baseUrl) : createOurGet(baseUrl);

  await runWorkers(WARMUP_GETS, IN_FLIGHT, (index) => get(String(index + 1)));

  const startedAt = performance.now();
  const cpuBefore = process.cpuUsage();
  await runWorkers(GETS, IN_FLIGHT, (index) => get(String(index + 1)));
  const cpu = process.cpuUsage(cpuBefore);

  const result: ConsumerResult = {
    cpuMs: (cpu.user + cpu.system) / 1000,
    elapsedMs: performance.now() - startedAt,
    requests: GETS,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exit(0);
}

function createOurGet(baseUrl: string): (id: string) => Promise<unknown> {
  const client = createNetSuiteClient({
    accountId: '1234567',
    baseUrl,
    auth: { type: 'tba', ...CREDENTIALS },
    maxConcurrency: IN_FLIGHT,
  });
  return (id) => client.records.get('salesOrder', id);
}

/** A minimal semaphore for the plain-got concurrency baseline (the hand-off is one microtask). */
function createSemaphore(maxConcurrent: number): <T>(task: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: Array<() => void> = [];

  return async (task) => {
    if (active < maxConcurrent) active += 1;
    else await new Promise<void>((resolve) => waiting.push(resolve));

    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else active -= 1;
    }
  };
}

function createPlainGet(baseUrl: string): (id: string) => Promise<unknown> {
  const oauth = new OAuth({
    consumer: { key: CREDENTIALS.consumerKey, secret: CREDENTIALS.consumerSecret },
    signature_method: 'HMAC-SHA256',
    hash_function: (base, key) => createHmac('sha256', key).update(base).digest('base64'),
    realm: '1234567',
  });
  const token = { key: CREDENTIALS.tokenId, secret: CREDENTIALS.tokenSecret };

  return async (id) => {
    const url = `${baseUrl}/services/rest/record/v1/salesOrder/${id}`;
    const authorization = oauth.toHeader(
      oauth.authorize({ url, method: 'GET' }, token),
    ).Authorization;
    const response = await got(url, {
      headers: { authorization },
      retry: { limit: 0 },
      throwHttpErrors: false,
    });
    return JSON.parse(response.body) as unknown;
  };
}

/** Spawns a role of this file and resolves with its first stdout line. */
function spawnRole(
  args: string[],
  env: Record<string, string> = {},
): { firstLine: Promise<string>; stop: () => void } {
  const child = spawn(process.execPath, ['--import', 'tsx', SELF, ...args], {
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const firstLine = new Promise<string>((resolve, reject) => {
    let buffer = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      if (buffer.includes('\n')) resolve(buffer.split('\n')[0] as string);
    });
    child.on('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}`)));
  });

  return { firstLine, stop: () => child.stdin.end() };
}

async function startServer(latencyMs: number): Promise<{ baseUrl: string; stop: () => void }> {
  const server = spawnRole(['server', String(latencyMs)]);
  return { baseUrl: `http://127.0.0.1:${await server.firstLine}`, stop: server.stop };
}

async function benchCpu(): Promise<BenchRow[]> {
  const server = await startServer(0);
  const best: Record<ConsumerKind, number> = {
    ours: Number.POSITIVE_INFINITY,
    plain: Number.POSITIVE_INFINITY,
  };

  try {
    for (let round = 0; round < ROUNDS; round++) {
      for (const kind of ['plain', 'ours'] as const) {
        const result = JSON.parse(
          await spawnRole(['consume', kind, server.baseUrl]).firstLine,
        ) as ConsumerResult;
        best[kind] = Math.min(best[kind], result.cpuMs);
      }
    }
  } finally {
    server.stop();
  }

  const ratio = best.ours / best.plain;
  const row = (
    metric: string,
    value: number,
    unit: string,
    target: string,
    pass: boolean,
  ): BenchRow => ({
    benchmark: 'netsuite-client record GETs',
    metric,
    value: Math.round(value * 100) / 100,
    unit,
    target,
    pass,
  });

  return [
    row(`client CPU for ${GETS} GETs`, best.ours, 'ms', 'info', true),
    row(`plain got CPU for ${GETS} GETs`, best.plain, 'ms', 'info', true),
    row(`client / plain got CPU (best of ${ROUNDS})`, ratio, 'x', '≤ 1.3', ratio <= 1.3),
  ];
}

/** Fraction of [first arrival, last answer] during which exactly `limit` requests were open. */
function fractionAtLimit(
  intervals: Array<[number, number]>,
  limit: number,
): { fraction: number; maxInFlight: number } {
  const events = intervals.flatMap(([start, end]) => [
    [start, 1],
    [end, -1],
  ]) as Array<[number, number]>;
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);

  let open = 0;
  let maxInFlight = 0;
  let atLimitMs = 0;
  for (let index = 0; index < events.length; index++) {
    const [time, delta] = events[index] as [number, number];
    open += delta;
    maxInFlight = Math.max(maxInFlight, open);
    const nextTime = events[index + 1]?.[0] ?? time;
    if (open === limit) atLimitMs += nextTime - time;
  }

  const spanMs = (events.at(-1)?.[0] ?? 0) - (events[0]?.[0] ?? 0);
  return { fraction: spanMs > 0 ? atLimitMs / spanMs : 0, maxInFlight };
}

type ConcurrencyRun = { fraction: number; maxInFlight: number; elapsedMs: number };

/** One run of 1,000 calls against a fresh 20 ms server: our client, or the plain-got baseline. */
async function measureConcurrency(kind: ConsumerKind): Promise<ConcurrencyRun> {
  const server = await startServer(LATENCY_MS);

  try {
    const client = createNetSuiteClient({
      accountId: '1234567',
      baseUrl: server.baseUrl,
      auth: { type: 'tba', ...CREDENTIALS },
      maxConcurrency: LIMIT,
    });
    const plainGet = createPlainGet(server.baseUrl);
    const semaphore = createSemaphore(LIMIT);
    const call =
      kind === 'ours'
        ? (id: string) => client.records.get('salesOrder', id)
        : (id: string) => semaphore(() => plainGet(id));

    const startedAt = performance.now();
    await Promise.all(Array.from({ length: CALLS }, (_, index) => call(String(index + 1))));
    const elapsedMs = performance.now() - startedAt;
    await client.close();

    const intervals = (await got(`${server.baseUrl}/__stats`).json()) as Array<[number, number]>;
    return { ...fractionAtLimit(intervals, LIMIT), elapsedMs };
  } finally {
    server.stop();
  }
}

/**
 * The limiter alone, no HTTP: 1,000 tasks of a 20 ms timer through the semaphore http-core gives
 * the client (same registry call). Shows the hand-off's share of a concurrency miss.
 */
async function measureLimiterOnly(): Promise<number> {
  const registry = createLimiterRegistry();
  const semaphore = registry.semaphore('bench', LIMIT);
  let active = 0;
  let atLimitMs = 0;
  let lastChangeMs = performance.now();
  const change = (delta: number) => {
    const nowMs = performance.now();
    if (active === LIMIT) atLimitMs += nowMs - lastChangeMs;
    lastChangeMs = nowMs;
    active += delta;
  };

  const startedAt = performance.now();
  const task = async () => {
    change(1);
    await new Promise((resolve) => setTimeout(resolve, LATENCY_MS));
    change(-1);
  };
  await Promise.all(Array.from({ length: CALLS }, () => semaphore.schedule(task)));
  await registry.close();

  return atLimitMs / (performance.now() - startedAt);
}

async function benchConcurrency(): Promise<BenchRow[]> {
  const runs: Record<ConsumerKind, ConcurrencyRun[]> = { ours: [], plain: [] };
  for (let round = 0; round < CONCURRENCY_ROUNDS; round++) {
    for (const kind of ['ours', 'plain'] as const) runs[kind].push(await measureConcurrency(kind));
  }

  const limiterOnly = await measureLimiterOnly();

  const percent = (fraction: number) => Math.round(fraction * 1000) / 10;
  const fractions = (kind: ConsumerKind) => runs[kind].map((run) => run.fraction);
  const best = Math.max(...fractions('ours'));
  const worst = Math.min(...fractions('ours'));
  const maxInFlight = Math.max(...runs.ours.map((run) => run.maxInFlight));
  const row = (metric: string, value: number, unit: string, target: string, pass = true) => ({
    benchmark: 'netsuite-client concurrency (limit 5, 20 ms server)',
    metric,
    value,
    unit,
    target,
    pass,
  });
  const rounds = `${CONCURRENCY_ROUNDS} runs`;

  return [
    row(
      `time with exactly 5 in flight (best of ${rounds})`,
      percent(best),
      '%',
      '≥ 95',
      best >= 0.95,
    ),
    row(`time with exactly 5 in flight (worst of ${rounds})`, percent(worst), '%', 'info'),
    row('max in flight (all runs)', maxInFlight, 'requests', '≤ 5', maxInFlight <= LIMIT),
    row(
      `wall time for ${CALLS} calls (best)`,
      Math.round(Math.min(...runs.ours.map((run) => run.elapsedMs))),
      'ms',
      `ideal ${(CALLS / LIMIT) * LATENCY_MS}`,
    ),
    row(
      `baseline: plain got + minimal semaphore, exactly 5 in flight (best of ${rounds})`,
      percent(Math.max(...fractions('plain'))),
      '%',
      'info',
    ),
    row(
      `baseline: plain got + minimal semaphore, exactly 5 in flight (worst of ${rounds})`,
      percent(Math.min(...fractions('plain'))),
      '%',
      'info',
    ),
    row(
      'diagnostic: http-core semaphore alone (20 ms timer tasks, no HTTP), exactly 5 busy',
      percent(limiterOnly),
      '%',
      'info',
    ),
  ];
}

/** Runs both benchmarks. */
export default async function run(): Promise<BenchRow[]> {
  return [...(await benchCpu()), ...(await benchConcurrency())];
}

const [role, ...roleArgs] = process.argv.slice(2);
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (role === 'server') await serve(Number(roleArgs[0] ?? 0));
  else if (role === 'consume') await consume(roleArgs[0] as ConsumerKind, roleArgs[1] as string);
  else console.table(await run());
}
