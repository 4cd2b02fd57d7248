import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningAmazonEmulator } from '../../src/amazon/server/emulator';
import { call, sellerToken, startTestEmulator } from './helpers';

let amazon: RunningAmazonEmulator;
let token: string;

beforeAll(async () => {
  ({ amazon } = await startTestEmulator({ timeScale: 100_000 }));
  token = await sellerToken(amazon);
});
afterAll(async () => amazon.close());

// The data-product areas belong to EMU-WORLD and have their own suites; this checks that the
// server mounts them behind the same auth, usage plans and headers.
describe('mounted data-product areas', () => {
  it.each([
    [
      'getReports',
      '/reports/2021-06-30/reports?reportTypes=GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2',
    ],
    [
      'listFinancialEventGroups',
      '/finances/v0/financialEventGroups?FinancialEventGroupStartedAfter=2026-01-01T00:00:00Z',
    ],
    [
      'getInventorySummaries',
      '/fba/inventory/v1/summaries?granularityType=Marketplace&granularityId=ATVPDKIKX0DER&marketplaceIds=ATVPDKIKX0DER',
    ],
    ['listInboundPlans', '/inbound/fba/2024-03-20/inboundPlans'],
  ])('serves %s with the rate header', async (operation, path) => {
    const res = await call(amazon, token, 'GET', path);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-amzn-ratelimit-limit')).toBeTruthy();
    expect(amazon.inspect.requestCounts()[operation]?.received).toBe(1);
    expect((await fetch(`${amazon.url}${path}`)).status).toBe(403);
  });
});
