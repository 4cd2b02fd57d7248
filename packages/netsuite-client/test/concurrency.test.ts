import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { createLimiterRegistry } from '@sellerbridge/http-core';
import { createNetSuiteClient } from '../src/index';
import { isCi, serviceUrl } from '../../../test-support/shared';
import { TBA } from './helpers';
import { startInFlightServer } from './loopback-server';

describe('per-account concurrency limit', () => {
  it('never has more than 5 of 1,000 queued calls in flight', async () => {
    const server = await startInFlightServer(2);
    const client = createNetSuiteClient({
      accountId: '1234567',
      baseUrl: server.baseUrl,
      auth: TBA,
      maxConcurrency: 5,
    });

    try {
      const calls = Array.from({ length: 1000 }, (_, index) =>
        client.records.get('customer', String(index + 1)),
      );
      const records = await Promise.all(calls);

      expect(records).toHaveLength(1000);
      expect(server.served()).toBe(1000);
      expect(server.maxInFlight()).toBeGreaterThan(0);
      expect(server.maxInFlight()).toBeLessThanOrEqual(5);
    } finally {
      await client.close();
      await server.close();
    }
  }, 60_000);

  it('measures overlap: without a tight limit the same server sees more than 5 in flight', async () => {
    const server = await startInFlightServer(200);
    const client = createNetSuiteClient({
      accountId: '1234567',
      baseUrl: server.baseUrl,
      auth: TBA,
      maxConcurrency: 100,
    });

    try {
      await Promise.all(
        Array.from({ length: 30 }, (_, index) => client.records.get('customer', String(index + 1))),
      );
      expect(server.maxInFlight()).toBeGreaterThan(5);
    } finally {
      await client.close();
      await server.close();
    }
  });

  it('defaults to 4 in flight', async () => {
    const server = await startInFlightServer(200);
    const client = createNetSuiteClient({
      accountId: '1234567',
      baseUrl: server.baseUrl,
      auth: TBA,
    });

    try {
      await Promise.all(
        Array.from({ length: 12 }, (_, index) => client.records.get('customer', String(index + 1))),
      );
      expect(server.maxInFlight()).toBeLessThanOrEqual(4);
      expect(server.maxInFlight()).toBeGreaterThan(1);
    } finally {
      await client.close();
      await server.close();
    }
  });
});

describe('concurrency limit shared through Redis', () => {
  let redisAvailable = false;
  const connections: Redis[] = [];

  beforeAll(async () => {
    const probe = new Redis(serviceUrl('redis'), {
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      connectTimeout: 1000,
    });
    redisAvailable = await probe.connect().then(
      () => true,
      () => false,
    );
    probe.disconnect();
    if (!redisAvailable && isCi)
      throw new Error(`Redis is required in CI at ${serviceUrl('redis')}`);
  });

  afterAll(async () => {
    for (const connection of connections) connection.disconnect();
    if (!redisAvailable) return;

    // Remove the Bottleneck keys this file created (namespaced by pid) on a fresh connection:
    // closing a registry also closes the connection it was given.
    const cleaner = new Redis(serviceUrl('redis'));
    const keys = await cleaner.keys(`*netsuite-client-test-${process.pid}-*`);
    if (keys.length > 0) await cleaner.del(...keys);
    cleaner.disconnect();
  });

  it('keeps two clients with separate registries within one account limit', async (context) => {
    if (!redisAvailable) return context.skip();

    const server = await startInFlightServer(100);
    const namespace = `netsuite-client-test-${process.pid}-${Date.now()}`;
    const clients = [0, 1].map(() => {
      const connection = new Redis(serviceUrl('redis'));
      connections.push(connection);
      const registry = createLimiterRegistry({ redis: { client: connection }, namespace });
      return {
        registry,
        client: createNetSuiteClient({
          accountId: '1234567',
          baseUrl: server.baseUrl,
          auth: TBA,
          maxConcurrency: 3,
          limiterRegistry: registry,
        }),
      };
    });

    try {
      const calls = clients.flatMap(({ client }) =>
        Array.from({ length: 15 }, (_, index) => client.records.get('customer', String(index + 1))),
      );
      await Promise.all(calls);

      expect(server.served()).toBe(30);
      expect(server.maxInFlight()).toBeLessThanOrEqual(3);
      expect(server.maxInFlight()).toBeGreaterThan(1);
    } finally {
      await Promise.all(clients.map(({ registry }) => registry.close()));
      await server.close();
    }
  }, 60_000);
});
