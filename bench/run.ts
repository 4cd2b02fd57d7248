/**
 * Runs the benchmarks (`bench/*.bench.ts`) and writes their results as a table to
 * `bench/results/RESULTS.md`. Benchmarks measure against the published vendor limits on loopback
 * servers; they are not tests and never run in `pnpm test`.
 *
 * Usage: `pnpm bench` (all) or `pnpm bench -- <name-filter>…`.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** One measured figure of a benchmark. */
export interface BenchRow {
  benchmark: string;
  metric: string;
  value: number;
  unit: string;
  target: string;
  pass: boolean;
}

const benchDir = import.meta.dirname;
const filters = process.argv.slice(2).filter((arg) => arg !== '--');

async function main(): Promise<void> {
  const files = readdirSync(benchDir)
    .filter((file) => file.endsWith('.bench.ts'))
    .filter((file) => filters.length === 0 || filters.some((filter) => file.includes(filter)))
    .sort();
  const rows: BenchRow[] = [];

  for (const file of files) {
    console.log(`\n▶ ${file}`);
    const startedMs = Date.now();
    const module = (await import(pathToFileURL(join(benchDir, file)).href)) as {
      default: () => Promise<BenchRow[]>;
    };
    const result = await module.default();
    rows.push(...result);
    console.log(`  done in ${((Date.now() - startedMs) / 1000).toFixed(1)} s`);
  }

  const table = renderTable(rows);
  console.log(`\n${table}`);
  writeFileSync(join(benchDir, 'results', 'RESULTS.md'), renderReport(table));
  if (rows.some((row) => !row.pass)) process.exitCode = 1;
}

function renderTable(rows: BenchRow[]): string {
  const header = '| benchmark | metric | value | unit | target | pass |\n|---|---|---|---|---|---|';
  const lines = rows.map(
    (row) =>
      `| ${row.benchmark} | ${row.metric} | ${formatValue(row.value)} | ${row.unit} | ${row.target} | ${row.pass ? 'yes' : 'NO'} |`,
  );

  return [header, ...lines].join('\n');
}

function formatValue(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(3);
}

function renderReport(table: string): string {
  const machine = `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;

  return `# Benchmark results\n\nWritten by \`pnpm bench\` on ${new Date().toISOString()} — ${machine}.\n\n${table}\n`;
}

await main();
