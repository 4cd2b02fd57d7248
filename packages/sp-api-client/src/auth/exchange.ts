/**
 * Onboarding: exchanges the `spapi_oauth_code` of the website authorization workflow for the
 * seller's refresh token. Source: https://developer-docs.amazon.com/sp-api/docs/website-authorization-workflow
 */
import { AuthError } from '@sellerbridge/http-core';
import { createHttp } from '../client/http';
import { LWA_TOKEN_URL } from '../regions';
import { requestLwaToken } from './lwa';

/** Options of {@link exchangeAuthorizationCode}. */
export interface AuthorizationCodeExchange {
  clientId: string;
  clientSecret: string;
  /** The `spapi_oauth_code` query value Amazon redirected with (valid for 5 minutes). */
  code: string;
  /** The redirect URI registered for the app, when the workflow used one. */
  redirectUri?: string;
  /** LWA token URL override (the emulator). @default https://api.amazon.com/auth/o2/token */
  lwaUrl?: string;
  signal?: AbortSignal;
  /** @default 30_000 */
  timeoutMs?: number;
}

/**
 * Exchanges an authorization code for a refresh token (and a first access token).
 * @throws AuthError with a hint when the code expired, was used, or the client is wrong
 */
export async function exchangeAuthorizationCode(
  options: AuthorizationCodeExchange,
): Promise<{ refreshToken: string; accessToken: string; expiresInS: number }> {
  const token = await requestLwaToken(
    {
      http: createHttp(),
      lwaUrl: options.lwaUrl ?? LWA_TOKEN_URL,
      clientId: options.clientId,
      clientSecret: options.clientSecret,
      signal: options.signal,
      timeoutMs: options.timeoutMs ?? 30_000,
    },
    { type: 'authorization_code', code: options.code, redirectUri: options.redirectUri },
  );

  if (!token.refreshToken) {
    throw new AuthError({
      vendor: 'amazon',
      operation: 'lwa:authorization_code',
      message: 'LWA answered the code exchange without a refresh token',
    });
  }

  return {
    refreshToken: token.refreshToken,
    accessToken: token.accessToken,
    expiresInS: token.expiresInS,
  };
}
