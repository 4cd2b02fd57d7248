/**
 * Login with Amazon token requests: refresh-token grant (seller calls), client-credentials grant
 * (grantless calls) and authorization-code exchange (onboarding).
 * Source: reference/amazon-sp-api.md §2.2 and
 * https://developer-docs.amazon.com/sp-api/docs/connecting-to-the-selling-partner-api
 */
import {
  AuthError,
  ServerError,
  ThrottledError,
  fromNetworkError,
  type VendorError,
} from '@sellerbridge/http-core';
import type { Got } from 'got';
import { z } from 'zod';

/** One LWA grant. Scopes are only for client-credentials (grantless) calls. */
export type LwaGrant =
  | { type: 'refresh_token'; refreshToken: string }
  | { type: 'client_credentials'; scopes: readonly string[] }
  | { type: 'authorization_code'; code: string; redirectUri?: string };

/** The token endpoint's answer. */
export interface LwaToken {
  accessToken: string;
  expiresInS: number;
  /** Only returned by the authorization-code grant. */
  refreshToken?: string;
}

const tokenSchema = z.object({
  access_token: z.string().min(1),
  expires_in: z.coerce.number().positive(),
  refresh_token: z.string().optional(),
});

const errorSchema = z.object({ error: z.string(), error_description: z.string().optional() });

// Hints per LWA error code (https://developer-docs.amazon.com/sp-api/docs/connecting-to-the-selling-partner-api).
const HINTS: Readonly<Record<string, string>> = {
  invalid_grant:
    'The refresh token was revoked or is wrong, or the authorization code expired (codes live 5 minutes) or was already used: re-authorize the app in Seller Central.',
  invalid_client:
    'The LWA client id or secret was rejected: check them, and update the secret after a rotation (Amazon requires one every 180 days).',
  unauthorized_client: 'This LWA client may not use this grant type: check the app registration.',
  invalid_scope:
    'The scope is not allowed for this app (grantless scopes: sellingpartnerapi::notifications, sellingpartnerapi::migration).',
  access_denied: 'The selling partner denied the authorization.',
  invalid_request: 'The token request is malformed (missing or duplicate parameter).',
};

/** Request context of a token call. */
export interface LwaRequestContext {
  http: Got;
  lwaUrl: string;
  clientId: string;
  clientSecret: string;
  signal?: AbortSignal;
  timeoutMs: number;
}

function grantFields(grant: LwaGrant): Record<string, string> {
  switch (grant.type) {
    case 'refresh_token':
      return { grant_type: 'refresh_token', refresh_token: grant.refreshToken };
    case 'client_credentials':
      return { grant_type: 'client_credentials', scope: grant.scopes.join(' ') };
    case 'authorization_code':
      return {
        grant_type: 'authorization_code',
        code: grant.code,
        ...(grant.redirectUri ? { redirect_uri: grant.redirectUri } : {}),
      };
  }
}

/**
 * Requests an access token from LWA.
 * @throws AuthError (non-retryable, with a hint) for invalid_grant, invalid_client and the like
 * @throws ThrottledError, ServerError, NetworkError (retryable) for transient failures
 */
export async function requestLwaToken(
  context: LwaRequestContext,
  grant: LwaGrant,
): Promise<LwaToken> {
  const form = {
    ...grantFields(grant),
    client_id: context.clientId,
    client_secret: context.clientSecret,
  };
  const operation = `lwa:${grant.type}`;
  const base = { vendor: 'amazon' as const, operation, method: 'POST', url: context.lwaUrl };

  const response = await context.http
    .post(context.lwaUrl, {
      body: new URLSearchParams(form).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' },
      signal: context.signal,
      timeout: { request: context.timeoutMs },
    })
    .catch((error: unknown) => {
      throw fromNetworkError(scrubbed(error), base);
    });

  if (response.statusCode >= 200 && response.statusCode < 300) {
    const token = tokenSchema.safeParse(safeJson(response.body));

    if (!token.success)
      throw new ServerError({
        ...base,
        status: response.statusCode,
        message: 'LWA answered without an access token',
        retryable: false,
      });
    return {
      accessToken: token.data.access_token,
      expiresInS: token.data.expires_in,
      refreshToken: token.data.refresh_token,
    };
  }

  throw classifyLwaError(response.statusCode, safeJson(response.body), base);
}

function classifyLwaError(
  status: number,
  body: unknown,
  base: { vendor: 'amazon'; operation: string; method: string; url: string },
): VendorError {
  const parsed = errorSchema.safeParse(body);
  const vendorCode = parsed.success ? parsed.data.error : undefined;
  const vendorMessage = parsed.success ? parsed.data.error_description : undefined;
  const init = { ...base, status, vendorCode, vendorMessage };

  if (status === 429) return new ThrottledError(init);
  if (status >= 500 || vendorCode === 'server_error' || vendorCode === 'temporarily_unavailable')
    return new ServerError(init);

  return new AuthError({
    ...init,
    hint: (vendorCode && HINTS[vendorCode]) ?? 'LWA rejected the token request.',
  });
}

function safeJson(body: unknown): unknown {
  if (typeof body !== 'string') return body;

  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}

/** A copy of a transport error without the request options (they hold the client secret). */
export function scrubbed(error: unknown): unknown {
  if (!(error instanceof Error)) return error;

  const copy = new Error(error.message.split('\n')[0]);
  copy.name = error.name;
  (copy as Error & { code?: unknown }).code = (error as Error & { code?: unknown }).code;
  return copy;
}
