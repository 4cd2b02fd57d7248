/**
 * Login with Amazon token endpoint (`POST /auth/o2/token`) and the access-token check every
 * SP-API call goes through. Grants: `refresh_token` (seller calls), `client_credentials` with a
 * scope (grantless calls), `authorization_code` (website authorization workflow). Access tokens
 * live one hour (https://developer-docs.amazon.com/sp-api/docs/connecting-to-the-selling-partner-api);
 * token lifetimes are absolute, never scaled.
 */
import { randomBytes } from 'node:crypto';
import type { AmazonStore } from './types';

/** Test credentials of one emulator instance. */
export interface AmazonCredentials {
  clientId: string;
  clientSecret: string;
  refreshToken: string;
  sellingPartnerId: string;
  applicationId: string;
  awsAccessKeyId: string;
  awsSecretAccessKey: string;
  awsRegion: string;
  queueUrl: string;
}

/** What an access token (LWA or restricted data token) grants. */
export interface AccessTokenRecord {
  kind: 'seller' | 'grantless' | 'rdt';
  sellerId: string;
  applicationId: string;
  scope?: string;
  expiresAtMs: number;
  /** RDT only: the resources it opens. */
  restrictedResources?: Array<{ method: string; path: string; dataElements?: string[] }>;
}

/** One hour, as LWA documents. */
export const ACCESS_TOKEN_TTL_MS = 3_600_000;

/** spapi_oauth_code is valid for five minutes (docs: website-authorization-workflow). */
export const AUTHORIZATION_CODE_TTL_MS = 300_000;

/** Scopes LWA accepts for grantless operations (Java auth library `ScopeConstants`). */
const GRANTLESS_SCOPES = new Set([
  'sellingpartnerapi::notifications',
  'sellingpartnerapi::migration',
]);

interface AuthCodeRecord {
  sellerId: string;
  expiresAtMs: number;
  used: boolean;
}

/** LWA answer: status plus the OAuth JSON body. */
export interface LwaResponse {
  status: number;
  body: Record<string, unknown>;
}

function lwaError(status: number, error: string, description: string): LwaResponse {
  return { status, body: { error, error_description: description } };
}

function newToken(prefix: string): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

/** Parses the form (JS client) or JSON (Java client) body of a token request. */
export function parseTokenRequest(rawBody: Buffer, contentType: string): Record<string, string> {
  const text = rawBody.toString('utf8');
  if (contentType.includes('json')) {
    const parsed = JSON.parse(text || '{}') as Record<string, unknown>;
    return Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, String(v)]));
  }
  return Object.fromEntries(new URLSearchParams(text));
}

/** Dependencies of the token endpoint. */
export interface LwaDeps {
  store: AmazonStore;
  clock: () => Date;
  credentials: AmazonCredentials;
}

function issueAccessToken(
  deps: LwaDeps,
  record: Omit<AccessTokenRecord, 'expiresAtMs' | 'applicationId'>,
): LwaResponse {
  const token = newToken('Atza|');
  const expiresAtMs = deps.clock().getTime() + ACCESS_TOKEN_TTL_MS;
  deps.store.put<AccessTokenRecord>('accessToken', token, {
    ...record,
    applicationId: deps.credentials.applicationId,
    expiresAtMs,
  });
  return {
    status: 200,
    body: { access_token: token, token_type: 'bearer', expires_in: ACCESS_TOKEN_TTL_MS / 1000 },
  };
}

function grantRefreshToken(deps: LwaDeps, params: Record<string, string>): LwaResponse {
  const refreshToken = params.refresh_token;
  if (!refreshToken)
    return lwaError(
      400,
      'invalid_request',
      'The request is missing a required parameter : refresh_token',
    );

  const owner = deps.store.get<{ sellerId: string }>('refreshToken', refreshToken);
  if (!owner)
    return lwaError(
      400,
      'invalid_grant',
      'The request has an invalid grant parameter : refresh_token',
    );
  return issueAccessToken(deps, { kind: 'seller', sellerId: owner.sellerId });
}

function grantClientCredentials(deps: LwaDeps, params: Record<string, string>): LwaResponse {
  const scope = params.scope;
  if (!scope)
    return lwaError(400, 'invalid_request', 'The request is missing a required parameter : scope');

  const scopes = scope.split(/\s+/);
  if (!scopes.every((s) => GRANTLESS_SCOPES.has(s))) {
    return lwaError(400, 'invalid_scope', 'An unknown scope was requested');
  }
  return issueAccessToken(deps, { kind: 'grantless', sellerId: '', scope });
}

function grantAuthorizationCode(deps: LwaDeps, params: Record<string, string>): LwaResponse {
  const code = params.code;
  if (!code)
    return lwaError(400, 'invalid_request', 'The request is missing a required parameter : code');

  const record = deps.store.get<AuthCodeRecord>('authCode', code);
  if (!record || record.used || record.expiresAtMs <= deps.clock().getTime()) {
    return lwaError(400, 'invalid_grant', 'The request has an invalid grant parameter : code');
  }
  deps.store.put<AuthCodeRecord>('authCode', code, { ...record, used: true });

  const refreshToken = newToken('Atzr|');
  deps.store.put('refreshToken', refreshToken, { sellerId: record.sellerId });
  const issued = issueAccessToken(deps, { kind: 'seller', sellerId: record.sellerId });
  return { status: 200, body: { ...issued.body, refresh_token: refreshToken } };
}

/** Answers `POST /auth/o2/token`. */
export function handleTokenRequest(deps: LwaDeps, params: Record<string, string>): LwaResponse {
  if (!params.client_id || !params.client_secret) {
    return lwaError(
      400,
      'invalid_request',
      'The request is missing a required parameter : client_id or client_secret',
    );
  }
  if (
    params.client_id !== deps.credentials.clientId ||
    params.client_secret !== deps.credentials.clientSecret
  ) {
    return lwaError(401, 'invalid_client', 'Client authentication failed');
  }

  switch (params.grant_type) {
    case 'refresh_token':
      return grantRefreshToken(deps, params);
    case 'client_credentials':
      return grantClientCredentials(deps, params);
    case 'authorization_code':
      return grantAuthorizationCode(deps, params);
    default:
      return lwaError(
        400,
        'unsupported_grant_type',
        'The authorization grant type is not supported by the authorization server',
      );
  }
}

/** Creates a single-use `spapi_oauth_code` as if the seller had just authorized the app. */
export function createAuthorizationCode(deps: LwaDeps): string {
  const code = randomBytes(10).toString('hex');
  deps.store.put<AuthCodeRecord>('authCode', code, {
    sellerId: deps.credentials.sellingPartnerId,
    expiresAtMs: deps.clock().getTime() + AUTHORIZATION_CODE_TTL_MS,
    used: false,
  });
  return code;
}

/** Result of checking `x-amz-access-token`. */
export type TokenCheck = { ok: true; record: AccessTokenRecord } | { ok: false; details: string };

/** Checks a token; `details` carries Amazon's wording for the 403 body. */
export function checkAccessToken(
  deps: Pick<LwaDeps, 'store' | 'clock'>,
  token: string | undefined,
): TokenCheck {
  if (!token) return { ok: false, details: '' };

  const record = deps.store.get<AccessTokenRecord>('accessToken', token);
  if (!record)
    return {
      ok: false,
      details: 'The access token you provided is revoked, malformed or invalid.',
    };
  if (record.expiresAtMs <= deps.clock().getTime()) {
    return { ok: false, details: 'The access token you provided has expired.' };
  }
  return { ok: true, record };
}

/** Stores an issued restricted data token. */
export function issueRestrictedDataToken(
  deps: Pick<LwaDeps, 'store' | 'clock'>,
  owner: AccessTokenRecord,
  resources: NonNullable<AccessTokenRecord['restrictedResources']>,
): { restrictedDataToken: string; expiresIn: number } {
  const token = newToken('Atz.sprdt|');
  deps.store.put<AccessTokenRecord>('accessToken', token, {
    kind: 'rdt',
    sellerId: owner.sellerId,
    applicationId: owner.applicationId,
    expiresAtMs: deps.clock().getTime() + ACCESS_TOKEN_TTL_MS,
    restrictedResources: resources,
  });
  return { restrictedDataToken: token, expiresIn: ACCESS_TOKEN_TTL_MS / 1000 };
}
