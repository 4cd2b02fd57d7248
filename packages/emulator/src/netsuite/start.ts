/**
 * `startNetSuiteEmulator(options)`: a local NetSuite REST + SuiteQL server on loopback, seeded
 * from the shared world, with TBA and OAuth 2 (M2M) credentials generated at start.
 */
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createWorld } from '../world/create';
import type { World, WorldOptions } from '../world/types';
import { OAuth2Issuer, TOKEN_PATH, generateClient, type GeneratedClient } from './auth/oauth2';
import { publicKeyFromPem } from './auth/jwt';
import { NonceCache, type TbaCredentials, type TbaSettings } from './auth/tba';
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

  // 1. The account: SQLite store, SuiteQL views and functions, world seed.
  const ctx = openAccount(options, clock);
  const seeded = seedFromWorld(ctx, world);

  // 2. Credentials: TBA pair and an OAuth 2 mapping with a fresh key.
  const tba: TbaCredentials = {
    consumerKey: hex(),
    consumerSecret: hex(),
    tokenId: hex(),
    tokenSecret: hex(),
    ...options.tba,
  };
  const urls = { base: '' };
  const oauth2 = new OAuth2Issuer([], () => tokenAudiences(urls.base, options.hostname), clock);
  const addClient = (algorithm: 'ES256' | 'PS256'): GeneratedClient =>
    registerClient(oauth2, algorithm);
  const client = addClient(options.oauth2Algorithm ?? 'ES256');

  // 3. The server with governance, faults and auth, on loopback.
  const governance = new Governance(
    options.concurrencyLimit ?? 5,
    options.latencyMs ?? {},
    timeScale,
  );
  const faults = new FaultInjector(options.faults);
  const server = createNetSuiteServer({
    ctx,
    auth: { tba: tbaSettings(options, accountId, tba, clock), oauth2 },
    governance,
    faults,
    timeScale,
    overflow: options.concurrencyOverflow ?? 'status429',
    invalidLoginDelayMs: options.invalidLoginDelayMs ?? 60_000,
    suiteql: { requireTransient: options.requireTransient ?? true },
    jobs: new AsyncJobs(clock),
    origin: () => urls.base,
    logger: options.logger ?? { debug: () => undefined },
  });
  urls.base = await listen(server, options.host ?? '127.0.0.1', options.port ?? 0);

  const { publicKeyPem: _public, ...oauth2Credentials } = client;
  return {
    url: urls.base,
    accountId,
    credentials: { tba, oauth2: { ...oauth2Credentials, tokenUrl: `${urls.base}${TOKEN_PATH}` } },
    world,
    inspect: createInspector({ ctx, seeded, governance, faults, addOAuth2Client: addClient }),
    close: () => closeServer(server, ctx),
  };
}

function openAccount(options: NetSuiteEmulatorOptions, clock: () => Date): NsContext {
  const dateFormat = options.dateFormat ?? 'M/D/YYYY';
  const store = new NsStore(options.dbFile);
  registerFunctions(store.db, dateFormat, clock);
  createViews(store.db);

  const features: AccountFeatures = {
    advancedShipping: true,
    allowNegativeInventory: false,
    adjustmentLineLimit: 1000,
    ...options.features,
  };
  return { store, clock, features, dateFormat, behaviours: createBehaviours() };
}

/** The token endpoint URLs a JWT `aud` may name: the local one and the account domain's. */
function tokenAudiences(baseUrl: string, hostname: string | undefined): string[] {
  const local = `${baseUrl}${TOKEN_PATH}`;
  return hostname === undefined ? [local] : [local, `https://${hostname}${TOKEN_PATH}`];
}

function registerClient(oauth2: OAuth2Issuer, algorithm: 'ES256' | 'PS256'): GeneratedClient {
  const client = generateClient(algorithm);
  const publicKey = publicKeyFromPem(client.publicKeyPem);
  oauth2.register({ clientId: client.clientId, certificateId: client.certificateId, publicKey });
  return client;
}

function tbaSettings(
  options: NetSuiteEmulatorOptions,
  accountId: string,
  tba: TbaCredentials,
  clock: () => Date,
): TbaSettings {
  const host = options.hostname === undefined ? {} : { hostname: options.hostname };
  const skewSeconds = options.tbaSkewSeconds ?? 300;
  return { accountId, ...host, credentials: [tba], skewSeconds, clock, nonces: new NonceCache() };
}

async function listen(server: Server, host: string, port: number): Promise<string> {
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const address = server.address() as AddressInfo;
  return `http://${host}:${address.port}`;
}

function closeServer(server: Server, ctx: NsContext): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.closeAllConnections();
    server.close((error) => {
      ctx.store.close();
      if (error) reject(error);
      else resolve();
    });
  });
}
