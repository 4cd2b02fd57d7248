import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  runSellerbridge,
  spawnSellerbridge,
  startCliEnvironment,
  waitForOutput,
  type CliEnvironment,
} from './cli-support';

describe('run and demo stop gracefully on SIGTERM / SIGINT', () => {
  let cli: CliEnvironment;

  // Time scale 5: latencies ÷ 5 instead of ÷ 200, so a run lasts long enough to be interrupted.
  beforeAll(async () => {
    cli = await startCliEnvironment(200, 5);
  }, 120_000);

  afterAll(async () => {
    await cli?.close();
  });

  it('finishes the records in hand, prints the summary, exits 143 and frees the lock', async () => {
    const config = cli.writeConfig();
    const first = spawnSellerbridge(['--config', config, 'run', 'mfn-orders'], {
      env: cli.secrets,
    });
    // The first sync reads a report; once its document is read, records are in hand.
    await waitForOutput(first, /operation=getReportDocument/);

    first.child.kill('SIGTERM');
    const stopped = await first.result;

    expect(stopped.code, stopped.stderr).toBe(143);
    expect(stopped.stdout).toMatch(/^flow\s+read\s+created/m);
    expect(stopped.stdout).toMatch(/^mfn-orders\s+\d+/m);
    expect(stopped.stdout).toContain('Stopped by SIGTERM');

    const status = await runSellerbridge(['--config', config, 'status'], { env: cli.secrets });
    expect(status.stdout).toMatch(/^mfn-orders\s+cancelled /m);

    // An immediate second run takes the lock (it would end with "already running" otherwise).
    const second = spawnSellerbridge(['--config', config, 'run', 'mfn-orders'], {
      env: cli.secrets,
    });
    await waitForOutput(second, /run started/);
    second.child.kill('SIGINT');
    const secondResult = await second.result;

    expect(secondResult.code, secondResult.stderr).toBe(130);
    expect(secondResult.stdout).toContain('Stopped by SIGINT');
  }, 120_000);

  it('stops the demo after the records in hand, with its summary and exit code 130', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sb-demo-stop-'));
    const demo = spawnSellerbridge(
      ['demo', '--dir', dir, '--orders', '200', '--time-scale', '20'],
      { env: {} },
    );
    await waitForOutput(demo, /mfn-orders: page 1,/);

    demo.child.kill('SIGINT');
    const stopped = await demo.result;

    expect(stopped.code, stopped.stderr).toBe(130);
    expect(stopped.stdout).toMatch(/^mfn-orders\s+\d+/m);
    expect(stopped.stdout).toContain('Stopped by SIGINT');
    expect(stopped.stdout).not.toContain('Reconciliation');

    const status = await runSellerbridge(['status', '--dir', dir], { env: {} });
    expect(status.stdout).toMatch(/^mfn-orders\s+cancelled /m);
  }, 120_000);
});
