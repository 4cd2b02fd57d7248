import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { salesOrderExternalId } from '@sellerbridge/flows-starter';
import { shipFromWarehouse } from '../src/demo/warehouse';
import {
  hasStackTrace,
  runSellerbridge,
  startCliEnvironment,
  type CliEnvironment,
} from './cli-support';

describe('sellerbridge run, errors and status against the emulators', () => {
  let cli: CliEnvironment;

  beforeAll(async () => {
    cli = await startCliEnvironment();
  }, 120_000);

  afterAll(async () => {
    await cli?.close();
  });

  const run = (args: string[], env: NodeJS.ProcessEnv = cli.secrets) =>
    runSellerbridge(args, { env });

  it('shows what a dry run would write and writes nothing', async () => {
    const config = cli.writeConfig();

    const result = await run(['--config', config, 'run', 'mfn-orders', '--dry-run']);

    // Exit 1: the world's order whose SKU NetSuite lacks fails (an error record in a real run).
    expect(result.code, result.stderr).toBeLessThanOrEqual(1);
    expect(result.stderr).not.toMatch(/^error: /m);
    expect(result.stdout).toContain('Writes not sent (dry run: nothing was written)');
    expect(result.stdout).toMatch(/netsuite create salesOrder amzn-so-/);
    expect(cli.env.emulators.netsuite.inspect.count('salesOrder')).toBe(0);
  }, 120_000);

  it("explains a dry run's failed records after the summary, without buyer data", async () => {
    const config = cli.writeConfig({ stateDir: '.sellerbridge-dry' });

    const result = await run(['--config', config, 'run', 'mfn-orders', '--dry-run']);
    const failed = Number(/^mfn-orders(?:\s+\d+){5}\s+(\d+)\s/m.exec(result.stdout)?.[1]);

    expect(result.code, result.stderr).toBe(1);
    expect(failed, result.stdout).toBeGreaterThan(0);
    expect(result.stdout).toContain(`Failed records of mfn-orders (${failed}):`);
    // The order whose SKU NetSuite lacks: trace key, error name, and the SKU in the message.
    expect(result.stdout).toMatch(/^ {2}\S+\s+MissingItemError: .*SKU/m);
    for (const value of buyerStrings(cli).filter((text) => text.length >= 6))
      expect(result.stdout, 'buyer data in a failure line').not.toContain(value);
  }, 120_000);

  it('imports orders in the sandbox and records Amazon writes instead of sending them', async () => {
    const config = cli.writeConfig();

    const imported = await run(['--config', config, 'run', 'mfn-orders']);
    const shipped = await shipFromWarehouse(cli.env.emulators, cli.env.netsuite);
    const confirmed = await run(['--config', config, 'run', 'fulfillments']);

    expect(imported.code, imported.stderr).toBeLessThanOrEqual(1);
    expect(cli.env.emulators.netsuite.inspect.count('salesOrder')).toBeGreaterThan(5);
    expect(shipped).toBeGreaterThan(0);
    expect(confirmed.code, confirmed.stderr).toBe(0);
    expect(confirmed.stdout).toContain('sandbox: Amazon writes are recorded, not sent');
    expect(confirmed.stdout).toMatch(/amazon confirmShipment/);
    expect(cli.env.emulators.amazon.inspect.confirmedShipments()).toHaveLength(0);
  }, 180_000);

  it('imports one order on demand by id', async () => {
    const config = cli.writeConfig();
    const order = cli.env.emulators.world.orders.find(
      (candidate) =>
        candidate.fulfillment?.fulfilledBy === 'MERCHANT' &&
        candidate.fulfillment.fulfillmentStatus === 'UNSHIPPED' &&
        candidate.orderItems.every(
          (item) =>
            cli.env.emulators.netsuite.inspect.seeded.items[item.product.sellerSku ?? ''] !==
            undefined,
        ),
    )!;
    const externalId = salesOrderExternalId(
      cli.env.emulators.amazon.credentials.sellingPartnerId,
      order.orderId,
    );

    const result = await run(['--config', config, 'run', '--order', order.orderId]);

    expect(result.code, result.stderr).toBe(0);
    expect(cli.env.emulators.netsuite.inspect.count('salesOrder', externalId)).toBe(1);
  }, 120_000);

  it('lists error records and the status of every flow', async () => {
    const config = cli.writeConfig();

    const errors = await run(['--config', config, 'errors', 'list']);
    const status = await run(['--config', config, 'status']);

    expect(errors.code, errors.stderr).toBe(0);
    expect(errors.stdout).toMatch(/MissingItemError|No error records/);
    expect(status.code, status.stderr).toBe(0);
    expect(status.stdout).toContain('cli-test-sandbox');
    expect(status.stdout).toMatch(/mfn-orders\s+completed/);
  }, 120_000);

  it('shows an error record masked, and decrypted with --reveal', async () => {
    const config = cli.writeConfig();
    const listed = await run(['--config', config, 'errors', 'list']);
    const id = /^(err_\S+)/m.exec(listed.stdout)?.[1];

    expect(id, listed.stdout).toBeDefined();

    const masked = await run(['--config', config, 'errors', 'show', id!]);
    const revealed = await run(['--config', config, 'errors', 'show', id!, '--reveal']);

    expect(masked.code, masked.stderr).toBe(0);
    expect(revealed.code, revealed.stderr).toBe(0);
    expect(JSON.parse(masked.stdout).input).not.toEqual(JSON.parse(revealed.stdout).input);
    expect(masked.stdout).toMatch(/\*\*\*|\[PII\]/);
  }, 120_000);

  it('exits 1 when a retried error record fails again', async () => {
    const config = cli.writeConfig();
    const listed = await run(['--config', config, 'errors', 'list']);
    const id = /^(err_\S+)/m.exec(listed.stdout)?.[1];

    expect(id, listed.stdout).toBeDefined();

    // The record's SKU is still missing in NetSuite.
    const retried = await run(['--config', config, 'errors', 'retry', id!]);

    expect(retried.code, retried.stderr).toBe(1);
    expect(retried.stdout).toMatch(/^mfn-orders\s+1\s+0\s+0\s+0\s+0\s+1\s/m);
    expect(retried.stdout).toMatch(
      /^Failed records of mfn-orders \(1\):\n {2}\S+\s+MissingItemError: /m,
    );
  }, 120_000);

  it('never prints secrets or buyer personal data, even at debug level', async () => {
    const config = cli.writeConfig({ stateDir: '.sellerbridge-debug' });

    const result = await run([
      '--config',
      config,
      '--json',
      '--log-level',
      'debug',
      'run',
      'mfn-orders',
    ]);
    const output = result.stdout + result.stderr;
    const buyerData = buyerStrings(cli);

    expect(output.split('\n').filter((line) => line.startsWith('{')).length).toBeGreaterThan(20);
    for (const secret of Object.values(cli.secrets)) expect(output).not.toContain(secret);
    for (const value of buyerData.filter((text) => text.length >= 6))
      expect(output, 'buyer data leaked').not.toContain(value);
  }, 120_000);
});

describe('sellerbridge failures', () => {
  let cli: CliEnvironment;

  beforeAll(async () => {
    cli = await startCliEnvironment(50);
  }, 120_000);

  afterAll(async () => {
    await cli?.close();
  });

  const expectOneLineFailure = (stderr: string): void => {
    expect(stderr).toMatch(/^error: .+\nhint: .+\n$/m);
    expect(hasStackTrace(stderr)).toBe(false);
  };

  it('ends a bad config with a cause naming the key and a hint', async () => {
    const config = cli.writeConfig({ amazon: { region: 'moon' } });

    const result = await runSellerbridge(['--config', config, 'status'], { env: cli.secrets });

    expect(result.code).toBe(2);
    expectOneLineFailure(result.stderr);
    expect(result.stderr).toContain('environments.sandbox.amazon.region');
  }, 60_000);

  it('ends wrong credentials with a cause and a hint', async () => {
    const config = cli.writeConfig();

    const result = await runSellerbridge(['--config', config, 'run', 'mfn-orders'], {
      env: { ...cli.secrets, SELLERBRIDGE_SANDBOX_LWA_CLIENT_SECRET: 'wrong-secret-value' },
    });

    expect(result.code).toBe(3);
    expectOneLineFailure(result.stderr);
    expect(result.stderr).toContain('invalid_client');
    expect(result.stderr).not.toContain('wrong-secret-value');
  }, 60_000);

  it('ends an unreachable endpoint with a cause and a hint', async () => {
    const config = cli.writeConfig({
      amazon: { baseUrl: 'http://127.0.0.1:9', lwaUrl: 'http://127.0.0.1:9/auth/o2/token' },
    });

    const result = await runSellerbridge(['--config', config, 'run', 'mfn-orders'], {
      env: cli.secrets,
      timeoutMs: 120_000,
    });

    expect(result.code).toBe(3);
    expectOneLineFailure(result.stderr);
    expect(result.stderr).toMatch(/endpoint URL/);
  }, 150_000);

  it('ends --from later than --to as a usage error, before any request', async () => {
    const config = cli.writeConfig();
    const args = ['--from', '2026-11-02T00:00:00Z', '--to', '2026-11-01T00:00:00Z'];

    const result = await runSellerbridge(['--config', config, 'run', ...args], {
      env: cli.secrets,
    });

    expect(result.code).toBe(2);
    expectOneLineFailure(result.stderr);
    expect(result.stderr).toContain('--from 2026-11-02T00:00:00.000Z is not before --to');
  }, 60_000);

  it('names a missing secret', async () => {
    const config = cli.writeConfig();
    const { SELLERBRIDGE_SANDBOX_LWA_REFRESH_TOKEN: _dropped, ...rest } = cli.secrets;

    const result = await runSellerbridge(['--config', config, 'status'], { env: rest });

    expect(result.code).toBe(2);
    expectOneLineFailure(result.stderr);
    expect(result.stderr).toContain('LWA_REFRESH_TOKEN');
  }, 60_000);
});

function buyerStrings(cli: CliEnvironment): string[] {
  return cli.env.emulators.world.orders.flatMap((order) =>
    collectStrings({ buyer: order.buyer, recipient: order.recipient }),
  );
}

function collectStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value === null || typeof value !== 'object') return [];

  return Object.values(value).flatMap(collectStrings);
}
