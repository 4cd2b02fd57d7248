/**
 * The OAuth 2.0 token request (client credentials with a JWT bearer assertion).
 * https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_162755359851.html
 */
import { got } from 'got';
import { z } from 'zod';
import {
  AuthError,
  InvalidInputError,
  ServerError,
  fromNetworkError,
} from '@sellerbridge/http-core';
import type { VendorError } from '@sellerbridge/http-core';
import { toSafeTransportError } from '../transport/safe-error';
import { encodeRfc3986 } from '../url';

const tokenResponseSchema = z.looseObject({
  access_token: z.string().min(1),
  // NetSuite issues ~1 h tokens; tolerate a string or a missing value.
  expires_in: z.coerce.number().positive().default(3600),
});

const oauthErrorSchema = z.looseObject({
  error: z.string().optional(),
  error_description: z.string().optional(),
});

/** A token the endpoint issued. */
export interface IssuedToken {
  accessToken: string;
  expiresInSec: number;
}

/** Options of one token request. */
export interface TokenRequest {
  tokenUrl: string;
  assertion: string;
  timeoutMs: number;
  signal?: AbortSignal;
}

const OPERATION = 'oauth2.token';

/**
 * POSTs the assertion to the token endpoint.
 * @throws AuthError on 4xx, ServerError on 5xx, NetworkError on transport failures.
 */
export async function requestToken(request: TokenRequest): Promise<IssuedToken> {
  const body = [
    'grant_type=client_credentials',
    `client_assertion_type=${encodeRfc3986('urn:ietf:params:oauth:client-assertion-type:jwt-bearer')}`,
    `client_assertion=${encodeRfc3986(request.assertion)}`,
  ].join('&');

  let response;
  try {
    response = await got.post(request.tokenUrl, {
      body,
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      throwHttpErrors: false,
      retry: { limit: 0 },
      timeout: { request: request.timeoutMs },
      signal: request.signal,
    });
  } catch (error) {
    throw fromNetworkError(toSafeTransportError(error), {
      vendor: 'netsuite',
      operation: OPERATION,
      method: 'POST',
      url: request.tokenUrl,
    });
  }

  if (response.statusCode >= 400)
    throw toTokenError(response.statusCode, response.body, request.tokenUrl);

  return parseTokenBody(response.body, request.tokenUrl);
}

function parseTokenBody(text: string, url: string): IssuedToken {
  const parsed = tokenResponseSchema.safeParse(safeJson(text));
  if (!parsed.success) {
    throw new ServerError({
      vendor: 'netsuite',
      operation: OPERATION,
      url,
      message: 'token endpoint returned no access_token',
      retryable: false,
    });
  }

  return { accessToken: parsed.data.access_token, expiresInSec: parsed.data.expires_in };
}

function toTokenError(status: number, text: string, url: string): VendorError {
  const parsed = oauthErrorSchema.safeParse(safeJson(text));
  const vendorCode = parsed.success ? parsed.data.error : undefined;
  const vendorMessage = parsed.success ? parsed.data.error_description : undefined;
  const init = {
    vendor: 'netsuite' as const,
    operation: OPERATION,
    status,
    vendorCode,
    vendorMessage,
    method: 'POST',
    url,
  };

  if (status >= 500) return new ServerError(init);
  if (status === 400 && vendorCode === 'invalid_request') return new InvalidInputError(init);

  return new AuthError({
    ...init,
    hint: 'Check the M2M mapping (client id, certificate id, role) and that the key matches the certificate',
  });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
