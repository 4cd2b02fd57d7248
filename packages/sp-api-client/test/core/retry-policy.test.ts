import { setImmediate as flushIo } from 'node:timers/promises';
import { NetworkError, ServerError } from '@sellerbridge/http-core';
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { REPEAT_AFTER_POSSIBLE_DELIVERY } from '../../src/client/repeat-policy';
import { OPERATIONS } from '../../src/index';
import { SP_URL, isolateNetwork, mockLwa, testClient } from './helpers';

const RETRY_DELAY_MS = 1_000;
const STEP_MS = 10;
const SERVER_BUSY = { errors: [{ code: 'ServiceUnavailable', message: 'Try again.' }] };
const ORDER_ID = '902-1106328-1059050';
const CONFIRMATION = {
  marketplaceId: 'ATVPDKIKX0DER',
  packageDetail: {
    packageReferenceId: '1',
    carrierCode: 'UPS',
    trackingNumber: '1Z999AA10123456784',
    shipDate: '2026-06-19T10:00:00Z',
    orderItems: [{ orderItemId: '79039765272157', quantity: 1 }],
  },
};

/** A socket failure as Node raises it (got never settles on a plain object from nock). */
function socketError(code: string): Error {
  return Object.assign(new Error(`socket failure ${code}`), { code });
}

/** A client whose every retry waits exactly RETRY_DELAY_MS (jitter pinned to the ceiling). */
function clientWithFixedDelay() {
  return testClient({
    retry: { random: () => 1, baseDelayMs: RETRY_DELAY_MS, maxDelayMs: RETRY_DELAY_MS },
  });
}

/** Fakes timers and Date but not setImmediate, which nock uses to deliver responses. */
function useFakeClock(): void {
  vi.useFakeTimers({
    toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
  });
}

/**
 * Settles a call while the fake clock moves on in small steps, letting nock deliver its answers
 * (real setImmediate) in between; gives up after `maxSteps`.
 */
async function settle<T>(pending: Promise<T>, maxSteps = 2_000): Promise<T | unknown> {
  let settled = false;
  const outcome = pending.then(
    (value) => ((settled = true), value),
    (caught: unknown) => ((settled = true), caught),
  );

  for (let step = 0; step < maxSteps && !settled; step += 1) {
    await flushIo();
    await vi.advanceTimersByTimeAsync(STEP_MS);
  }
  return outcome;
}

describe('retry policy per operation (a write that may have reached Amazon)', () => {
  beforeEach(() => {
    isolateNetwork();
    mockLwa();
    useFakeClock();
  });
  afterEach(() => {
    vi.useRealTimers();
    nock.cleanAll();
  });

  it('repeats createReport after a 503 and yields one report', async () => {
    const api = nock(SP_URL)
      .post('/reports/2021-06-30/reports')
      .reply(503, SERVER_BUSY)
      .post('/reports/2021-06-30/reports')
      .reply(202, { reportId: 'R1' });

    const reportId = await settle(
      clientWithFixedDelay().reports.createReport({
        reportType: 'GET_LEDGER_DETAIL_VIEW_DATA',
        marketplaceIds: ['ATVPDKIKX0DER'],
      }),
    );

    expect(reportId).toBe('R1');
    expect(api.isDone()).toBe(true);
  });

  it('waits the backoff before the repeat (no second request before the delay)', async () => {
    const api = nock(SP_URL)
      .post('/reports/2021-06-30/reports')
      .reply(503, SERVER_BUSY)
      .post('/reports/2021-06-30/reports')
      .reply(202, { reportId: 'R1' });

    const pending = clientWithFixedDelay().call('createReport', {
      body: { reportType: 'GET_LEDGER_DETAIL_VIEW_DATA', marketplaceIds: ['ATVPDKIKX0DER'] },
    });
    const sentAtMs = Date.now();
    await settle(new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS - 2 * STEP_MS)));
    expect(api.pendingMocks()).toHaveLength(1);

    await expect(settle(pending)).resolves.toMatchObject({ status: 202 });
    expect(Date.now() - sentAtMs).toBeGreaterThanOrEqual(RETRY_DELAY_MS);
  });

  it('repeats confirmShipment after a connection reset, then takes the 204', async () => {
    const path = `/orders/v0/orders/${ORDER_ID}/shipmentConfirmation`;
    const api = nock(SP_URL)
      .post(path, CONFIRMATION)
      .replyWithError(socketError('ECONNRESET'))
      .post(path, CONFIRMATION)
      .reply(204);

    const response = await settle(
      clientWithFixedDelay().call('confirmShipment', {
        path: { orderId: ORDER_ID },
        body: CONFIRMATION,
      }),
    );

    expect(response).toMatchObject({ status: 204 });
    expect(api.isDone()).toBe(true);
  });

  it('does not repeat createInboundPlan after a 503 or a reset (a repeat is a second plan)', async () => {
    const api = nock(SP_URL)
      .post('/inbound/fba/2024-03-20/inboundPlans')
      .reply(503, SERVER_BUSY)
      .post('/inbound/fba/2024-03-20/inboundPlans')
      .replyWithError(socketError('ECONNRESET'));
    const client = clientWithFixedDelay();
    const request = { body: { destinationMarketplaces: ['ATVPDKIKX0DER'] } };

    const busy = await settle(client.call('createInboundPlan', request));
    const reset = await settle(client.call('createInboundPlan', request));

    expect(busy).toBeInstanceOf(ServerError);
    expect(busy).toMatchObject({ attempts: 1 });
    expect(reset).toBeInstanceOf(NetworkError);
    expect(reset).toMatchObject({ attempts: 1, vendorCode: 'ECONNRESET' });
    expect((reset as NetworkError).hint).toMatch(/reset or timed out after it was opened/);
    expect(api.isDone()).toBe(true);
  });

  it('repeats even a non-repeatable write after a refused connection (never delivered)', async () => {
    nock(SP_URL)
      .post('/inbound/fba/2024-03-20/inboundPlans')
      .replyWithError(socketError('ECONNREFUSED'))
      .post('/inbound/fba/2024-03-20/inboundPlans')
      .reply(202, { inboundPlanId: 'P1', operationId: 'O1' });

    const response = await settle(
      clientWithFixedDelay().call('createInboundPlan', {
        body: { destinationMarketplaces: ['ATVPDKIKX0DER'] },
      }),
    );

    expect(response).toMatchObject({ status: 202 });
  });

  it('repeats createFeed for a listings feed only', async () => {
    const api = nock(SP_URL)
      .post('/feeds/2021-06-30/feeds')
      .reply(503, SERVER_BUSY)
      .post('/feeds/2021-06-30/feeds')
      .reply(202, { feedId: 'F1' })
      .post('/feeds/2021-06-30/feeds')
      .reply(503, SERVER_BUSY);
    const client = clientWithFixedDelay();
    const feed = (feedType: string) => ({
      body: { feedType, marketplaceIds: ['ATVPDKIKX0DER'], inputFeedDocumentId: 'D1' },
    });

    const listings = await settle(client.call('createFeed', feed('JSON_LISTINGS_FEED')));
    const removal = await settle(client.call('createFeed', feed('POST_FLAT_FILE_FBA_REMOVAL')));

    expect(listings).toMatchObject({ status: 202, body: { feedId: 'F1' } });
    expect(removal).toMatchObject({ code: 'SERVER', attempts: 1 });
    expect(api.isDone()).toBe(true);
  });

  it('names the cause of a refused connection in the hint', async () => {
    nock(SP_URL).get('/sellers/v1/account').times(5).replyWithError(socketError('ECONNREFUSED'));

    const error = await settle(clientWithFixedDelay().call('getAccount'));

    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).hint).toMatch(/could not be reached \(connection refused/);
  });
});

describe('REPEAT_AFTER_POSSIBLE_DELIVERY', () => {
  it('has a decision for every generated write operation', () => {
    const writes = Object.entries(OPERATIONS)
      .filter(([, spec]) => spec.method !== 'GET')
      .map(([operation]) => operation);

    expect(writes.filter((operation) => !(operation in REPEAT_AFTER_POSSIBLE_DELIVERY))).toEqual(
      [],
    );
    expect(Object.keys(REPEAT_AFTER_POSSIBLE_DELIVERY).sort()).toEqual([...writes].sort());
  });
});
