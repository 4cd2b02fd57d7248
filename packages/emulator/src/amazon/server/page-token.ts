/**
 * Opaque, HMAC-signed pagination tokens bound to the request's filters. Amazon's tokens are
 * opaque too; binding them to the filters reproduces the rule that every parameter except the
 * ones an API exempts must repeat unchanged, and `issuedAtMs` enables expiry rules
 * (searchOrders: 24 hours).
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** What a token carries. */
export interface PageTokenState {
  /** Canonical form of the filters the token is bound to. */
  filters: string;
  offset: number;
  issuedAtMs: number;
}

/** Canonical string of the query without the excluded parameters (order-insensitive). */
export function canonicalFilters(query: URLSearchParams, exclude: string[]): string {
  const kept = [...query.entries()].filter(([key]) => !exclude.includes(key));
  return kept
    .map(([key, value]) => `${key}=${value.split(',').sort().join(',')}`)
    .sort()
    .join('&');
}

/** Signs and opens page tokens with a per-instance key. */
export class PageTokens {
  readonly #key = randomBytes(32);

  #mac(data: string): Buffer {
    return createHmac('sha256', this.#key).update(data).digest();
  }

  issue(state: PageTokenState): string {
    const data = Buffer.from(JSON.stringify(state)).toString('base64url');
    return `${data}.${this.#mac(data).toString('base64url')}`;
  }

  /** The state, or undefined for a forged or malformed token. */
  open(token: string): PageTokenState | undefined {
    const [data, mac] = token.split('.');
    if (!data || !mac) return undefined;

    const expected = this.#mac(data);
    const given = Buffer.from(mac, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    return JSON.parse(Buffer.from(data, 'base64url').toString('utf8')) as PageTokenState;
  }
}
