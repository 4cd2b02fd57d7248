/**
 * Client options, parsed once with zod into a read-only resolved form (style guideline 10).
 */
import { createHash } from 'node:crypto';
import {
  createLimiterRegistry,
  silentLogger,
  type LimiterRegistry,
  type Logger,
  type RetryOptions,
} from '@sellerbridge/http-core';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { AccessTokenProvider } from '../auth/token-provider';
import { LWA_TOKEN_URL, resolveEndpoint, type SpApiRegion } from '../regions';
import type { SpApiCredentialsSource, SpApiEvent, UsagePlan } from './types';

/** Rate limiting options. */
export interface SpApiRateLimitOptions {
  /** Proactive token buckets per (application, selling partner, region, operation). @default true */
  enabled?: boolean;
  /** Raised limits of this seller, by operation key; they replace the model defaults. */
  overrides?: Record<string, UsagePlan>;
  /** A registry shared with other clients (e.g. one built with Redis). */
  registry?: LimiterRegistry;
  /** Shares the buckets across processes through Redis (Bottleneck clustering). */
  redis?: { client: Redis; namespace?: string };
}

/** Options of `createSpApiClient`. */
export interface SpApiClientOptions {
  /** The seller account's region. */
  region: SpApiRegion;
  /** LWA credentials or an async provider (re-read at every token refresh). */
  credentials: SpApiCredentialsSource;
  /**
   * The seller's merchant token; part of the limiter key and the `sellerId` for Listings.
   * @default a short hash of the refresh token, else 'seller'
   */
  sellingPartnerId?: string;
  /** The SP-API application id; part of the limiter key. @default the LWA client id, else 'app' */
  applicationId?: string;
  /** Marketplaces the client works in. @default [] */
  marketplaceIds?: string[];
  /** Use the static sandbox host (and the sandbox usage plan, 5/s burst 15). @default false */
  sandbox?: boolean;
  /** Base URL override, e.g. the emulator's `http://127.0.0.1:port`. */
  baseUrl?: string;
  /** LWA token URL override. @default https://api.amazon.com/auth/o2/token */
  lwaUrl?: string;
  /** pino-compatible logger. @default silentLogger */
  logger?: Logger;
  /** Receives a redacted event per request and response. */
  onEvent?: (event: SpApiEvent) => void;
  rateLimits?: SpApiRateLimitOptions;
  /** Retry bounds (the one retry loop). @default 5 attempts, 120 s total wait */
  retry?: Pick<
    RetryOptions,
    'maxAttempts' | 'maxTotalWaitMs' | 'baseDelayMs' | 'maxDelayMs' | 'random'
  >;
  /** Per-attempt timeout. @default 60_000 */
  timeoutMs?: number;
  /** A token provider shared with other clients of the same credentials. */
  tokenProvider?: AccessTokenProvider;
  /** Clock for the two-minute rule and token expiry (tests). @default Date.now */
  now?: () => number;
}

const optionsSchema = z.object({
  region: z.enum(['na', 'eu', 'fe']),
  credentials: z.union([
    z.function(),
    z.object({
      clientId: z.string().min(1),
      clientSecret: z.string().min(1),
      refreshToken: z.string().min(1).optional(),
    }),
  ]),
  sellingPartnerId: z.string().min(1).optional(),
  applicationId: z.string().min(1).optional(),
  marketplaceIds: z.array(z.string().min(1)).optional(),
  baseUrl: z.url().optional(),
  lwaUrl: z.url().optional(),
  timeoutMs: z.number().int().positive().optional(),
});

/** Options after defaults; the hot path trusts them. */
export interface ResolvedSpApiClientOptions {
  readonly region: SpApiRegion;
  readonly credentials: SpApiCredentialsSource;
  readonly sellingPartnerId: string;
  readonly applicationId: string;
  readonly marketplaceIds: string[];
  readonly sandbox: boolean;
  readonly endpoint: string;
  readonly lwaUrl: string;
  readonly logger: Logger;
  readonly onEvent?: (event: SpApiEvent) => void;
  readonly limitsEnabled: boolean;
  readonly limitOverrides: Readonly<Record<string, UsagePlan>>;
  readonly registry: LimiterRegistry;
  readonly ownsRegistry: boolean;
  readonly retry: NonNullable<SpApiClientOptions['retry']>;
  readonly timeoutMs: number;
  readonly tokenProvider?: AccessTokenProvider;
  readonly now: () => number;
}

// Without an explicit seller id, two clients of different sellers must still get different
// buckets: a short hash of the refresh token keys them (never the token itself).
function defaultSellerKey(credentials: SpApiCredentialsSource): string {
  if (typeof credentials === 'function' || !credentials.refreshToken) return 'seller';

  return `rt-${createHash('sha256').update(credentials.refreshToken).digest('hex').slice(0, 12)}`;
}

/**
 * Validates options and fills defaults.
 * @throws Error naming the invalid option
 */
export function resolveOptions(options: SpApiClientOptions): ResolvedSpApiClientOptions {
  const parsed = optionsSchema.safeParse(options);

  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new TypeError(`Invalid SP-API client option ${issue.path.join('.')}: ${issue.message}`);
  }

  const limits = options.rateLimits ?? {};
  const registry =
    limits.registry ??
    createLimiterRegistry(
      limits.redis
        ? { redis: { client: limits.redis.client }, namespace: limits.redis.namespace }
        : {},
    );

  return Object.freeze({
    region: options.region,
    credentials: options.credentials,
    sellingPartnerId: options.sellingPartnerId ?? defaultSellerKey(options.credentials),
    applicationId:
      options.applicationId ??
      (typeof options.credentials === 'function' ? 'app' : options.credentials.clientId),
    marketplaceIds: [...(options.marketplaceIds ?? [])],
    sandbox: options.sandbox ?? false,
    endpoint: resolveEndpoint(options.region, options),
    lwaUrl: options.lwaUrl ?? LWA_TOKEN_URL,
    logger: options.logger ?? silentLogger,
    onEvent: options.onEvent,
    limitsEnabled: limits.enabled ?? true,
    limitOverrides: { ...(limits.overrides ?? {}) },
    registry,
    ownsRegistry: limits.registry === undefined,
    retry: { ...(options.retry ?? {}) },
    timeoutMs: options.timeoutMs ?? 60_000,
    tokenProvider: options.tokenProvider,
    now: options.now ?? Date.now,
  });
}
