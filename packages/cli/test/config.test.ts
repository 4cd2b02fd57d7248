import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, SecretsSource, loadConfig } from '../src/index';

const validConfig = {
  integrationId: 'acme-us',
  environments: {
    sandbox: {
      amazon: { region: 'na', sellingPartnerId: 'A1SELLER', marketplaceIds: ['ATVPDKIKX0DER'] },
      netsuite: { accountId: '1234567_SB1', auth: 'tba' },
    },
  },
  starter: { sellerId: 'A1SELLER' },
};

function writeConfig(contents: unknown, name = 'sellerbridge.config.json'): string {
  const dir = mkdtempSync(join(tmpdir(), 'sb-cli-config-'));
  writeFileSync(
    join(dir, name),
    typeof contents === 'string' ? contents : JSON.stringify(contents),
  );

  return dir;
}

describe('loadConfig', () => {
  it('loads and validates a JSON config with defaults', async () => {
    const dir = writeConfig(validConfig);

    const config = await loadConfig(undefined, dir);

    expect(config.integrationId).toBe('acme-us');
    expect(config.stateDir).toBe('.sellerbridge');
    expect(config.environments.sandbox.netsuite.auth).toBe('tba');
  });

  it('loads a TypeScript config through its default export', async () => {
    const dir = writeConfig(
      `export default ${JSON.stringify(validConfig)};`,
      'sellerbridge.config.ts',
    );

    await expect(loadConfig(undefined, dir)).resolves.toMatchObject({ integrationId: 'acme-us' });
  });

  it('names the bad key and why', async () => {
    const dir = writeConfig({
      ...validConfig,
      environments: {
        sandbox: {
          ...validConfig.environments.sandbox,
          amazon: { ...validConfig.environments.sandbox.amazon, region: 'mars' },
        },
      },
    });

    const error = await loadConfig(undefined, dir).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toContain('environments.sandbox.amazon.region');
    expect((error as ConfigError).hint).toBeTruthy();
  });

  it('names a bad starter setting under starter.', async () => {
    const dir = writeConfig({
      ...validConfig,
      starter: { orders: { fbaRecordType: 'creditMemo' } },
    });

    await expect(loadConfig(undefined, dir)).rejects.toThrow(/starter\.orders\.fbaRecordType/);
  });

  it('names an unknown starter key by its path, with the key it may stand for', async () => {
    const cases: Array<[unknown, string]> = [
      [
        { orders: { discountItemID: '12' } },
        'starter.orders.discountItemID: unknown key (did you mean discountItemId?)',
      ],
      [
        { inventroy: { safetyStock: 2 } },
        'starter.inventroy: unknown key (did you mean inventory?)',
      ],
      [
        { marketplaces: { ATVPDKIKX0DER: { subsidiaryId: '1', locationID: '2' } } },
        'starter.marketplaces.ATVPDKIKX0DER.locationID: unknown key',
      ],
      [{ orders: { tax: { taxItemId: '5', mood: 'x' } } }, 'starter.orders.tax.mood: unknown key'],
    ];

    for (const [starter, message] of cases) {
      const dir = writeConfig({ ...validConfig, starter });
      const error = await loadConfig(undefined, dir).catch((caught: unknown) => caught);

      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).message).toContain(message);
    }
  });

  it('names an unknown top-level key by its path', async () => {
    const dir = writeConfig({ ...validConfig, stateDirectory: '/tmp/x' });

    await expect(loadConfig(undefined, dir)).rejects.toThrow(/: stateDirectory: unknown key$/);
  });

  it('refuses a secret in the config file', async () => {
    const dir = writeConfig({ ...validConfig, lwaClientSecret: 'shh-123456' });

    const error = (await loadConfig(undefined, dir).catch(
      (caught: unknown) => caught,
    )) as ConfigError;

    expect(error.message).toContain('lwaClientSecret looks like a secret');
    expect(error.message).not.toContain('shh-123456');
  });

  it('says how to create a config when none exists', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sb-cli-empty-'));

    await expect(loadConfig(undefined, dir)).rejects.toMatchObject({
      hint: expect.stringContaining('sellerbridge init'),
    });
  });

  it('reports unreadable JSON as a config error', async () => {
    const dir = writeConfig('{ not json');

    await expect(loadConfig(undefined, dir)).rejects.toBeInstanceOf(ConfigError);
  });
});

describe('SecretsSource', () => {
  it('prefers the environment-specific variable, then the shared one, then the secrets file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sb-cli-secrets-'));
    const file = join(dir, 'secrets.json');
    writeFileSync(file, JSON.stringify({ sandbox: { LWA_REFRESH_TOKEN: 'from-file' } }));

    const secrets = new SecretsSource(
      {
        SELLERBRIDGE_SANDBOX_LWA_CLIENT_ID: 'scoped',
        SELLERBRIDGE_LWA_CLIENT_ID: 'shared',
        SELLERBRIDGE_LWA_CLIENT_SECRET: 'shared-secret',
      },
      file,
    );

    expect(secrets.amazon('sandbox')).toEqual({
      clientId: 'scoped',
      clientSecret: 'shared-secret',
      refreshToken: 'from-file',
    });
  });

  it('names the missing variable without printing any value', () => {
    const secrets = new SecretsSource({ SELLERBRIDGE_NS_CONSUMER_KEY: 'ck-value-1' });

    expect(() => secrets.netsuite('production', 'tba')).toThrow(
      /Missing secret NS_CONSUMER_SECRET for the production environment/,
    );
  });
});
