/**
 * Tokens API 2021-03-01: Restricted Data Tokens for the v0 operations that return PII
 * (https://developer-docs.amazon.com/sp-api/docs/tokens-api-use-case-guide). An RDT for a
 * generic path (e.g. `/orders/v0/orders`) is cached until 60 s before it expires.
 */
import type { SpApiRequester } from '../../client/types';
import { callTyped, type BodyOf, type CallOptions } from './typed';

/** Data elements an Orders v0 RDT can unlock. */
export type RestrictedDataElement = 'buyerInfo' | 'shippingAddress' | 'buyerTaxInformation';

/** One restricted resource: method, path, data elements. */
export interface RestrictedResource {
  method: 'GET' | 'PUT' | 'POST' | 'DELETE';
  path: string;
  dataElements?: RestrictedDataElement[];
}

const RDT_MARGIN_MS = 60_000;

/** Creates the `tokens` namespace. */
export function createTokensApi(requester: SpApiRequester) {
  const cache = new Map<string, { token: string; expiresAtMs: number }>();

  async function createRestrictedDataToken(
    body: BodyOf<'createRestrictedDataToken'>,
    options?: CallOptions,
  ) {
    return callTyped(requester, 'createRestrictedDataToken', { body }, options);
  }

  return {
    createRestrictedDataToken,
    /** An RDT for one resource, reused while it is valid. */
    async restrictedDataTokenFor(
      resource: RestrictedResource,
      options?: CallOptions,
    ): Promise<string> {
      const key = JSON.stringify([
        resource.method,
        resource.path,
        [...(resource.dataElements ?? [])].sort(),
      ]);
      const cached = cache.get(key);

      if (cached && Date.now() < cached.expiresAtMs - RDT_MARGIN_MS) return cached.token;

      const answer = await createRestrictedDataToken({ restrictedResources: [resource] }, options);
      const token = answer.restrictedDataToken ?? '';

      cache.set(key, { token, expiresAtMs: Date.now() + (answer.expiresIn ?? 0) * 1000 });
      return token;
    },
  };
}

/** The `tokens` namespace. */
export type TokensApi = ReturnType<typeof createTokensApi>;
