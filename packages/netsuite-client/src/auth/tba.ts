/**
 * Token-based authentication (OAuth 1.0a, HMAC-SHA256) with `oauth-1.0a`.
 * https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_1534941088.html
 * HMAC-SHA1 ended in 2023.1; no new TBA integrations from 2027.1 (prefer OAuth 2.0).
 */
import { createHmac, randomUUID } from 'node:crypto';
import OAuth from 'oauth-1.0a';
import { toRealm } from '../account';
import type { AuthStrategy, SignableRequest } from './types';

/** TBA credentials of one integration record + access token. */
export interface TbaAuthOptions {
  /** Integration record consumer key. */
  consumerKey: string;
  /** Integration record consumer secret. */
  consumerSecret: string;
  /** Access token id. */
  tokenId: string;
  /** Access token secret. */
  tokenSecret: string;
  /** Account id in any casing; normalised to the upper-case `_` realm. */
  realm: string;
  /** Nonce source; default 32 random hex characters. */
  nonce?: () => string;
  /** Unix-seconds clock; default `Date.now()`. */
  timestampSec?: () => number;
}

/**
 * 32 random hex characters (NetSuite wants a unique alphanumeric nonce: section_1509544929).
 * `randomUUID` draws from Node's pre-filled entropy cache, far cheaper per call than
 * `randomBytes`; 122 random bits per nonce.
 */
export function createNonce(): string {
  return randomUUID().replace(/-/g, '');
}

function hmacSha256Base64(baseString: string, key: string): string {
  return createHmac('sha256', key).update(baseString).digest('base64');
}

/**
 * Creates a TBA strategy. Each call to `authorize` builds a fresh request object and fresh
 * `oauth_data` (nonce, timestamp): `oauth-1.0a` merges the URL's query into the object it is given,
 * so a reused one would sign the previous URL's parameters too. The query goes into the base string
 * only; the header carries `realm` and `oauth_*` (timbal-ai/timbal#80). JSON bodies are not signed.
 */
export function createTbaAuth(options: TbaAuthOptions): AuthStrategy {
  const realm = toRealm(options.realm);
  const oauth = new OAuth({
    consumer: { key: options.consumerKey, secret: options.consumerSecret },
    signature_method: 'HMAC-SHA256',
    hash_function: hmacSha256Base64,
    realm,
  });
  const token = { key: options.tokenId, secret: options.tokenSecret };
  const nextNonce = options.nonce ?? (() => createNonce());
  const nextTimestamp = options.timestampSec ?? (() => Math.floor(Date.now() / 1000));

  return {
    kind: 'tba',
    authorize: (request: SignableRequest) => {
      const authorization = signTba(oauth, token, request, nextNonce(), nextTimestamp());
      return Promise.resolve(authorization);
    },
    invalidate: () => false,
    secrets: () => [
      options.consumerSecret,
      options.tokenSecret,
      options.tokenId,
      options.consumerKey,
    ],
  };
}

function signTba(
  oauth: OAuth,
  token: { key: string; secret: string },
  request: SignableRequest,
  nonce: string,
  timestampSec: number,
): string {
  // Fresh objects on every attempt: oauth-1.0a writes the URL's query into both.
  const requestData = { url: request.url, method: request.method.toUpperCase(), data: {} };
  const oauthData: OAuth.Data = {
    oauth_consumer_key: oauth.consumer.key,
    oauth_nonce: nonce,
    oauth_signature_method: 'HMAC-SHA256',
    oauth_timestamp: timestampSec,
    oauth_version: '1.0',
    oauth_token: token.key,
  };

  const signature = oauth.getSignature(requestData, token.secret, { ...oauthData });

  return oauth.toHeader({ ...oauthData, oauth_signature: signature }).Authorization;
}
