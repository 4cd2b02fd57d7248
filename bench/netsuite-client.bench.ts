/**
 * NetSuite client benchmarks (issue 4), loopback only, each role in its own process:
 * 1. CPU: 10,000 record GETs of a ~2 KB salesOrder body from a server child process. Our client
 *    (TBA signing, limiter, retry loop, zod parsing) vs plain got doing the same requests with the
 *    same signing (oauth-1.0a HMAC-SHA256), both with 4 requests in flight. Target: our client's
 *    CPU time ≤ 1.3× plain got's.
 * 2. Concurrency: 1,000 calls against a limit of 5, server with a fixed 20 ms latency, measured
 *    at the server and at the client's transport boundary, with plain-got and bare node:http
 *    baselines (`support/netsuite-concurrency.ts`).
 *
 * Run alone: `node --import tsx bench/netsuite-client.bench.ts` (NS_BENCH_GETS scales part 1).
 */
import { spawn } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { createNetSuiteClient } from '@sellerbridge/netsuite-client';

import type { BenchRow } from './run';
import { BENCH_CREDENTIALS, createPlainGet } from './support/netsuite-baselines';
import { serve } from './support/netsuite-bench-server';
import { benchConcurrency } from './support/netsuite-concurrency';

type ConsumerResult = { cpuMs: number; elapsedMs: number; requests: number };
type ConsumerKind = 'ours' | 'plain';

const SELF = fileURLToPath(import.meta.url);
const GETS = Number(process.env.NS_BENCH_GETS ?? 10_000);
const WARMUP_GETS = Math.min(1000, GETS);
const IN_FLIGHT = 4;
const ROUNDS = Number(process.env.NS_BENCH_ROUNDS ?? 3);
const CONCURRENCY_ROUNDS = Number(process.env.NS_BENCH_CONCURRENCY_ROUNDS ?? 3);

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
    auth: { type: 'tba', ...BENCH_CREDENTIALS },
    maxConcurrency: IN_FLIGHT,
  });
  return (id) => client.records.get('salesOrder', id);
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

/** Runs both benchmarks. */
export default async function run(): Promise<BenchRow[]> {
  return [...(await benchCpu()), ...(await benchConcurrency(CONCURRENCY_ROUNDS, startServer))];
}

const [role, ...roleArgs] = process.argv.slice(2);
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (role === 'server') await serve(Number(roleArgs[0] ?? 0));
  else if (role === 'consume') await consume(roleArgs[0] as ConsumerKind, roleArgs[1] as string);
  else console.table(await run());
}
