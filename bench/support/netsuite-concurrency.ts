/**
 * Part 2 of the NetSuite client benchmark (issue 4): 1,000 calls against a limit of 5 and a
 * server with a fixed 20 ms latency. Target: exactly 5 requests in flight at the server for
 * ≥ 95% of the time between the first request and the last response.
 *
 * Between a response leaving the server and the next request arriving there is always one client
 * turnaround (read the response, free the slot, sign, write the next request); 95% at 20 ms
 * allows 5 × turnaround ≤ 5% × (20 ms + turnaround), about 0.2 ms. Two baselines run in the same
 * rounds so a miss can be attributed: plain got and bare node:http, both signed the same way,
 * behind a minimal 5-slot semaphore. Each run is also measured at the client's transport boundary.
 */
import got from 'got';

import { createLimiterRegistry } from '@sellerbridge/http-core';
import { createNetSuiteClient } from '@sellerbridge/netsuite-client';

import type { BenchRow } from '../run';
import { BENCH_CREDENTIALS, createPlainGet, createRawGet, type Get } from './netsuite-baselines';
import {
  createSemaphore,
  fractionAtLimit,
  recordClientIntervals,
  type Interval,
} from './in-flight';

type Kind = 'ours' | 'plain' | 'raw';
type Run = { server: number; client: number; maxInFlight: number; elapsedMs: number };
type StartServer = (latencyMs: number) => Promise<{ baseUrl: string; stop: () => void }>;

const CALLS = 1000;
const LIMIT = 5;
const LATENCY_MS = 20;
const KINDS: readonly Kind[] = ['ours', 'plain', 'raw'];

/** The GET of one kind, and how to release what it holds. */
function createCaller(kind: Kind, baseUrl: string): { call: Get; close: () => Promise<void> } {
  if (kind === 'ours') {
    const client = createNetSuiteClient({
      accountId: '1234567',
      baseUrl,
      auth: { type: 'tba', ...BENCH_CREDENTIALS },
      maxConcurrency: LIMIT,
    });
    return { call: (id) => client.records.get('salesOrder', id), close: () => client.close() };
  }

  const semaphore = createSemaphore(LIMIT);
  if (kind === 'plain') {
    const get = createPlainGet(baseUrl);
    return { call: (id) => semaphore(() => get(id)), close: async () => {} };
  }

  const raw = createRawGet(baseUrl);
  return { call: (id) => semaphore(() => raw.get(id)), close: async () => raw.close() };
}

/** One run of 1,000 calls of `kind` against a fresh 20 ms server. */
async function measure(kind: Kind, startServer: StartServer): Promise<Run> {
  const server = await startServer(LATENCY_MS);
  const caller = createCaller(kind, server.baseUrl);
  const recorder = recordClientIntervals();

  try {
    const startedAt = performance.now();
    await Promise.all(Array.from({ length: CALLS }, (_, index) => caller.call(String(index + 1))));
    const elapsedMs = performance.now() - startedAt;
    recorder.stop();
    await caller.close();

    const serverIntervals = (await got(`${server.baseUrl}/__stats`).json()) as Interval[];
    const atServer = fractionAtLimit(serverIntervals, LIMIT);
    const atClient = fractionAtLimit(recorder.intervals, LIMIT);
    return {
      server: atServer.fraction,
      client: atClient.fraction,
      maxInFlight: Math.max(atServer.maxInFlight, atClient.maxInFlight),
      elapsedMs,
    };
  } finally {
    recorder.stop();
    server.stop();
  }
}

/** The semaphore http-core gives the client, alone: 1,000 tasks of a 20 ms timer, no HTTP. */
async function measureLimiterOnly(): Promise<number> {
  const registry = createLimiterRegistry();
  const semaphore = registry.semaphore('bench', LIMIT);
  const intervals: Interval[] = [];
  const task = async () => {
    const startMs = performance.now();
    await new Promise((resolve) => setTimeout(resolve, LATENCY_MS));
    intervals.push([startMs, performance.now()]);
  };

  await Promise.all(Array.from({ length: CALLS }, () => semaphore.schedule(task)));
  await registry.close();

  return fractionAtLimit(intervals, LIMIT).fraction;
}

/** Runs `rounds` rounds of the three kinds (interleaved, so load hits them alike). */
export async function benchConcurrency(
  rounds: number,
  startServer: StartServer,
): Promise<BenchRow[]> {
  const runs: Record<Kind, Run[]> = { ours: [], plain: [], raw: [] };
  for (let round = 0; round < rounds; round++) {
    for (const kind of KINDS) runs[kind].push(await measure(kind, startServer));
  }
  const limiterOnly = await measureLimiterOnly();

  const percent = (fraction: number) => Math.round(fraction * 1000) / 10;
  const best = (kind: Kind, side: 'server' | 'client') =>
    Math.max(...runs[kind].map((run) => run[side]));
  const worst = (kind: Kind, side: 'server' | 'client') =>
    Math.min(...runs[kind].map((run) => run[side]));
  const row = (metric: string, value: number, unit: string, target = 'info', pass = true) => ({
    benchmark: `netsuite-client concurrency (limit ${LIMIT}, ${LATENCY_MS} ms server)`,
    metric,
    value,
    unit,
    target,
    pass,
  });
  const of = `of ${rounds} runs`;
  const maxInFlight = Math.max(...runs.ours.map((run) => run.maxInFlight));
  const oursBest = best('ours', 'server');

  return [
    row(
      `exactly 5 in flight at the server (best ${of})`,
      percent(oursBest),
      '%',
      '≥ 95',
      oursBest >= 0.95,
    ),
    row(`exactly 5 in flight at the server (worst ${of})`, percent(worst('ours', 'server')), '%'),
    row(
      `exactly 5 in flight at the client transport (best ${of})`,
      percent(best('ours', 'client')),
      '%',
    ),
    row(
      'max in flight (all runs, both sides)',
      maxInFlight,
      'requests',
      '≤ 5',
      maxInFlight <= LIMIT,
    ),
    row(
      `wall time for ${CALLS} calls (best)`,
      Math.round(Math.min(...runs.ours.map((run) => run.elapsedMs))),
      'ms',
      `ideal ${(CALLS / LIMIT) * LATENCY_MS}`,
    ),
    row(
      `baseline plain got: exactly 5 at the server (best ${of})`,
      percent(best('plain', 'server')),
      '%',
    ),
    row(
      `baseline plain got: exactly 5 at the client transport (best ${of})`,
      percent(best('plain', 'client')),
      '%',
    ),
    row(
      `baseline bare node:http: exactly 5 at the server (best ${of})`,
      percent(best('raw', 'server')),
      '%',
    ),
    row(
      `baseline bare node:http: exactly 5 at the client transport (best ${of})`,
      percent(best('raw', 'client')),
      '%',
    ),
    row(
      'diagnostic: http-core semaphore alone (20 ms timers, no HTTP), exactly 5 busy',
      percent(limiterOnly),
      '%',
    ),
  ];
}
