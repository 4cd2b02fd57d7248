/**
 * Caches LWA access tokens per grant of one credential source: refreshed 60 s before expiry
 * (as Amazon's own Java cache does, `expiryAdjustment = 60*1000`), one in-flight refresh shared
 * by concurrent callers, and credentials re-read from the provider at every refresh so a rotated
 * client secret is picked up without a restart.
 */
import type { Got } from 'got';
import type { SpApiCredentials, SpApiCredentialsSource } from '../client/types';
import { requestLwaToken, type LwaGrant } from './lwa';
import { AuthError } from '@sellerbridge/http-core';

/** Refresh this long before the token's expiry. */
export const TOKEN_REFRESH_MARGIN_MS = 60_000;

/** What the pipeline asks for: a token for a seller call, or a grantless token for scopes. */
export type TokenRequest = { grantless?: readonly string[]; signal?: AbortSignal };

/** Supplies access tokens to the pipeline; share one between clients of the same credentials. */
export interface AccessTokenProvider {
  /** A valid access token (cached, or freshly requested). */
  getAccessToken(request?: TokenRequest): Promise<string>;
  /** Drops the cached token, e.g. after Amazon said it expired or was revoked. */
  invalidate(request?: TokenRequest): void;
}

/** Options of {@link createLwaTokenProvider}. */
export interface LwaTokenProviderOptions {
  credentials: SpApiCredentialsSource;
  http: Got;
  lwaUrl: string;
  timeoutMs: number;
  now?: () => number;
}

interface CacheEntry {
  token?: string;
  expiresAtMs: number;
  inFlight?: Promise<string>;
}

function cacheKey(request: TokenRequest | undefined): string {
  return request?.grantless ? `scope:${[...request.grantless].sort().join(' ')}` : 'refresh_token';
}

async function readCredentials(source: SpApiCredentialsSource): Promise<SpApiCredentials> {
  return typeof source === 'function' ? await source() : source;
}

function grantFor(request: TokenRequest | undefined, credentials: SpApiCredentials): LwaGrant {
  if (request?.grantless) return { type: 'client_credentials', scopes: request.grantless };
  if (!credentials.refreshToken) {
    throw new AuthError({
      vendor: 'amazon',
      operation: 'lwa:refresh_token',
      message: 'No refresh token configured for a seller-authorized operation',
      hint: 'Pass credentials.refreshToken (from the app authorization) or use a grantless operation.',
    });
  }

  return { type: 'refresh_token', refreshToken: credentials.refreshToken };
}

/** Creates a token provider for one credential source. */
export function createLwaTokenProvider(options: LwaTokenProviderOptions): AccessTokenProvider {
  const cache = new Map<string, CacheEntry>();
  const now = options.now ?? Date.now;

  async function refresh(request: TokenRequest | undefined, entry: CacheEntry): Promise<string> {
    const credentials = await readCredentials(options.credentials);
    const grant = grantFor(request, credentials);
    const token = await requestLwaToken(
      {
        http: options.http,
        lwaUrl: options.lwaUrl,
        clientId: credentials.clientId,
        clientSecret: credentials.clientSecret,
        timeoutMs: options.timeoutMs,
      },
      grant,
    );

    entry.token = token.accessToken;
    entry.expiresAtMs = now() + token.expiresInS * 1000;
    return token.accessToken;
  }

  return {
    getAccessToken(request) {
      const key = cacheKey(request);
      const entry = cache.get(key) ?? { expiresAtMs: 0 };

      cache.set(key, entry);
      if (entry.token && now() < entry.expiresAtMs - TOKEN_REFRESH_MARGIN_MS)
        return Promise.resolve(entry.token);

      // One refresh at a time: concurrent callers await the same promise.
      entry.inFlight ??= refresh(request, entry).finally(() => {
        entry.inFlight = undefined;
      });
      return entry.inFlight;
    },
    invalidate(request) {
      const entry = cache.get(cacheKey(request));

      if (entry) entry.token = undefined;
    },
  };
}
