/**
 * Builds the clients, the store and the integration for one environment of the configuration.
 * Sandbox means: NetSuite sandbox account, Amazon read as usual, Amazon writes recorded and not
 * sent unless `sendWrites` is true (Amazon's sandbox only answers canned requests — DESIGN §6).
 */
import { join } from 'node:path';
import type { Logger } from '@sellerbridge/http-core';
import { createIntegration, type Integration } from '@sellerbridge/flows-core';
import { starter, type StarterOptions } from '@sellerbridge/flows-starter';
import { createNetSuiteClient, type NetSuiteClient } from '@sellerbridge/netsuite-client';
import { createSpApiClient, type SpApiClient } from '@sellerbridge/sp-api-client';
import { createSqliteStore } from '@sellerbridge/store-sqlite';
import { ConfigError } from '../config/errors';
import type { EnvironmentConfig, EnvironmentName, SellerBridgeConfig } from '../config/schema';
import type { SecretsSource } from '../config/secrets';

/** A ready integration with the clients it owns. */
export interface Runtime {
  integration: Integration;
  amazon: SpApiClient;
  netsuite: NetSuiteClient;
  environment: EnvironmentName;
  /** True when Amazon writes are recorded instead of sent. */
  amazonWritesRecorded: boolean;
  close(): Promise<void>;
}

/** Options of {@link createRuntime}. */
export interface RuntimeOptions {
  config: SellerBridgeConfig;
  environment: EnvironmentName;
  secrets: SecretsSource;
  logger: Logger;
}

/** Creates clients, store and integration for an environment. @throws ConfigError */
export function createRuntime(options: RuntimeOptions): Runtime {
  const { config, environment, secrets, logger } = options;
  const settings = config.environments[environment];
  if (!settings) {
    throw new ConfigError(
      `The configuration has no ${environment} environment`,
      `Add environments.${environment} to the config file.`,
    );
  }

  const amazon = createSpApiClient({
    region: settings.amazon.region,
    credentials: secrets.amazon(environment),
    sellingPartnerId: settings.amazon.sellingPartnerId,
    applicationId: settings.amazon.applicationId,
    marketplaceIds: settings.amazon.marketplaceIds,
    baseUrl: settings.amazon.baseUrl,
    lwaUrl: settings.amazon.lwaUrl,
    logger,
  });
  const netsuite = createNetSuiteClient({
    accountId: settings.netsuite.accountId,
    baseUrl: settings.netsuite.baseUrl,
    auth: netsuiteAuth(
      secrets,
      environment,
      settings.netsuite.auth,
      settings.netsuite.oauth2Algorithm,
    ),
    maxConcurrency: settings.netsuite.maxConcurrency,
    logger,
  });
  const amazonWritesRecorded = !(settings.amazon.sendWrites ?? environment === 'production');

  const integration = createIntegration({
    id: `${config.integrationId}-${environment}`,
    amazon,
    netsuite,
    store: createSqliteStore({ file: join(config.stateDir, 'state.db') }),
    // External ids carry the seller id; the environment's selling partner id is the default.
    plugins: [
      starter({
        sellerId: settings.amazon.sellingPartnerId,
        ...(config.starter as StarterOptions),
      }),
    ],
    recordOnlyTargets: amazonWritesRecorded ? ['amazon'] : [],
    logger,
  });

  return {
    integration,
    amazon,
    netsuite,
    environment,
    amazonWritesRecorded,
    close: async () => {
      await integration.close();
      await Promise.all([amazon.close(), netsuite.close()]);
    },
  };
}

function netsuiteAuth(
  secrets: SecretsSource,
  environment: EnvironmentName,
  auth: 'oauth2' | 'tba',
  algorithm: EnvironmentConfig['netsuite']['oauth2Algorithm'],
) {
  const credentials = secrets.netsuite(environment, auth);
  if (credentials.type === 'tba') return credentials;

  return {
    type: 'oauth2' as const,
    clientId: credentials.clientId,
    certificateId: credentials.certificateId,
    privateKey: credentials.privateKey,
    ...(algorithm ? { algorithm } : {}),
  };
}
