/**
 * Limiters that belong to a registry instance, never to module scope (style guideline 4), so two
 * clients in one process never share a budget by accident and tests never leak state. Built on
 * Bottleneck: a token bucket (reservoir refilled one token per interval, capped at the burst)
 * for Amazon usage plans, a semaphore (max concurrent) for NetSuite's account concurrency limit.
 * With a Redis client the same limits hold across processes (Bottleneck clustering).
 */
import Bottleneck from 'bottleneck';
import type { Redis } from 'ioredis';
import { LocalSemaphore } from './semaphore';

/** A usage plan: sustained requests per second and the bucket size. */
export interface TokenBucketSpec {
  ratePerSecond: number;
  burst: number;
}

/** One limiter: run tasks through it; each task takes a slot. */
export interface RateLimiter {
  /** Runs the task when a slot is free. Lower priority numbers run first (0–9, default 5). */
  schedule<T>(task: () => Promise<T>, options?: { priority?: number }): Promise<T>;
  /** Changes the sustained rate (e.g. from `x-amzn-RateLimit-Limit`); no-op for semaphores. */
  updateRate(ratePerSecond: number): void;
  /** Current sustained rate, or undefined for a semaphore. */
  readonly ratePerSecond: number | undefined;
  /** The registry key. */
  readonly key: string;
}

/** Options of `createLimiterRegistry`. */
export interface LimiterRegistryOptions {
  /** Prefix of every key (e.g. the integration id), so unrelated apps sharing Redis never mix. */
  namespace?: string;
  /** Shares limits between processes through this Redis connection (ioredis). */
  redis?: { client: Redis };
  /**
   * In clustered mode, how long a job may hold its slot before Redis frees it, so a crashed
   * process cannot hold a NetSuite concurrency slot forever. @default 300_000
   */
  clusterJobExpirationMs?: number;
}

/** Owns the limiters of one or more clients. */
export interface LimiterRegistry {
  /** The token bucket for a key; the same key returns the same limiter. */
  tokenBucket(key: string, spec: TokenBucketSpec): RateLimiter;
  /** The concurrency semaphore for a key; the same key returns the same limiter. */
  semaphore(key: string, maxConcurrent: number): RateLimiter;
  /** Stops every limiter (and, clustered, its Redis subscription). */
  close(): Promise<void>;
}

/** Creates an independent registry of limiters. */
export function createLimiterRegistry(options: LimiterRegistryOptions = {}): LimiterRegistry {
  const limiters = new Map<string, RateLimiter & { stop(): Promise<void> }>();
  const connection = options.redis
    ? new Bottleneck.IORedisConnection({ client: options.redis.client })
    : undefined;
  const prefix = options.namespace ? `${options.namespace}:` : '';
  const clusterExpirationMs = options.clusterJobExpirationMs ?? 300_000;

  function obtain(
    key: string,
    settings: Bottleneck.ConstructorOptions,
    rate?: number,
  ): RateLimiter {
    const existing = limiters.get(key);
    if (existing) return existing;

    const clustered = connection
      ? { datastore: 'ioredis' as const, connection, id: `sellerbridge:${prefix}${key}` }
      : {};
    const limiter = new BottleneckLimiter(
      key,
      new Bottleneck({ ...settings, ...clustered }),
      rate,
      connection ? clusterExpirationMs : undefined,
    );
    limiters.set(key, limiter);
    return limiter;
  }

  return {
    tokenBucket: (key, spec) => obtain(key, tokenBucketSettings(spec), spec.ratePerSecond),
    // In process, a plain semaphore; clustered, Bottleneck keeps the count in Redis.
    semaphore: (key, maxConcurrent) =>
      connection
        ? obtain(key, { maxConcurrent })
        : obtainLocalSemaphore(limiters, key, maxConcurrent),
    close: async () => {
      await Promise.all([...limiters.values()].map((limiter) => limiter.stop()));
      limiters.clear();
      await Promise.resolve(connection?.disconnect(false)).catch(() => undefined);
    },
  };
}

function obtainLocalSemaphore(
  limiters: Map<string, RateLimiter & { stop(): Promise<void> }>,
  key: string,
  maxConcurrent: number,
): RateLimiter {
  const existing = limiters.get(key);
  if (existing) return existing;

  const semaphore = new LocalSemaphore(key, maxConcurrent);
  limiters.set(key, semaphore);
  return semaphore;
}

function tokenBucketSettings(spec: TokenBucketSpec): Bottleneck.ConstructorOptions {
  assertPositive('ratePerSecond', spec.ratePerSecond);
  assertPositive('burst', spec.burst);

  return {
    reservoir: spec.burst,
    ...refillSettings(spec.ratePerSecond),
    reservoirIncreaseMaximum: Math.max(
      spec.burst,
      refillSettings(spec.ratePerSecond).reservoirIncreaseAmount ?? 1,
    ),
  };
}

// Bottleneck refills on a heartbeat timer and adds at most one increase per tick: one token per
// interval up to 100/s, then several tokens per 10 ms tick.
const MIN_REFILL_INTERVAL_MS = 10;

function refillSettings(ratePerSecond: number): Bottleneck.ConstructorOptions {
  const intervalMs = Math.max(MIN_REFILL_INTERVAL_MS, Math.round(1000 / ratePerSecond));

  return {
    reservoirIncreaseInterval: intervalMs,
    reservoirIncreaseAmount: (ratePerSecond * intervalMs) / 1000,
    heartbeatInterval: Math.min(250, intervalMs),
  };
}

function assertPositive(name: string, value: number): void {
  if (!(value > 0) || !Number.isFinite(value)) {
    throw new RangeError(`Limiter ${name} must be a positive number, got ${value}`);
  }
}

class BottleneckLimiter implements RateLimiter {
  readonly key: string;
  #bottleneck: Bottleneck;
  #rate: number | undefined;
  #expirationMs: number | undefined;

  constructor(
    key: string,
    bottleneck: Bottleneck,
    rate: number | undefined,
    expirationMs: number | undefined,
  ) {
    this.key = key;
    this.#bottleneck = bottleneck;
    this.#rate = rate;
    this.#expirationMs = expirationMs;
  }

  get ratePerSecond(): number | undefined {
    return this.#rate;
  }

  schedule<T>(task: () => Promise<T>, options: { priority?: number } = {}): Promise<T> {
    const jobOptions: Bottleneck.JobOptions = {
      priority: options.priority ?? 5,
      ...(this.#expirationMs === undefined ? {} : { expiration: this.#expirationMs }),
    };

    return this.#bottleneck.schedule(jobOptions, task);
  }

  updateRate(ratePerSecond: number): void {
    if (this.#rate === undefined || ratePerSecond === this.#rate) return;
    assertPositive('ratePerSecond', ratePerSecond);

    this.#rate = ratePerSecond;
    const settings = refillSettings(ratePerSecond);
    // Typed as synchronous, but Bottleneck applies settings asynchronously (returns a promise).
    const applied = this.#bottleneck.updateSettings(settings) as unknown;
    void Promise.resolve(applied).then(() => restartLocalHeartbeat(this.#bottleneck, settings));
  }

  async stop(): Promise<void> {
    await this.#bottleneck.stop({ dropWaitingJobs: true }).catch(() => undefined);
    await Promise.resolve(this.#bottleneck.disconnect(false)).catch(() => undefined);
  }
}

interface LocalDatastoreInternals {
  heartbeat?: unknown;
  heartbeatInterval?: number;
  _startHeartbeat?: () => void;
}

/**
 * Bottleneck 2.19.5's in-process datastore stops its refill timer on `updateSettings` without
 * starting it again (`_startHeartbeat` clears the running interval and returns), which would
 * freeze a token bucket after a rate correction. Restart it; Redis datastores are unaffected.
 */
function restartLocalHeartbeat(
  bottleneck: Bottleneck,
  settings: Bottleneck.ConstructorOptions,
): void {
  const store = (bottleneck as unknown as { _store?: LocalDatastoreInternals })._store;
  if (!store || typeof store._startHeartbeat !== 'function' || !('heartbeat' in store)) return;
  if (store.constructor.name !== 'LocalDatastore') return;

  store.heartbeat = null;
  store.heartbeatInterval = settings.heartbeatInterval as number;
  store._startHeartbeat();
}
