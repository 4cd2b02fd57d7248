/**
 * OAuth 2.0 client credentials (machine-to-machine): a JWT assertion signed with the certificate's
 * private key is exchanged for a ~1 h bearer token; there is no refresh token, so a new JWT is
 * minted each time. https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_162790605110.html
 * and section_162755359851.html. The default for new accounts (no new TBA integrations from 2027.1).
 */
import { randomUUID } from 'node:crypto';
import { SignJWT, importPKCS8 } from 'jose';
import type { CryptoKey, KeyObject } from 'jose';
import { assertKeyFitsAlgorithm } from './key-check';
import { requestToken } from './token-endpoint';
import type { AuthStrategy, SignableRequest } from './types';

/** JWT algorithms NetSuite lists for the assertion (RS256 is not among them). */
export type OAuth2Algorithm = 'PS256' | 'PS384' | 'PS512' | 'ES256' | 'ES384' | 'ES512';

/** Options of {@link createOAuth2ClientCredentialsAuth}. */
export interface OAuth2ClientCredentialsOptions {
  /** Client id of the integration record (the JWT `iss`). */
  clientId: string;
  /** Certificate id shown on the M2M mapping (the JWT header `kid`). */
  certificateId: string;
  /** PKCS#8 PEM private key of the mapped certificate, or an imported key. */
  privateKey: string | CryptoKey | KeyObject;
  /** @default 'PS256' */
  algorithm?: OAuth2Algorithm;
  /** @default ['rest_webservices'] */
  scopes?: string[];
  /** Token endpoint, `<base>/services/rest/auth/oauth2/v1/token`; also the JWT `aud`. */
  tokenUrl: string;
  /** Assertion lifetime; NetSuite allows at most 3600 s. @default 300 */
  assertionLifetimeSec?: number;
  /** Refresh this long before the token expires. @default 300_000 */
  refreshEarlyMs?: number;
  /** Millisecond clock. @default Date.now */
  now?: () => number;
  /** Token request timeout. @default 30_000 */
  timeoutMs?: number;
}

const MAX_ASSERTION_LIFETIME_SEC = 3600;

interface CachedToken {
  accessToken: string;
  expiresAtMs: number;
}

/**
 * Creates the OAuth 2.0 client-credentials strategy: the token is cached, refreshed
 * `refreshEarlyMs` before expiry, and one refresh in flight is shared by all callers.
 * @throws AuthError (from `authorize`) when the token endpoint rejects the assertion.
 */
export function createOAuth2ClientCredentialsAuth(
  options: OAuth2ClientCredentialsOptions,
): AuthStrategy {
  const settings = resolveSettings(options);
  let cached: CachedToken | undefined;
  let inFlight: Promise<CachedToken> | undefined;

  const refresh = (signal?: AbortSignal): Promise<CachedToken> => {
    inFlight ??= fetchAccessToken(settings, signal).finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  };

  return {
    kind: 'oauth2',
    authorize: async (request: SignableRequest) => {
      if (!cached || settings.now() >= cached.expiresAtMs - settings.refreshEarlyMs) {
        cached = await refresh(request.signal);
      }
      return `Bearer ${cached.accessToken}`;
    },
    invalidate: () => {
      const hadToken = cached !== undefined;
      cached = undefined;
      return hadToken;
    },
    secrets: () => (cached ? [cached.accessToken] : []),
  };
}

type ResolvedSettings = Required<Omit<OAuth2ClientCredentialsOptions, 'privateKey'>> & {
  key: Promise<CryptoKey | KeyObject>;
};

function resolveSettings(options: OAuth2ClientCredentialsOptions): ResolvedSettings {
  const algorithm = options.algorithm ?? 'PS256';
  const lifetimeSec = options.assertionLifetimeSec ?? 300;
  if (lifetimeSec <= 0 || lifetimeSec > MAX_ASSERTION_LIFETIME_SEC) {
    throw new RangeError(
      'assertionLifetimeSec must be within 1..3600 (NetSuite: exp ≤ iat + 60 min)',
    );
  }

  assertKeyFitsAlgorithm(options.privateKey, algorithm);
  const key =
    typeof options.privateKey === 'string'
      ? importPKCS8(options.privateKey, algorithm)
      : Promise.resolve(options.privateKey);
  key.catch(() => undefined);

  return {
    clientId: options.clientId,
    certificateId: options.certificateId,
    algorithm,
    scopes: options.scopes ?? ['rest_webservices'],
    tokenUrl: options.tokenUrl,
    assertionLifetimeSec: lifetimeSec,
    refreshEarlyMs: options.refreshEarlyMs ?? 300_000,
    now: options.now ?? Date.now,
    timeoutMs: options.timeoutMs ?? 30_000,
    key,
  };
}

/** Signs the client assertion: header {alg, kid, typ}, claims iss, scope, aud, iat, exp, jti. */
async function createClientAssertion(settings: ResolvedSettings): Promise<string> {
  const issuedAtSec = Math.floor(settings.now() / 1000);

  return new SignJWT({ scope: settings.scopes.join(',') })
    .setProtectedHeader({ alg: settings.algorithm, kid: settings.certificateId, typ: 'JWT' })
    .setIssuer(settings.clientId)
    .setAudience(settings.tokenUrl)
    .setIssuedAt(issuedAtSec)
    .setExpirationTime(issuedAtSec + settings.assertionLifetimeSec)
    .setJti(randomUUID())
    .sign(await settings.key);
}

async function fetchAccessToken(
  settings: ResolvedSettings,
  signal: AbortSignal | undefined,
): Promise<CachedToken> {
  const assertion = await createClientAssertion(settings);
  const requestedAtMs = settings.now();

  const token = await requestToken({
    tokenUrl: settings.tokenUrl,
    assertion,
    timeoutMs: settings.timeoutMs,
    signal,
  });

  return { accessToken: token.accessToken, expiresAtMs: requestedAtMs + token.expiresInSec * 1000 };
}
