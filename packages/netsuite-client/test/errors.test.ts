import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  AccessDeniedError,
  ConflictError,
  InvalidInputError,
  NotFoundError,
  ServerError,
} from '@sellerbridge/http-core';
import { classifyResponse } from '../src/transport/classify';
import {
  BASE_URL,
  RECORD,
  TBA,
  createTestClient,
  netsuite,
  settle,
  useNockAndFakeClock,
} from './helpers';

const invalidField = {
  type: 'https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.1',
  title: 'Bad Request',
  status: 400,
  'o:errorDetails': [
    {
      detail:
        'Error while accessing resource: You have entered an Invalid Field Value 9999 for the following field: item',
      'o:errorPath': 'item.items[0].item',
      'o:errorCode': 'INVALID_CONTENT',
    },
  ],
};

describe(classifyResponse.name, () => {
  useNockAndFakeClock();

  it('parses o:errorDetails into an InvalidInputError with the error path and request id', async () => {
    const { client } = createTestClient();
    netsuite()
      .post(`${RECORD}/salesOrder`)
      .reply(400, invalidField, { 'x-n-operationid': 'req-123' });

    const error = await settle(
      client.records.create('salesOrder', { item: { items: [{ item: { id: '9999' } }] } }),
    ).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error).toMatchObject({
      status: 400,
      vendor: 'netsuite',
      vendorCode: 'INVALID_CONTENT',
      errorPath: 'item.items[0].item',
      requestId: 'req-123',
      attempts: 1,
      operation: 'records.create',
    });
    expect((error as InvalidInputError).vendorMessage).toContain('Invalid Field Value 9999');
  });

  it.each([
    [404, 'NONEXISTENT_ID', NotFoundError],
    [403, 'INSUFFICIENT_PERMISSION', AccessDeniedError],
    [400, 'DUP_RCRD', ConflictError],
  ])('maps %i %s to its class', async (status, code, errorClass) => {
    const { client } = createTestClient();
    netsuite()
      .get(`${RECORD}/customer/1`)
      .reply(status, { status, 'o:errorDetails': [{ detail: 'd', 'o:errorCode': code }] });

    await expect(settle(client.records.get('customer', '1'))).rejects.toBeInstanceOf(errorClass);
  });

  it('turns a failed create with an external id into a ConflictError when eid: finds the record', async () => {
    const { client } = createTestClient({ retry: { maxAttempts: 2, random: () => 0.5 } });
    const scope = netsuite()
      .post(`${RECORD}/salesOrder`)
      .reply(500, {
        status: 500,
        'o:errorDetails': [{ detail: 'x', 'o:errorCode': 'UNEXPECTED_ERROR' }],
      })
      .post(`${RECORD}/salesOrder`)
      .reply(400, { status: 400, 'o:errorDetails': [{ detail: 'dup', 'o:errorCode': 'DUP_RCRD' }] })
      .get(`${RECORD}/salesOrder/eid:amzn-so-A1-123-1234567-1234567`)
      .query({ fields: 'id' })
      .reply(200, { id: '555', links: [] });

    const error = await settle(
      client.records.create('salesOrder', {
        externalId: 'amzn-so-A1-123-1234567-1234567',
        entity: { id: '5' },
      }),
    ).catch((caught: unknown) => caught);

    scope.done();
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({ existingId: '555', attempts: 2, vendorCode: 'DUP_RCRD' });
  });

  it('keeps the original error when eid: finds nothing after an unknown outcome', async () => {
    const { client } = createTestClient({ retry: { maxAttempts: 1 } });
    const scope = netsuite()
      .post(`${RECORD}/salesOrder`)
      .replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))
      .get(`${RECORD}/salesOrder/eid:amzn-so-1`)
      .query({ fields: 'id' })
      .reply(404, {
        status: 404,
        'o:errorDetails': [{ detail: 'nf', 'o:errorCode': 'NONEXISTENT_ID' }],
      });

    const error = await settle(
      client.records.create('salesOrder', { externalId: 'amzn-so-1' }),
    ).catch((caught: unknown) => caught);

    scope.done();
    expect(error).toMatchObject({ code: 'NETWORK' });
  });

  it('drops request options (the Authorization header) from a network error cause', async () => {
    const { client } = createTestClient({ retry: { maxAttempts: 1 } });
    netsuite()
      .get(`${RECORD}/customer/1`)
      .replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));

    const error = await settle(client.records.get('customer', '1')).catch(
      (caught: unknown) => caught,
    );
    const printed = inspect(error, { depth: 20 });

    expect(error).toMatchObject({ code: 'NETWORK', vendorCode: 'ECONNRESET' });
    expect(printed).not.toContain('oauth_signature');
    expect(printed).not.toContain(TBA.tokenId);
  });

  it('never puts secrets in errors or logs', async () => {
    const { client, logger } = createTestClient({ retry: { maxAttempts: 2, random: () => 0.5 } });
    netsuite()
      .get(`${RECORD}/customer/1`)
      .query(true)
      .times(2)
      .reply(503, {
        status: 503,
        'o:errorDetails': [
          { detail: `token ${TBA.tokenSecret} echoed`, 'o:errorCode': 'UNEXPECTED_ERROR' },
        ],
      });

    const error = await settle(client.records.get('customer', '1', { fields: ['email'] })).catch(
      (caught: unknown) => caught,
    );

    expect(error).toBeInstanceOf(ServerError);
    const exposed = JSON.stringify([error, (error as Error).message, logger.calls]);
    for (const secret of [
      TBA.consumerSecret,
      TBA.tokenSecret,
      TBA.consumerKey,
      TBA.tokenId,
      'oauth_signature',
    ]) {
      expect(exposed).not.toContain(secret);
    }
    expect(exposed).toContain(`${BASE_URL}${RECORD}/customer/1`);
  });

  it('logs a 404 at info (an expected answer) and a server failure at warn', async () => {
    const { client, logger } = createTestClient({ retry: { maxAttempts: 1 } });
    netsuite().get(`${RECORD}/customer/eid:sb-missing`).reply(404, { status: 404 });
    netsuite().get(`${RECORD}/customer/7`).reply(500, { status: 500 });

    await expect(client.records.getByExternalId('customer', 'sb-missing')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(client.records.get('customer', '7')).rejects.toMatchObject({ code: 'SERVER' });

    const levels = logger.calls.map((call) => [
      call.level,
      (call.context as { errorCode?: string }).errorCode,
    ]);
    expect(levels).toEqual([
      ['info', 'NOT_FOUND'],
      ['warn', 'SERVER'],
    ]);
  });
});
