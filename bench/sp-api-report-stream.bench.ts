/**
 * Report streaming benchmark (issue 3): a seeded generator (child process) writes a gzipped
 * settlement-format TSV of 1 GB uncompressed and serves it with `charset=UTF-8` on loopback.
 * Two consumer processes read it: our `reports.readReportDocument` pipeline and a bare
 * got-stream → gunzip → csv-parse pipeline. Targets: our peak RSS < 150 MB and our rows/s at
 * least 70% of the bare pipeline's.
 *
 * Run alone: `node --import tsx bench/sp-api-report-stream.bench.ts` (SP_BENCH_BYTES scales the file).
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { createWriteStream, rmSync, statSync } from 'node:fs';
import { createReadStream } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createGunzip, createGzip } from 'node:zlib';

import { parse } from 'csv-parse';
import got from 'got';

import { SETTLEMENT_V2_COLUMNS } from '../packages/sp-api-client/src/reports/settlement';

type BenchRow = {
  benchmark: string;
  metric: string;
  value: number;
  unit: string;
  target: string;
  pass: boolean;
};
type ConsumerResult = { rows: number; elapsedMs: number; peakRssMb: number; startRssMb: number };

const BENCHMARK = 'sp-api report stream';
const SELF = fileURLToPath(import.meta.url);
const TOTAL_BYTES = Number(process.env.SP_BENCH_BYTES ?? 1_000_000_000);
const SEED = 20_261_204;
// Each consumer reads the whole file once per round; the best round counts (shared CPUs are noisy).
const ROUNDS = Number(process.env.SP_BENCH_ROUNDS ?? 1);
const HEADER = SETTLEMENT_V2_COLUMNS;
const AMOUNTS = [
  ['ItemPrice', 'Principal'],
  ['ItemPrice', 'Tax'],
  ['ItemFees', 'Commission'],
  ['ItemFees', 'FBAPerUnitFulfillmentFee'],
  ['Promotion', 'Shipping'],
];

/** mulberry32: a tiny seeded PRNG so every run serves the same bytes. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function digits(random: () => number, length: number): string {
  let text = '';
  for (let index = 0; index < length; index += 1) text += Math.floor(random() * 10);
  return text;
}

function settlementLine(random: () => number): string {
  const [amountType, amountDescription] = AMOUNTS[Math.floor(random() * AMOUNTS.length)] ?? [
    'ItemPrice',
    'Principal',
  ];
  const cents = Math.floor(random() * 20_000) - 5_000;
  const amount = `${cents < 0 ? '-' : ''}${Math.floor(Math.abs(cents) / 100)}.${String(Math.abs(cents) % 100).padStart(2, '0')}`;
  const orderId = `${digits(random, 3)}-${digits(random, 7)}-${digits(random, 7)}`;

  return [
    '28471003921',
    '',
    '',
    '',
    '',
    'USD',
    'Order',
    orderId,
    '',
    '',
    `DS${digits(random, 8)}`,
    'amazon.com',
    amountType,
    amountDescription,
    amount,
    'AFN',
    '2026-06-17 00:00:00 UTC',
    '2026-06-17 10:11:12 UTC',
    digits(random, 14),
    '',
    '',
    `SKU-${digits(random, 6)}`,
    '1',
    '',
  ].join('\t');
}

/** Child mode `serve`: writes the gzipped file, serves it, prints the URL. */
async function serve(): Promise<void> {
  const path = join(tmpdir(), `sp-report-bench-${process.pid}.tsv.gz`);
  const random = seededRandom(SEED);
  async function* lines() {
    let written = 0;
    const head = `${HEADER.join('\t')}\n28471003921\t2026-06-16 00:00:00 UTC\t2026-06-30 23:59:59 UTC\t2026-07-02 00:00:00 UTC\t0.00\tUSD${'\t'.repeat(18)}\n`;
    yield head;
    written += head.length;
    while (written < TOTAL_BYTES) {
      let chunk = '';
      for (let index = 0; index < 500; index += 1) chunk += `${settlementLine(random)}\n`;
      written += chunk.length;
      yield chunk;
    }
  }
  await pipeline(Readable.from(lines()), createGzip({ level: 1 }), createWriteStream(path));

  const server = createServer((_, res) => {
    res.writeHead(200, {
      'content-type': 'text/tab-separated-values; charset=UTF-8',
      'content-length': statSync(path).size,
    });
    createReadStream(path).pipe(res);
  });
  server.listen(0, '127.0.0.1', () => {
    process.stdout.write(
      `${JSON.stringify({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/report`, gzipBytes: statSync(path).size })}\n`,
    );
  });
  process.stdin.on('end', () => {
    rmSync(path, { force: true });
    process.exit(0);
  });
  process.stdin.resume();
}

/** Child mode `consume`: reads the whole report one way, prints rows, time and peak RSS. */
async function consume(mode: string, url: string): Promise<void> {
  const { createReportsApi } = await import('../packages/sp-api-client/src/reports/index');
  const { silentLogger } = await import('../packages/http-core/src/index');
  // RSS once everything is loaded, before any byte is read.
  const startRssMb = process.memoryUsage().rss / 1024 / 1024;
  const started = performance.now();
  let rows = 0;

  if (mode === 'bare') {
    const parser = parse({
      delimiter: '\t',
      columns: true,
      relax_column_count: true,
      skip_empty_lines: true,
    });
    const done = pipeline(got.stream(url, { decompress: false }), createGunzip(), parser);
    for await (const _row of parser) rows += 1;
    await done;
  } else {
    const requester = {
      logger: silentLogger,
      marketplaceIds: ['ATVPDKIKX0DER'],
      call: async () => ({
        status: 200,
        headers: {},
        body: { reportDocumentId: 'BENCH', url, compressionAlgorithm: 'GZIP' },
      }),
    };
    for await (const _row of createReportsApi(requester as never).readReportDocument('BENCH'))
      rows += 1;
  }

  const result: ConsumerResult = {
    rows,
    elapsedMs: performance.now() - started,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    startRssMb,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

function runChild(
  nodeArgs: string[],
  onLine?: (line: string) => void,
): { done: Promise<string>; stdin: NodeJS.WritableStream } {
  const child = spawn(process.execPath, nodeArgs, { stdio: ['pipe', 'pipe', 'inherit'] });
  let output = '';
  let linesSeen = 0;
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
    const lines = output.split('\n').slice(0, -1);
    lines.slice(linesSeen).forEach((line) => onLine?.(line));
    linesSeen = lines.length;
  });
  const done = new Promise<string>((resolve, reject) =>
    child.on('exit', (code) =>
      code === 0 ? resolve(output.trim()) : reject(new Error(`bench child exited ${code}`)),
    ),
  );
  return { done, stdin: child.stdin };
}

/**
 * Bundles this file (and the library sources it imports) into plain JavaScript, so the
 * consumers run on bare `node` as a published build would: the tsx loader thread would add
 * ~35 MB of RSS that is not the library's. esbuild is tsx's own dependency.
 */
async function bundleConsumer(): Promise<string> {
  const tsxRequire = createRequire(createRequire(import.meta.url).resolve('tsx'));
  const esbuild = tsxRequire('esbuild') as {
    build(options: Record<string, unknown>): Promise<unknown>;
  };
  const outfile = join(tmpdir(), `sp-report-bench-consumer-${process.pid}.mjs`);

  await esbuild.build({
    entryPoints: [SELF],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'error',
    tsconfig: join(dirname(SELF), '..', 'tsconfig.json'),
    // CommonJS dependencies (iconv-lite) call require(); give the ESM bundle one.
    banner: {
      js: "import { createRequire as __benchRequire } from 'node:module'; const require = __benchRequire(import.meta.url);",
    },
  });

  return outfile;
}

async function consumeInChild(
  consumer: string,
  mode: string,
  url: string,
): Promise<ConsumerResult> {
  const output = await runChild([consumer, 'consume', mode, url]).done;

  return JSON.parse(output.split('\n').pop() ?? '{}') as ConsumerResult;
}

/** Serves the file from a child, measures both consumers (best of `ROUNDS` each), returns the rows. */
export default async function run(): Promise<BenchRow[]> {
  let announce: (value: { url: string; gzipBytes: number }) => void = () => undefined;
  const ready = new Promise<{ url: string; gzipBytes: number }>((resolve) => (announce = resolve));
  const server = runChild(['--import', 'tsx', SELF, 'serve'], (line) =>
    announce(JSON.parse(line) as { url: string; gzipBytes: number }),
  );

  const consumer = await bundleConsumer();

  try {
    const { url } = await ready;
    const bare: ConsumerResult[] = [];
    const ours: ConsumerResult[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      bare.push(await consumeInChild(consumer, 'bare', url));
      ours.push(await consumeInChild(consumer, 'ours', url));
    }

    const rate = (result: ConsumerResult) => result.rows / (result.elapsedMs / 1000);
    const bareRate = Math.max(...bare.map(rate));
    const ourRate = Math.max(...ours.map(rate));
    const peakRssMb = Math.max(...ours.map((result) => result.peakRssMb));
    const sameRows = ours.every((result) => result.rows === bare[0]?.rows);
    const ratio = ourRate / bareRate;

    return [
      {
        benchmark: BENCHMARK,
        metric: 'uncompressed size',
        value: TOTAL_BYTES / 1e9,
        unit: 'GB',
        target: '1 GB',
        pass: TOTAL_BYTES >= 1e9,
      },
      {
        benchmark: BENCHMARK,
        metric: 'rows (ours = bare)',
        value: ours[0]?.rows ?? 0,
        unit: 'rows',
        target: 'equal',
        pass: sameRows,
      },
      {
        benchmark: BENCHMARK,
        metric: 'peak RSS (ours)',
        value: Math.round(peakRssMb),
        unit: 'MB',
        target: '< 150',
        pass: peakRssMb < 150,
      },
      {
        benchmark: BENCHMARK,
        metric: 'RSS before reading (ours)',
        value: Math.round(Math.max(...ours.map((result) => result.startRssMb))),
        unit: 'MB',
        target: 'info',
        pass: true,
      },
      {
        benchmark: BENCHMARK,
        metric: 'peak RSS (bare)',
        value: Math.round(Math.max(...bare.map((result) => result.peakRssMb))),
        unit: 'MB',
        target: 'info',
        pass: true,
      },
      {
        benchmark: BENCHMARK,
        metric: 'rows/s (ours)',
        value: Math.round(ourRate),
        unit: 'rows/s',
        target: 'info',
        pass: true,
      },
      {
        benchmark: BENCHMARK,
        metric: 'rows/s (bare got→gunzip→csv-parse)',
        value: Math.round(bareRate),
        unit: 'rows/s',
        target: 'info',
        pass: true,
      },
      {
        benchmark: BENCHMARK,
        metric: 'rows/s ours / bare',
        value: Math.round(ratio * 100),
        unit: '%',
        target: '≥ 70',
        pass: ratio >= 0.7,
      },
    ];
  } finally {
    rmSync(consumer, { force: true });
    server.stdin.end();
    await server.done.catch(() => undefined);
  }
}

const isMain =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  const [mode, kind, url] = process.argv.slice(2);
  if (mode === 'serve') await serve();
  else if (mode === 'consume' && kind !== undefined && url !== undefined) await consume(kind, url);
  else console.table(await run());
}
