/** Shared test setup: a nock-backed client with deterministic TBA signing and a capturing logger. */
import nock from 'nock';
import { afterEach, beforeEach, vi } from 'vitest';
import type { Logger } from '@sellerbridge/http-core';
import { createNetSuiteClient } from '../src/index';
import type { NetSuiteClient, NetSuiteClientOptions, NetSuiteRequestEvent } from '../src/index';

/** Loopback origin the nock scopes intercept (never a real NetSuite host). */
export const BASE_URL = 'http://127.0.0.1:9';
export const RECORD = '/services/rest/record/v1';

/** Seeded TBA secrets; tests assert none of them leaks. */
export const TBA = {
  type: 'tba' as const,
  consumerKey: 'ck-0123456789abcdef',
  consumerSecret: 'cs-secret-0123456789',
  tokenId: 'tk-0123456789abcdef',
  tokenSecret: 'ts-secret-0123456789',
};

/** A logger that records every call. */
export function createCapturingLogger(): Logger & {
  calls: Array<{ level: string; context: object; message?: string }>;
} {
  const calls: Array<{ level: string; context: object; message?: string }> = [];
  const record = (level: string) => (context: object, message?: string) => {
    calls.push({ level, context, message });
  };

  return {
    calls,
    debug: record('debug'),
    info: record('info'),
    warn: record('warn'),
    error: record('error'),
  };
}

/** A client against BASE_URL with TBA auth and no jitter surprises. */
export function createTestClient(overrides: Partial<NetSuiteClientOptions> = {}): {
  client: NetSuiteClient;
  events: NetSuiteRequestEvent[];
  logger: ReturnType<typeof createCapturingLogger>;
} {
  const events: NetSuiteRequestEvent[] = [];
  const logger = createCapturingLogger();
  const client = createNetSuiteClient({
    accountId: '1234567_sb1',
    baseUrl: BASE_URL,
    auth: TBA,
    logger,
    onRequest: (event) => events.push(event),
    retry: {
      maxAttempts: 5,
      baseDelayMs: 1000,
      maxDelayMs: 60_000,
      maxTotalWaitMs: 300_000,
      random: () => 0.5,
    },
    ...overrides,
  });

  return { client, events, logger };
}

/** The nock scope for the test origin. */
export function netsuite(): nock.Scope {
  return nock(BASE_URL);
}

/** Installs nock with the network off. */
export function setUpNock(): void {
  nock.disableNetConnect();
}

/** Removes interceptors and restores the network. */
export function tearDownNock(): void {
  nock.cleanAll();
  nock.enableNetConnect();
}

// Captured before any test fakes timers: settle() yields real time between fake-clock steps.
const realSetTimeout = globalThis.setTimeout;

/**
 * Awaits a promise while fake timers run: advances the clock in 100 ms steps and yields 1 ms of
 * real time between steps, so I/O and thread-pool crypto (WebCrypto) finish before a request
 * timeout could fire on the fake clock.
 */
export async function settle<T>(promise: Promise<T>, stepMs = 100, maxSteps = 20_000): Promise<T> {
  let done = false;
  const tracked = promise.finally(() => {
    done = true;
  });
  tracked.catch(() => undefined);

  for (let step = 0; step < maxSteps && !done; step++) {
    await new Promise((resolve) => realSetTimeout(resolve, 1));
    await vi.advanceTimersByTimeAsync(stepMs);
  }

  return tracked;
}

/** Fake only the clock-like timers; setImmediate / nextTick stay real so sockets work. */
export function useFakeClock(): void {
  vi.useFakeTimers({
    toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
  });
}

/** Extracts the OAuth parameters of an Authorization header. */
export function parseOAuthHeader(header: string): Record<string, string> {
  const params: Record<string, string> = {};
  for (const match of header.matchAll(/(\w+)="([^"]*)"/g)) {
    params[match[1] as string] = decodeURIComponent(match[2] as string);
  }

  return params;
}

/** Registers hooks: nock with the network off and a fake clock for every test of the file. */
export function useNockAndFakeClock(): void {
  beforeEach(() => {
    setUpNock();
    useFakeClock();
  });
  afterEach(() => {
    vi.useRealTimers();
    tearDownNock();
  });
}
