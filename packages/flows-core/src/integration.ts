/**
 * `createIntegration`: one Amazon seller account (one region) plus one NetSuite account, the
 * plugins' flows, a state store and the runner around them (DESIGN §4). Generic over the client
 * types, so the engine depends on no concrete client and plugins are checked against the clients
 * they are given.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { silentLogger, type Logger } from '@sellerbridge/http-core';
import { systemClock, type Clock } from './clock';
import type { WriteIntent } from './context';
import { DEFAULT_PII_RETENTION_MS } from './error-records';
import { ConfigurationError } from './errors';
import { EventHub } from './events';
import { resolveConcurrency } from './flow';
import { createIntegrationApi, type Integration } from './integration-api';
import { parsePluginSettings, type Plugin } from './plugin';
import { createPiiVault, ENCRYPTION_KEY_ENV } from './pii/vault';
import type { Engine, FlowEntry } from './runner/engine';
import type { StateStore } from './store/types';

/** Options of `createIntegration`. */
export interface IntegrationOptions<TAmazon, TNetSuite> {
  /** Namespaces all state: letters, digits, `.`, `-`, `_` (e.g. `acme-us-sandbox`). */
  id: string;
  /** The Amazon client the flows read through (`ctx.amazon`). */
  amazon: TAmazon;
  /** The NetSuite client the flows read through (`ctx.netsuite`). */
  netsuite: TNetSuite;
  store: StateStore;
  // Settings types are each plugin's own; the clients must fit what its flows need.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  plugins: readonly Plugin<any, NoInfer<TAmazon>, NoInfer<TNetSuite>>[];
  /** @default silentLogger */
  logger?: Logger;
  /** @default the system clock */
  clock?: Clock;
  /** A run lock expires this long after its holder's last renewal. @default 60_000 */
  lockTtlMs?: number;
  /** How long personal data in error records is kept at most. @default 30 days */
  piiRetentionMs?: number;
  /** 32-byte key (hex or base64) sealing personal data. @default process.env.SELLERBRIDGE_ENCRYPTION_KEY */
  encryptionKey?: string;
  /** Targets whose writes are recorded, not sent, even outside dry runs (Amazon in `sandbox`). @default [] */
  recordOnlyTargets?: readonly WriteIntent['target'][];
  /** Most writes a summary keeps. @default 1000 */
  maxRecordedWrites?: number;
}

const INTEGRATION_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/**
 * Creates an integration: parses every plugin's settings and checks the flows.
 * @throws {SettingsError} naming each bad setting; {ConfigurationError} for duplicate flows,
 * unknown triggers, a bad id or encryption key.
 * @example
 * const integration = createIntegration({
 *   id: 'acme-us-sandbox', amazon, netsuite, store: createSqliteStore(),
 *   plugins: [starter({ orders: { fbaRecordType: 'invoice' } })],
 * });
 * const summary = await integration.run('mfn-orders', { dryRun: true });
 */
export function createIntegration<TAmazon, TNetSuite>(
  options: IntegrationOptions<TAmazon, TNetSuite>,
): Integration {
  if (!INTEGRATION_ID.test(options.id)) {
    throw new ConfigurationError(
      `Integration id '${options.id}' must be 1–64 letters, digits, '.', '-' or '_'`,
    );
  }

  const logger = options.logger ?? silentLogger;
  const flows = collectFlows(uniquePlugins(options.plugins, logger));
  const vault = createPiiVault(options.encryptionKey ?? process.env[ENCRYPTION_KEY_ENV]);
  let warnedPii = false;

  const engine: Engine = {
    integrationId: options.id,
    instanceId: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
    store: options.store,
    logger,
    clock: options.clock ?? systemClock,
    events: new EventHub(logger),
    vault,
    piiRetentionMs: options.piiRetentionMs ?? DEFAULT_PII_RETENTION_MS,
    lockTtlMs: options.lockTtlMs ?? 60_000,
    maxRecordedWrites: options.maxRecordedWrites ?? 1000,
    recordOnlyTargets: new Set(options.recordOnlyTargets ?? []),
    amazon: options.amazon,
    netsuite: options.netsuite,
    flows,
    active: new Set(),
    onPiiDropped: () => {
      if (warnedPii) return;
      warnedPii = true;
      logger.warn(
        { env: ENCRYPTION_KEY_ENV },
        'no encryption key: personal data is not stored in error records',
      );
    },
  };

  return createIntegrationApi(engine);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function collectFlows(plugins: readonly Plugin<any, any, any>[]): Map<string, FlowEntry> {
  const settings = parsePluginSettings(plugins);
  const flows = new Map<string, FlowEntry>();

  plugins.forEach((plugin, index) => {
    for (const flow of plugin.flows) {
      const existing = flows.get(flow.id);
      if (existing) {
        throw new ConfigurationError(
          `Flow '${flow.id}' comes from both '${existing.plugin}' and '${plugin.name}'`,
        );
      }

      const flowSettings = settings[index];
      flows.set(flow.id, {
        flow,
        settings: flowSettings,
        plugin: plugin.name,
        concurrency: resolveConcurrency(flow, flowSettings),
      });
    }
  });

  for (const { flow } of flows.values()) {
    const unknown = (flow.triggers ?? []).filter((id) => !flows.has(id));
    if (unknown.length > 0) {
      throw new ConfigurationError(
        `Flow '${flow.id}' triggers unknown flow(s): ${unknown.join(', ')}`,
      );
    }
  }

  return flows;
}

// Registering the same plugin twice (by name) keeps the first, as octokit does with plugins.
function uniquePlugins<T extends { name: string }>(plugins: readonly T[], logger: Logger): T[] {
  const seen = new Set<string>();

  return plugins.filter((plugin) => {
    if (!seen.has(plugin.name)) return seen.add(plugin.name);

    logger.warn({ plugin: plugin.name }, 'plugin registered twice; the second is ignored');

    return false;
  });
}
