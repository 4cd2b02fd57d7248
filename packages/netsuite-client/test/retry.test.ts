import { describe, expect, it, vi } from 'vitest';
import { AuthError, NetworkError, ServerError, ThrottledError } from '@sellerbridge/http-core';
import type { LimiterRegistry } from '@sellerbridge/http-core';
import type { AuthStrategy } from '../src/index';
import { createTransport } from '../src/transport/send';
import {
  RECORD,
  createTestClient,
  netsuite,
  parseOAuthHeader,
  settle,
  useNockAndFakeClock,
} from './helpers';

const nsError = (status: number, code: string, detail = 'x') => ({
  type: 'https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.1',
  title: 'Error',
  status,
  'o:errorDetails': [{ detail, 'o:errorCode': code }],
});

describe(createTransport.name, () => {
  useNockAndFakeClock();

  it.each([
    [429, 'CONCURRENCY_LIMIT_EXCEEDED'],
    [400, 'SSS_REQUEST_LIMIT_EXCEEDED'],
    [500, 'UNEXPECTED_ERROR'],
    [503, 'UNEXPECTED_ERROR'],
  ])('retries a %i %s with backoff and signs every attempt afresh', async (status, code) => {
    const { client, events } = createTestClient();
    const nonces: string[] = [];
    const capture = function capture(this: { req: { headers: Record<string, string> } }) {
      nonces.push(parseOAuthHeader(this.req.headers.authorization ?? '').oauth_nonce ?? '');
    };
    const scope = netsuite()
      .get(`${RECORD}/customer/1`)
      .times(2)
      .reply(function reply() {
        capture.call(this);
        return [status, nsError(status, code)];
      })
      .get(`${RECORD}/customer/1`)
      .reply(function reply() {
        capture.call(this);
        return [200, { id: '1' }];
      });

    const startedAt = Date.now();
    const record = await settle(client.records.get('customer', '1'));

    scope.done();
    expect(record.id).toBe('1');
    expect(new Set(nonces).size).toBe(3);
    expect(events.map((event) => event.status)).toEqual([status, status, 200]);
    // random 0.5: 500 ms then 1000 ms of backoff.
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(1500);
  });

  it('runs each attempt in the order limiter slot → fresh credentials → send', async () => {
    const steps: string[] = [];
    const limiterRegistry: LimiterRegistry = {
      tokenBucket: () => {
        throw new Error('unused');
      },
      semaphore: (key) => ({
        key,
        ratePerSecond: undefined,
        updateRate: () => undefined,
        schedule: async (task) => {
          steps.push('slot');
          try {
            return await task();
          } finally {
            steps.push('release');
          }
        },
      }),
      close: async () => undefined,
    };
    const auth: AuthStrategy = {
      kind: 'custom',
      authorize: async () => {
        steps.push('sign');
        return `Bearer t${steps.length}`;
      },
      secrets: () => [],
    };
    const { client } = createTestClient({ auth, limiterRegistry });
    netsuite()
      .get(`${RECORD}/customer/1`)
      .reply(() => {
        steps.push('send');
        return [503, nsError(503, 'UNEXPECTED_ERROR')];
      })
      .get(`${RECORD}/customer/1`)
      .reply(() => {
        steps.push('send');
        return [200, { id: '1' }];
      });

    await settle(client.records.get('customer', '1'));

    expect(steps).toEqual(['slot', 'sign', 'send', 'release', 'slot', 'sign', 'send', 'release']);
  });

  it('retries a connection reset', async () => {
    const { client } = createTestClient();
    const scope = netsuite()
      .get(`${RECORD}/customer/1`)
      .replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))
      .get(`${RECORD}/customer/1`)
      .reply(200, { id: '1' });

    expect((await settle(client.records.get('customer', '1'))).id).toBe('1');
    scope.done();
  });

  it('gives up after maxAttempts with a ThrottledError carrying attempts and wait', async () => {
    const { client } = createTestClient({ retry: { maxAttempts: 3, random: () => 0.5 } });
    netsuite()
      .get(`${RECORD}/customer/1`)
      .times(3)
      .reply(429, nsError(429, 'CONCURRENCY_LIMIT_EXCEEDED'), { 'x-n-operationid': 'op-9' });

    const error = await settle(client.records.get('customer', '1')).catch(
      (caught: unknown) => caught,
    );

    expect(error).toBeInstanceOf(ThrottledError);
    expect(error).toMatchObject({
      status: 429,
      vendorCode: 'CONCURRENCY_LIMIT_EXCEEDED',
      attempts: 3,
      requestId: 'op-9',
    });
    expect((error as ThrottledError).totalWaitMs).toBeGreaterThan(0);
  });

  it('honours Retry-After as a floor', async () => {
    const { client } = createTestClient();
    netsuite()
      .get(`${RECORD}/customer/1`)
      .reply(429, nsError(429, 'CONCURRENCY_LIMIT_EXCEEDED'), { 'retry-after': '7' })
      .get(`${RECORD}/customer/1`)
      .reply(200, { id: '1' });

    const startedAt = Date.now();
    await settle(client.records.get('customer', '1'));

    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(7000);
  });

  it('does not retry a plain INVALID_LOGIN', async () => {
    const { client } = createTestClient();
    const scope = netsuite()
      .get(`${RECORD}/customer/1`)
      .reply(401, nsError(401, 'INVALID_LOGIN', 'Invalid login attempt.'));

    const error = await settle(client.records.get('customer', '1')).catch(
      (caught: unknown) => caught,
    );

    scope.done();
    expect(error).toBeInstanceOf(AuthError);
    expect(error).toMatchObject({ attempts: 1, vendorCode: 'INVALID_LOGIN' });
  });

  it('retries INVALID_LOGIN only within 60 s after a 429 on the account, at most twice', async () => {
    const { client } = createTestClient();
    netsuite()
      .get(`${RECORD}/customer/1`)
      .reply(429, nsError(429, 'CONCURRENCY_LIMIT_EXCEEDED'))
      .get(`${RECORD}/customer/1`)
      .reply(200, { id: '1' });
    await settle(client.records.get('customer', '1'));

    const scope = netsuite()
      .get(`${RECORD}/customer/2`)
      .times(3)
      .reply(401, nsError(401, 'INVALID_LOGIN'));
    const error = await settle(client.records.get('customer', '2')).catch(
      (caught: unknown) => caught,
    );

    scope.done();
    expect(error).toBeInstanceOf(AuthError);
    expect(error).toMatchObject({ attempts: 3 });

    vi.advanceTimersByTime(61_000);
    netsuite().get(`${RECORD}/customer/3`).reply(401, nsError(401, 'INVALID_LOGIN'));
    const late = await settle(client.records.get('customer', '3')).catch(
      (caught: unknown) => caught,
    );
    expect(late).toMatchObject({ code: 'AUTH', attempts: 1 });
  });

  it('never repeats a create without external id after a 5xx or a reset', async () => {
    const { client } = createTestClient();
    const scope = netsuite()
      .post(`${RECORD}/salesOrder`)
      .reply(500, nsError(500, 'UNEXPECTED_ERROR'));

    const error = await settle(client.records.create('salesOrder', { entity: { id: '5' } })).catch(
      (caught: unknown) => caught,
    );
    scope.done();
    expect(error).toBeInstanceOf(ServerError);
    expect(error).toMatchObject({ attempts: 1 });

    netsuite()
      .post(`${RECORD}/salesOrder`)
      .replyWithError(Object.assign(new Error('reset'), { code: 'ECONNRESET' }));
    const reset = await settle(client.records.create('salesOrder', { entity: { id: '5' } })).catch(
      (caught: unknown) => caught,
    );
    expect(reset).toBeInstanceOf(NetworkError);
    expect(reset).toMatchObject({ attempts: 1 });
  });

  it('sends a sublist-merging PATCH at most once, but retries one that replaces the sublist', async () => {
    const { client } = createTestClient();
    const body = { item: { items: [{ item: { id: '7' }, quantity: 1 }] } };
    netsuite().patch(`${RECORD}/salesOrder/1`).reply(502, nsError(502, 'UNEXPECTED_ERROR'));

    const merged = await settle(client.records.update('salesOrder', '1', body)).catch(
      (caught: unknown) => caught,
    );
    expect(merged).toMatchObject({ code: 'SERVER', attempts: 1 });

    const scope = netsuite()
      .patch(`${RECORD}/salesOrder/1`)
      .query({ replace: 'item' })
      .reply(502, nsError(502, 'UNEXPECTED_ERROR'))
      .patch(`${RECORD}/salesOrder/1`)
      .query({ replace: 'item' })
      .reply(204);
    await settle(client.records.update('salesOrder', '1', body, { replace: ['item'] }));
    scope.done();
  });

  it('retries an upsert (PUT eid:) and tolerates a 204 without Location', async () => {
    const { client } = createTestClient();
    const scope = netsuite()
      .put(`${RECORD}/customer/eid:c-1`)
      .reply(503, nsError(503, 'UNEXPECTED_ERROR'))
      .put(`${RECORD}/customer/eid:c-1`)
      .reply(204);

    expect(await settle(client.records.upsert('customer', 'c-1', { companyName: 'Acme' }))).toEqual(
      {
        id: undefined,
        location: undefined,
        attempts: 2,
      },
    );
    scope.done();
  });

  it('retries a create without external id after a 429 (NetSuite refused it unprocessed)', async () => {
    const { client } = createTestClient();
    const scope = netsuite()
      .post(`${RECORD}/salesOrder`)
      .reply(429, nsError(429, 'CONCURRENCY_LIMIT_EXCEEDED'))
      .post(`${RECORD}/salesOrder`)
      .reply(204, '', { location: `http://127.0.0.1:9${RECORD}/salesOrder/9` });

    expect((await settle(client.records.create('salesOrder', { entity: { id: '5' } }))).id).toBe(
      '9',
    );
    scope.done();
  });
});
