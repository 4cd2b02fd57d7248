/**
 * `startNetSuiteEmulator(options)`: a local NetSuite REST + SuiteQL server on loopback, seeded
 * from the shared world, with TBA and OAuth 2 (M2M) credentials generated at start.
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { createWorld } from '../world/create';
import type { World, WorldOptions } from '../world/types';
import { OAuth2Issuer, TOKEN_PATH, generateClient, type GeneratedClient } from './auth/oauth2';
import { publicKeyFromPem } from './auth/jwt';
import { NonceCache, type TbaCredentials } from './auth/tba';
import type { AccountFeatures, NsContext } from './context';
import { createInspector, type NetSuiteInspector } from './inspect';
import { NsStore } from './records/store';
import { seedFromWorld } from './seed';
import { FaultInjector, type NetSuiteFaultOptions } from './server/faults';
import { Governance, type LatencyOptions } from './server/governance';
import { createNetSuiteServer } from './server/http-server';
import { AsyncJobs } from './server/async-jobs';
import { createViews } from './suiteql/catalog';
import { registerFunctions } from './suiteql/functions';
import { createBehaviours } from './transactions/behaviours';

/** Options of {@link startNetSuiteEmulator}. */
export interface NetSuiteEmulatorOptions {
  world?: World;
  worldOptions?: WorldOptions;
  /** @default '1234567_SB1' */
  accountId?: string;
  /** Account concurrency limit (Standard tier). @default 5 */
  concurrencyLimit?: number;
  /** Latency ranges per request; divided by timeScale. @default none */
  latencyMs?: LatencyOptions;
  /** Divides latencies and fault delays. @default 1 */
  timeScale?: number;
  /** SQLite file; a second run with the same file sees the first run's records. @default in memory */
  dbFile?: string;
  faults?: NetSuiteFaultOptions;
  /** Clock for TBA timestamps, token expiry and record dates. @default real time */
  clock?: () => Date;
  /** Account domain to enforce in the Host header, e.g. `1234567-sb1.suitetalk.api.netsuite.com`. */
  hostname?: string;
  /** @default '127.0.0.1' */
  host?: string;
  /** @default 0 (ephemeral) */
  port?: number;
  /** Fixed TBA credentials (default: random 64-hex values). */
  tba?: Partial<TbaCredentials>;
  /** Algorithm of the generated OAuth 2 key. @default 'ES256' */
  oauth2Algorithm?: 'ES256' | 'PS256';
  /** Accepted TBA timestamp skew. @default 300 */
  tbaSkewSeconds?: number;
  /** Over the concurrency limit: 429 (default) or the slow 401 INVALID_LOGIN seen under TBA. */
  concurrencyOverflow?: 'status429' | 'invalidLogin';
  /** Delay of the slow 401 before timeScale. @default 60000 */
  invalidLoginDelayMs?: number;
  /** User date format of SuiteQL output. @default 'M/D/YYYY' */
  dateFormat?: string;
  /** Refuse SuiteQL without `Prefer: transient`. @default true */
  requireTransient?: boolean;
  features?: Partial<AccountFeatures>;
  /** pino-shaped logger. @default silent */
  logger?: { debug(context: object, message: string): void };
}

/** A running NetSuite emulator. */
export interface RunningNetSuiteEmulator {
  /** Base URL; clients append `/services/rest/...`. */
  url: string;
  accountId: string;
  credentials: {
    tba: TbaCredentials;
    oauth2: {
      clientId: string;
      certificateId: string;
      privateKeyPem: string;
      algorithm: 'ES256' | 'PS256';
      tokenUrl: string;
    };
  };
  world: World;
  inspect: NetSuiteInspector;
  close(): Promise<void>;
}

const hex = (): string => randomBytes(32).toString('hex');

/** Starts the NetSuite emulator on loopback. */
export async function startNetSuiteEmulator(
  options: NetSuiteEmulatorOptions = {},
): Promise<RunningNetSuiteEmulator> {
  const accountId = options.accountId ?? '1234567_SB1';
  const clock = options.clock ?? (() => new Date());
  const timeScale = options.timeScale ?? 1;
  const world = options.world ?? createWorld(options.worldOptions);

  const store = new NsStore(options.dbFile);
  registerFunctions(store.db, options.dateFormat ?? 'M/D/YYYY', clock);
  createViews(store.db);
  const features: AccountFeatures = {
    advancedShipping: true,
    allowNegativeInventory: false,
    adjustmentLineLimit: 1000,
    ...options.features,
  };
  const dateFormat = options.dateFormat ?? 'M/D/YYYY';
  const ctx: NsContext = { store, clock, features, dateFormat, behaviours: createBehaviours() };
  const seeded = seedFromWorld(ctx, world);

  const tba: TbaCredentials = {
    consumerKey: hex(),
    consumerSecret: hex(),
    tokenId: hex(),
    tokenSecret: hex(),
    ...options.tba,
  };
  let baseUrl = '';
  const audiences = (): string[] => [
    `${baseUrl}${TOKEN_PATH}`,
    ...(options.hostname === undefined ? [] : [`https://${options.hostname}${TOKEN_PATH}`]),
  ];
  const oauth2 = new OAuth2Issuer([], audiences, clock);
  const addClient = (algorithm: 'ES256' | 'PS256'): GeneratedClient => {
    const client = generateClient(algorithm);
    oauth2.register({
      clientId: client.clientId,
      certificateId: client.certificateId,
      publicKey: publicKeyFromPem(client.publicKeyPem),
    });
    return client;
  };
  const client = addClient(options.oauth2Algorithm ?? 'ES256');

  const governance = new Governance(
    options.concurrencyLimit ?? 5,
    options.latencyMs ?? {},
    timeScale,
  );
  const faults = new FaultInjector(options.faults);
  const server = createNetSuiteServer({
    ctx,
    auth: {
      tba: {
        accountId,
        ...(options.hostname === undefined ? {} : { hostname: options.hostname }),
        credentials: [tba],
        skewSeconds: options.tbaSkewSeconds ?? 300,
        clock,
        nonces: new NonceCache(),
      },
      oauth2,
    },
    governance,
    faults,
    timeScale,
    overflow: options.concurrencyOverflow ?? 'status429',
    invalidLoginDelayMs: options.invalidLoginDelayMs ?? 60_000,
    suiteql: { requireTransient: options.requireTransient ?? true },
    jobs: new AsyncJobs(clock),
    logger: options.logger ?? { debug: () => undefined },
  });

  await new Promise<void>((resolve) =>
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve),
  );
  const address = server.address() as AddressInfo;
  baseUrl = `http://${options.host ?? '127.0.0.1'}:${address.port}`;

  return {
    url: baseUrl,
    accountId,
    credentials: {
      tba,
      oauth2: {
        clientId: client.clientId,
        certificateId: client.certificateId,
        privateKeyPem: client.privateKeyPem,
        algorithm: client.algorithm,
        tokenUrl: `${baseUrl}${TOKEN_PATH}`,
      },
    },
    world,
    inspect: createInspector({ ctx, seeded, governance, faults, addOAuth2Client: addClient }),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => {
          store.close();
          if (error) reject(error);
          else resolve();
        });
      }),
  };
}
