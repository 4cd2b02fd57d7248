/**
 * Client options, validated once with zod into a read-only resolved form (style guide §4.10).
 */
import { z } from 'zod';
import { InvalidInputError, silentLogger } from '@sellerbridge/http-core';
import type { LimiterRegistry, LimiterRegistryOptions, Logger } from '@sellerbridge/http-core';
import type { OAuth2Algorithm, OAuth2ClientCredentialsOptions } from './auth/oauth2';
import type { AuthStrategy } from './auth/types';
import type { NetSuiteRequestEvent } from './transport/types';

/** OAuth 2.0 client credentials (M2M): the default for new accounts. */
export interface OAuth2AuthOptions {
  type: 'oauth2';
  clientId: string;
  certificateId: string;
  /** PKCS#8 PEM of the certificate's key (RSA for PS*, EC for ES*), or an imported key. */
  privateKey: OAuth2ClientCredentialsOptions['privateKey'];
  /** @default 'PS256' */
  algorithm?: OAuth2Algorithm;
  /** @default ['rest_webservices'] */
  scopes?: string[];
  /** @default 300 */
  assertionLifetimeSec?: number;
  /** @default 300_000 */
  refreshEarlyMs?: number;
}

/** Token-based authentication (OAuth 1.0a); existing integrations only from 2027.1. */
export interface TbaAuthConfig {
  type: 'tba';
  consumerKey: string;
  consumerSecret: string;
  tokenId: string;
  tokenSecret: string;
}

/** Options of `createNetSuiteClient`. */
export interface NetSuiteClientOptions {
  /** Account id in any casing: `1234567`, `1234567_SB1`, `1234567-sb1`, `TSTDRV123`. */
  accountId: string;
  /** Origin override (an emulator); default `https://<host>.suitetalk.api.netsuite.com`. */
  baseUrl?: string;
  /** Credentials: OAuth 2.0, TBA, or a custom strategy. */
  auth: OAuth2AuthOptions | TbaAuthConfig | AuthStrategy;
  /** Requests in flight for this account (standard tier 5, less one for others). @default 4 */
  maxConcurrency?: number;
  /** Limiter registry to share (e.g. one per process); default: one owned by the client. */
  limiterRegistry?: LimiterRegistry;
  /** Shares the concurrency limit across processes (used when no registry is given). */
  redis?: { client: NonNullable<LimiterRegistryOptions['redis']>['client']; namespace?: string };
  /** Retry budget. Defaults: 8 attempts, 1 s base, 60 s cap, 180 s total (reference §4). */
  retry?: {
    maxAttempts?: number;
    baseDelayMs?: number;
    maxDelayMs?: number;
    maxTotalWaitMs?: number;
    random?: () => number;
  };
  /** Per-attempt timeout. @default 300_000 */
  timeoutMs?: number;
  /** A 401 INVALID_LOGIN counts as throttling within this long after a 429. @default 60_000 */
  invalidLoginRetryWindowMs?: number;
  /** At most this many INVALID_LOGIN retries per call. @default 2 */
  maxInvalidLoginRetries?: number;
  /** `X-NetSuite-PropertyNameValidation`; NetSuite's default (Warning) drops unknown fields. */
  propertyNameValidation?: 'Error' | 'Warning' | 'Ignore';
  /** Response headers read as the request id (UNVERIFIED names). @default ['x-n-operationid', 'x-request-id'] */
  requestIdHeaders?: string[];
  /** pino-shaped logger. @default silentLogger */
  logger?: Logger;
  /** Called once per attempt with the request event. */
  onRequest?: (event: NetSuiteRequestEvent) => void;
}

const scalarSchema = z.object({
  accountId: z.string().min(1),
  baseUrl: z.url().optional(),
  maxConcurrency: z.number().int().min(1).max(1000).default(4),
  timeoutMs: z.number().int().positive().default(300_000),
  invalidLoginRetryWindowMs: z.number().int().nonnegative().default(60_000),
  maxInvalidLoginRetries: z.number().int().min(0).max(10).default(2),
  propertyNameValidation: z.enum(['Error', 'Warning', 'Ignore']).optional(),
  requestIdHeaders: z.array(z.string()).default(['x-n-operationid', 'x-request-id']),
  retry: z
    .object({
      maxAttempts: z.number().int().min(1).max(20).default(8),
      baseDelayMs: z.number().nonnegative().default(1000),
      maxDelayMs: z.number().nonnegative().default(60_000),
      maxTotalWaitMs: z.number().nonnegative().default(180_000),
      random: z.custom<() => number>((value) => typeof value === 'function').optional(),
    })
    .default({ maxAttempts: 8, baseDelayMs: 1000, maxDelayMs: 60_000, maxTotalWaitMs: 180_000 }),
});

/** Options after validation and defaults. */
export type ResolvedNetSuiteClientOptions = z.output<typeof scalarSchema> &
  Pick<NetSuiteClientOptions, 'auth' | 'limiterRegistry' | 'redis' | 'onRequest'> & {
    logger: Logger;
  };

/**
 * Validates options.
 * @throws InvalidInputError naming the first bad option.
 */
export function resolveOptions(options: NetSuiteClientOptions): ResolvedNetSuiteClientOptions {
  const parsed = scalarSchema.safeParse(options);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InvalidInputError({
      vendor: 'netsuite',
      operation: 'createNetSuiteClient',
      message: `invalid option ${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}`,
      errorPath: issue?.path.join('.'),
    });
  }

  if (typeof options.auth !== 'object' || options.auth === null) {
    throw new InvalidInputError({
      vendor: 'netsuite',
      operation: 'createNetSuiteClient',
      message: 'auth is required',
      errorPath: 'auth',
    });
  }

  return Object.freeze({
    ...parsed.data,
    auth: options.auth,
    limiterRegistry: options.limiterRegistry,
    redis: options.redis,
    onRequest: options.onRequest,
    logger: options.logger ?? silentLogger,
  });
}
