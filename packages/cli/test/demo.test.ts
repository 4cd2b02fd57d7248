import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { silentLogger } from '@sellerbridge/http-core';
import { describe, expect, it } from 'vitest';
import { renderDemoReport, runDemo } from '../src/index';

function demoOptions(dir: string, extra: Partial<Parameters<typeof runDemo>[0]> = {}) {
  return {
    dir,
    orders: 60,
    seed: 7,
    timeScale: 200,
    faultRate: 0,
    advanceMinutes: 0,
    logger: silentLogger,
    output: new PassThrough() as unknown as NodeJS.WriteStream,
    ...extra,
  };
}

describe('runDemo', () => {
  it('runs every Starter flow, passes the reconciliation, and creates nothing on a second run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sb-demo-'));

    const first = await runDemo(demoOptions(dir));
    const second = await runDemo(demoOptions(dir));

    expect(first.passed, renderDemoReport(first)).toBe(true);
    expect(first.summaries.map((summary) => summary.flowId)).toEqual([
      'mfn-orders',
      'fba-orders',
      'fulfillments',
      'inventory',
      'pricing',
    ]);
    expect(
      first.summaries.find((summary) => summary.flowId === 'mfn-orders')!.created,
    ).toBeGreaterThan(10);
    expect(first.checks.map((check) => check.passed)).toEqual([true, true, true, true]);
    expect(second.passed, renderDemoReport(second)).toBe(true);
    expect(second.summaries.reduce((sum, summary) => sum + summary.created, 0)).toBe(0);
    expect(second.shippedNow).toBe(0);
  }, 240_000);

  it('refuses other world options for an existing demo folder unless reset', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sb-demo-'));
    await runDemo(demoOptions(dir, { orders: 50 }));

    await expect(runDemo(demoOptions(dir, { orders: 80 }))).rejects.toMatchObject({
      hint: expect.stringContaining('--reset'),
    });
  }, 240_000);

  it('reconciles a world whose clock moved on (new orders, status changes), run after run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sb-demo-advance-'));

    const first = await runDemo(demoOptions(dir, { advanceMinutes: 60, seed: 9 }));
    const second = await runDemo(demoOptions(dir, { advanceMinutes: 60, seed: 9 }));

    expect(first.passed, renderDemoReport(first)).toBe(true);
    expect(second.passed, renderDemoReport(second)).toBe(true);
    expect(second.summaries.reduce((sum, summary) => sum + summary.created, 0)).toBe(0);
  }, 240_000);

  it('still reconciles when 10% of requests fail with 429, 5xx and resets', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sb-demo-faults-'));

    const result = await runDemo(demoOptions(dir, { faultRate: 0.1, seed: 8 }));

    expect(result.passed, renderDemoReport(result)).toBe(true);
  }, 300_000);
});
