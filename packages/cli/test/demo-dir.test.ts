import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { silentLogger } from '@sellerbridge/http-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, renderDemoReport, runDemo } from '../src/index';
import { hasStackTrace, runSellerbridge } from './cli-support';

// The children find Amazon's sandbox examples as this process does, so a retry rebuilds the
// same world the demo ran on.
const childEnv = process.env.SELLERBRIDGE_SHARED
  ? { SELLERBRIDGE_SHARED: process.env.SELLERBRIDGE_SHARED }
  : {};
const run = (args: string[]) => runSellerbridge(args, { env: childEnv });

describe('errors and status with --dir read the demo folder', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sb-demo-dir-'));
  let errorId: string;

  beforeAll(async () => {
    const result = await runDemo({
      dir,
      orders: 60,
      seed: 7,
      timeScale: 200,
      faultRate: 0,
      advanceMinutes: 0,
      logger: silentLogger,
      output: new PassThrough() as unknown as NodeJS.WriteStream,
    });

    // The world holds an order whose SKU NetSuite lacks: the demo keeps it as an error record.
    expect(result.passed, renderDemoReport(result)).toBe(true);
    expect(result.summaries.reduce((sum, summary) => sum + summary.failed, 0)).toBeGreaterThan(0);
  }, 60_000);

  it('lists the demo error records and the status of every flow, changing nothing', async () => {
    const before = fileHash(join(dir, 'state.db'));

    const [list, status] = await Promise.all([
      run(['errors', 'list', '--dir', dir]),
      run(['status', '--dir', dir]),
    ]);

    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toMatch(/^err_\S+\s+mfn-orders\s+\S+\s+MissingItemError\s+1\s+open\s/m);
    expect(list.stdout).toMatch(/^ {2}order \S+: no NetSuite item for SKU "[^"]+"$/m);
    expect(status.code, status.stderr).toBe(0);
    expect(status.stdout).toMatch(/^demo\n/);
    for (const flow of ['mfn-orders', 'fba-orders', 'fulfillments', 'inventory', 'pricing'])
      expect(status.stdout).toMatch(new RegExp(`^${flow}\\s+completed `, 'm'));
    expect(status.stdout).toMatch(/^mfn-orders\s.*\s1\s*$/m);
    expect(fileHash(join(dir, 'state.db'))).toBe(before);

    errorId = /^(err_\S+)/m.exec(list.stdout)![1]!;
  }, 60_000);

  it('shows a record with buyer data masked, and decrypted with --reveal (the demo key)', async () => {
    const [masked, revealed] = await Promise.all([
      run(['errors', 'show', errorId, '--dir', dir]),
      run(['errors', 'show', errorId, '--reveal', '--dir', dir]),
    ]);

    expect(masked.code, masked.stderr).toBe(0);
    expect(revealed.code, revealed.stderr).toBe(0);
    expect(JSON.parse(masked.stdout)).toMatchObject({ id: errorId, status: 'open' });
    expect(masked.stdout).toMatch(/\*\*\*/);
    // Short values (a country code) also occur in other fields; long ones are the buyer's own.
    const hidden = differingStrings(
      JSON.parse(masked.stdout).input,
      JSON.parse(revealed.stdout).input,
    ).filter((value) => value.length >= 6);
    expect(hidden.length).toBeGreaterThan(2);
    for (const value of hidden) expect(masked.stdout, 'buyer data shown').not.toContain(value);
  }, 60_000);

  it('retries a record on the demo emulators, then resolves it by hand', async () => {
    const retried = await run(['errors', 'retry', errorId, '--dir', dir]);
    const resolved = await run(['errors', 'resolve', errorId, '--note', 'test', '--dir', dir]);
    const all = await run(['errors', 'list', '--all', '--dir', dir]);

    // The SKU is still missing in NetSuite: the retry fails again (exit 1) and counts an attempt.
    expect(retried.code, retried.stderr).toBe(1);
    expect(retried.stdout).toMatch(/^mfn-orders\s+1\s+0\s+0\s+0\s+0\s+1\s/m);
    expect(resolved.code, resolved.stderr).toBe(0);
    expect(all.stdout).toMatch(new RegExp(`^${errorId}\\s.*\\s2\\s+resolved\\s`, 'm'));
  }, 90_000);

  it('says a record was already resolved and keeps its first resolution', async () => {
    const again = await run(['errors', 'resolve', errorId, '--note', 'second', '--dir', dir]);
    const shown = await run(['errors', 'show', errorId, '--dir', dir]);

    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(
      new RegExp(
        `^${errorId} was already resolved at \\S+: "test"; the new note was not saved$`,
        'm',
      ),
    );
    expect(JSON.parse(shown.stdout)).toMatchObject({ status: 'resolved', resolution: 'test' });
  }, 60_000);
});

describe('--dir usage errors', () => {
  it('names a folder without demo state and creates nothing in it', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'sb-not-demo-'));
    const missing = join(empty, 'nowhere');

    const [inEmpty, inMissing] = await Promise.all([
      run(['errors', 'list', '--dir', empty]),
      run(['status', '--dir', missing]),
    ]);

    expect(inEmpty.code).toBe(2);
    expect(inEmpty.stderr).toContain(`No demo state in ${empty}`);
    expect(hasStackTrace(inEmpty.stderr)).toBe(false);
    expect(existsSync(join(empty, 'state.db'))).toBe(false);
    expect(inMissing.code).toBe(2);
    expect(inMissing.stderr).toContain(`No demo state in ${missing}`);
    expect(existsSync(missing)).toBe(false);
  }, 60_000);

  it('refuses --dir with --config', async () => {
    const result = await run(['--config', 'x.json', 'errors', 'list', '--dir', tmpdir()]);

    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error: --dir cannot be combined with --config\nhint: .+\n$/);
  }, 60_000);

  it("points a missing config at --dir when the demo's folder is there", async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'sb-cwd-'));
    mkdirSync(join(cwd, '.sellerbridge'));
    writeFileSync(join(cwd, '.sellerbridge', 'demo.json'), '{}');

    await expect(loadConfig(undefined, cwd)).rejects.toMatchObject({
      hint: expect.stringContaining('--dir .sellerbridge'),
    });
  });
});

function fileHash(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** The strings of `revealed` whose value differs at the same place in `masked`. */
function differingStrings(masked: unknown, revealed: unknown): string[] {
  if (typeof revealed === 'string') return masked === revealed || revealed === '' ? [] : [revealed];
  if (revealed === null || typeof revealed !== 'object') return [];

  return Object.entries(revealed).flatMap(([key, value]) =>
    differingStrings((masked as Record<string, unknown> | undefined)?.[key], value),
  );
}
