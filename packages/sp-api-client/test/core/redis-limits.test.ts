import { randomUUID } from 'node:crypto';
import { createLimiterRegistry } from '@sellerbridge/http-core';
import { Redis } from 'ioredis';
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isCi, serviceUrl } from '../../../../test-support/shared';
import { SP_URL, isolateNetwork, mockLwa, testClient } from './helpers';

async function redisAvailable(): Promise<boolean> {
  const probe = new Redis(serviceUrl('redis'), {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });

  try {
    await probe.connect();
    await probe.ping();
    return true;
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}

const available = isCi || (await redisAvailable());

describe.skipIf(!available)('rate limits shared through Redis', () => {
  const connections: Redis[] = [];

  beforeEach(() => {
    isolateNetwork();
    mockLwa(undefined, 2);
  });
  afterEach(() => {
    nock.cleanAll();
    for (const connection of connections.splice(0)) connection.disconnect(false);
  });

  it('two clients (as two processes) share one bucket per seller and operation', async () => {
    const namespace = `test-${randomUUID()}`;
    const sentAtMs: number[] = [];
    const start = Date.now();
    nock(SP_URL)
      .get('/sellers/v1/account')
      .times(8)
      .reply(() => {
        sentAtMs.push(Date.now() - start);
        return [200, { payload: {} }];
      });
    const registries = [0, 1].map(() => {
      const connection = new Redis(serviceUrl('redis'));
      connections.push(connection);
      return createLimiterRegistry({ namespace, redis: { client: connection } });
    });
    const clients = registries.map((registry) => {
      return testClient({
        rateLimits: {
          registry,
          overrides: { getAccount: { ratePerSecond: 0.1, burst: 3 } },
        },
      });
    });

    const calls = clients.flatMap((client) =>
      [1, 2, 3, 4].map(() => client.call('getAccount').catch(() => 'dropped')),
    );
    await new Promise((resolve) => setTimeout(resolve, 700));

    // A burst of 3 for the pair, not 3 each; the next token is 10 s away.
    expect(sentAtMs).toHaveLength(3);
    expect(Math.max(...sentAtMs)).toBeLessThan(700);
    await Promise.all(registries.map((registry) => registry.close()));
    expect(await Promise.all(calls)).toContain('dropped');
  });
});
