/**
 * `startAmazonEmulator`: one loopback server answering LWA, SP-API, presigned documents and SQS,
 * with state in SQLite seeded from a world.
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { createWorld } from '../../world';
import type { World, WorldOptions } from '../../world/types';
import { createAmazonStore } from '../store';
import { createAmazonInspector, type AmazonInspector } from '../inspect';
import type { RequestStats } from './dispatch';
import { Presigner } from './documents';
import { FaultInjector, type FaultOptions } from './faults';
import { createAmazonHttpServer, type EmulatorLogger, silentLogger } from './http-server';
import type { AmazonCredentials } from './lwa';
import { mountRoutes } from './mount';
import { createNotificationHub } from '../notifications/hub';
import { createSqsHandler } from '../notifications/sqs';
import { Router } from './router';
import type { AmazonContext } from './types';
import { UsagePlanLimiter } from './usage-plans';

/** Options of {@link startAmazonEmulator}. */
export interface AmazonEmulatorOptions {
  /** A world to serve; built from `worldOptions` when absent. */
  world?: World;
  worldOptions?: WorldOptions;
  /** Multiplies usage-plan rates and divides processing durations. @default 1 */
  timeScale?: number;
  /** SQLite file for the state; in memory when absent. */
  dbFile?: string;
  /** Directory of static sandbox examples (`mode: 'static'`). */
  staticExamplesDir?: string;
  /** `world` serves the seeded world; `static` answers Amazon's static sandbox examples. @default 'world' */
  mode?: 'world' | 'static';
  faults?: FaultOptions;
  /** @default '127.0.0.1' */
  host?: string;
  /** @default 0 (ephemeral) */
  port?: number;
  /** Time source (tokens, expiry, usage plans, lifecycles). @default () => new Date() */
  clock?: () => Date;
  /**
   * Let the world follow the clock: new orders and status changes appear (with ORDER_CHANGE
   * notifications) as the clock passes the world's `now`. @default false (frozen world)
   */
  liveWorld?: boolean;
  /** Override parts of the generated test credentials. */
  credentials?: Partial<
    Pick<AmazonCredentials, 'clientId' | 'clientSecret' | 'refreshToken' | 'applicationId'>
  >;
  logger?: EmulatorLogger;
}

/** A running Amazon emulator. */
export interface RunningAmazonEmulator {
  /** SP-API base URL (use instead of `https://sellingpartnerapi-na.amazon.com`). */
  url: string;
  /** LWA token endpoint (use instead of `https://api.amazon.com/auth/o2/token`). */
  lwaUrl: string;
  /** SQS endpoint. */
  sqsUrl: string;
  credentials: AmazonCredentials;
  world: World;
  inspect: AmazonInspector;
  close(): Promise<void>;
}

function buildCredentials(
  options: AmazonEmulatorOptions,
  world: World,
  baseUrl: string,
): AmazonCredentials {
  return {
    clientId:
      options.credentials?.clientId ?? 'amzn1.application-oa2-client.emulator0000000000000000',
    clientSecret:
      options.credentials?.clientSecret ?? 'emulator-client-secret-0000000000000000000000000000',
    refreshToken: options.credentials?.refreshToken ?? 'Atzr|emulator-refresh-token',
    applicationId: options.credentials?.applicationId ?? 'amzn1.sp.solution.emulator',
    sellingPartnerId: world.seller.sellerId,
    awsAccessKeyId: 'AKIAEMULATOR00000000',
    awsSecretAccessKey: 'emulator-aws-secret-access-key-000000000000',
    awsRegion: 'us-east-1',
    queueUrl: `${baseUrl}/__sqs/000000000000/sellerbridge-notifications`,
  };
}

/**
 * Starts the Amazon emulator on loopback.
 *
 * @example
 * const amazon = await startAmazonEmulator({ worldOptions: { orders: 100 }, timeScale: 60 });
 * // point the SP-API client at amazon.url / amazon.lwaUrl with amazon.credentials
 * await amazon.close();
 */
export async function startAmazonEmulator(
  options: AmazonEmulatorOptions = {},
): Promise<RunningAmazonEmulator> {
  const world = options.world ?? createWorld(options.worldOptions);
  const clock = options.clock ?? (() => new Date());
  const timeScale = options.timeScale ?? 1;
  if (!(timeScale > 0))
    throw new Error(`timeScale must be a positive number, got ${String(options.timeScale)}`);
  const logger = options.logger ?? silentLogger;
  const store = createAmazonStore({ file: options.dbFile });
  const presigner = new Presigner(randomBytes(32), clock);
  const faults = new FaultInjector(options.faults);
  const stats: RequestStats = { received: new Map(), throttled: new Map() };
  const router = new Router();

  // The context is completed once the port is known (baseUrl, presign, publish).
  const ctx: AmazonContext = {
    world,
    store,
    clock,
    timeScale,
    baseUrl: '',
    publish: () => undefined,
    presign: (path, ttlMs) => presigner.presign(ctx.baseUrl, path, ttlMs),
  };
  const credentials = buildCredentials(options, world, '');
  const hub = createNotificationHub(ctx, credentials);
  ctx.publish = (event) => hub.publish(event);
  const mounted = mountRoutes(ctx, router, {
    mode: options.mode ?? 'world',
    staticExamplesDir: options.staticExamplesDir,
    liveWorld: options.liveWorld,
  });
  // A failing area must not take the server down: log and keep serving.
  const tick = () => {
    try {
      mounted.tick();
    } catch (error) {
      logger.error(
        { err: error instanceof Error ? error.message : String(error) },
        'emulator tick failed',
      );
    }
  };

  const server = createAmazonHttpServer({
    dispatch: {
      ctx,
      router,
      limiter: new UsagePlanLimiter(clock, timeScale),
      faults,
      stats,
      region: 'na',
      isSandbox: options.mode === 'static',
    },
    lwa: { store, clock, credentials },
    presigner,
    sqs: createSqsHandler({ ctx, credentials, hub }),
    logger,
    tick,
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });

  const { port } = server.address() as AddressInfo;
  ctx.baseUrl = `http://${options.host ?? '127.0.0.1'}:${port}`;
  Object.assign(credentials, buildCredentials(options, world, ctx.baseUrl));
  store.put('refreshToken', credentials.refreshToken, { sellerId: credentials.sellingPartnerId });
  const timer = setInterval(tick, 200);
  timer.unref();

  return {
    url: ctx.baseUrl,
    lwaUrl: `${ctx.baseUrl}/auth/o2/token`,
    sqsUrl: `${ctx.baseUrl}/__sqs`,
    credentials,
    world,
    inspect: createAmazonInspector({
      ctx,
      stats,
      faults,
      credentials,
      hub,
      isWorldMode: options.mode !== 'static',
    }),
    async close() {
      clearInterval(timer);
      hub.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      store.close();
    },
  };
}
