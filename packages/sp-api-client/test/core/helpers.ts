import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
/**
 * Test helpers: a client pointed at nock-intercepted fake hosts (real network disabled), an LWA
 * token endpoint, and a logger that records every call for secret/PII checks.
 */
import nock from 'nock';
import type { Logger } from '@sellerbridge/http-core';
import { createSpApiClient, type SpApiClientOptions } from '../../src/index';

export const SP_URL = 'http://sp-api.test';
export const LWA_URL = 'http://lwa.test/auth/o2/token';
export const SECRETS = {
  clientId: 'amzn1.application-oa2-client.test',
  clientSecret: 'super-secret-client-secret',
  refreshToken: 'Atzr|refresh-token-secret',
};
export const ACCESS_TOKEN = 'Atza|access-token-secret';

/** Disables real network (loopback stays allowed for local servers). */
export function isolateNetwork(): void {
  nock.cleanAll();
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
}

/** An LWA endpoint answering `times` refresh-token grants with `token`. */
export function mockLwa(token = ACCESS_TOKEN, times = 1, expiresInS = 3600): nock.Scope {
  return nock('http://lwa.test')
    .post('/auth/o2/token', (body: Record<string, string>) => body.grant_type === 'refresh_token')
    .times(times)
    .reply(200, { access_token: token, token_type: 'bearer', expires_in: expiresInS });
}

/** A logger recording every call. */
export function recordingLogger(): Logger & {
  lines: { level: string; context: object; message?: string }[];
} {
  const lines: { level: string; context: object; message?: string }[] = [];
  const record = (level: string) => (context: object, message?: string) =>
    void lines.push({ level, context, message });

  return {
    lines,
    debug: record('debug'),
    info: record('info'),
    warn: record('warn'),
    error: record('error'),
  };
}

/** A client against the fake hosts; limits off unless asked. */
export function testClient(overrides: Partial<SpApiClientOptions> = {}) {
  return createSpApiClient({
    region: 'na',
    credentials: SECRETS,
    baseUrl: SP_URL,
    lwaUrl: LWA_URL,
    sellingPartnerId: 'A2SELLER',
    marketplaceIds: ['ATVPDKIKX0DER'],
    rateLimits: { enabled: false },
    retry: { random: () => 0, baseDelayMs: 1, maxDelayMs: 5 },
    ...overrides,
  });
}

/** A loopback HTTP server on an ephemeral port; `close` stops it. */
export async function startServer(
  handler: (request: IncomingMessage, response: ServerResponse) => void,
): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer(handler);

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
