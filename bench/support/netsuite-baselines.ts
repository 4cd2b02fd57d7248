/**
 * Baseline GETs for the NetSuite client benchmarks (issue 4): the same TBA signing as the client
 * (oauth-1.0a, HMAC-SHA256) over plain got, and over bare `node:http` with a keep-alive agent (the
 * least a Node client can do per request, to show what the machine allows).
 */
import { createHmac } from 'node:crypto';
import { Agent, request } from 'node:http';

import got from 'got';
import OAuth from 'oauth-1.0a';

/** Test credentials of the benchmark's loopback server (it does not check signatures). */
export const BENCH_CREDENTIALS = {
  consumerKey: 'bench-consumer-key',
  consumerSecret: 'bench-consumer-secret',
  tokenId: 'bench-token-id',
  tokenSecret: 'bench-token-secret',
};

/** GET a salesOrder by id and parse its JSON body. */
export type Get = (id: string) => Promise<unknown>;

function createSigner(): (url: string) => string {
  const oauth = new OAuth({
    consumer: { key: BENCH_CREDENTIALS.consumerKey, secret: BENCH_CREDENTIALS.consumerSecret },
    signature_method: 'HMAC-SHA256',
    hash_function: (base, key) => createHmac('sha256', key).update(base).digest('base64'),
    realm: '1234567',
  });
  const token = { key: BENCH_CREDENTIALS.tokenId, secret: BENCH_CREDENTIALS.tokenSecret };

  return (url) => oauth.toHeader(oauth.authorize({ url, method: 'GET' }, token)).Authorization;
}

/** Plain got, signed, no retry, no validation. */
export function createPlainGet(baseUrl: string): Get {
  const sign = createSigner();

  return async (id) => {
    const url = `${baseUrl}/services/rest/record/v1/salesOrder/${id}`;
    const response = await got(url, {
      headers: { authorization: sign(url) },
      retry: { limit: 0 },
      throwHttpErrors: false,
    });
    return JSON.parse(response.body) as unknown;
  };
}

/** Bare node:http with a keep-alive agent, signed, no retry, no validation. */
export function createRawGet(baseUrl: string): { get: Get; close: () => void } {
  const sign = createSigner();
  const agent = new Agent({ keepAlive: true });

  const get: Get = (id) =>
    new Promise((resolve, reject) => {
      const url = `${baseUrl}/services/rest/record/v1/salesOrder/${id}`;
      const outgoing = request(
        url,
        { agent, headers: { authorization: sign(url) } },
        (incoming) => {
          const chunks: Buffer[] = [];
          incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
          incoming.on('end', () =>
            resolve(JSON.parse(Buffer.concat(chunks).toString()) as unknown),
          );
          incoming.on('error', reject);
        },
      );
      outgoing.on('error', reject);
      outgoing.end();
    });

  return { get, close: () => agent.destroy() };
}
